package org.scatter4j.testsupport;

import java.util.Random;

/** Synthetic test images and helpers shared by the tests of several modules. */
public final class TestImages {
    private TestImages() {
    }

    /**
     * A smooth random blob supported in [lo, hi)^2 of an n x n image, zero elsewhere: six round
     * Gaussian bumps of widths 1..3 (the translation scattering's tests).
     */
    public static double[] roundBlob(int n, int lo, int hi, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n * n];
        for (int k = 0; k < 6; k++) {
            double cr = lo + 3 + r.nextDouble() * (hi - lo - 6);
            double cc = lo + 3 + r.nextDouble() * (hi - lo - 6);
            double s = 1 + r.nextDouble() * 2;
            double a = r.nextGaussian();
            for (int i = lo; i < hi; i++) {
                for (int j = lo; j < hi; j++) {
                    x[i * n + j] += a * Math.exp(-((i - cr) * (i - cr) + (j - cc) * (j - cc)) / (2 * s * s));
                }
            }
        }
        return x;
    }

    /**
     * A smooth random blob supported in [lo, hi)^2 of an n x n image, zero elsewhere: eight Gaussian
     * bumps elongated along the columns, so that it has an orientation (the roto-translation's tests).
     */
    public static double[] blob(int n, int lo, int hi, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n * n];
        for (int k = 0; k < 8; k++) {
            double cr = lo + 2 + r.nextDouble() * (hi - lo - 4);
            double cc = lo + 2 + r.nextDouble() * (hi - lo - 4);
            double s = 0.8 + r.nextDouble() * 2;
            double a = r.nextGaussian();
            for (int i = lo; i < hi; i++) {
                for (int j = lo; j < hi; j++) {
                    x[i * n + j] += a * Math.exp(-((i - cr) * (i - cr) + 0.3 * (j - cc) * (j - cc)) / (2 * s * s));
                }
            }
        }
        return x;
    }

    /**
     * An oriented texture: a sum of random gratings (frequencies 0.4..1.1 rad/pixel, random
     * orientations clustered around one direction) inside a disc of radius 0.38 n with a smooth edge,
     * on a constant background 0 outside; positive mean.
     */
    public static double[] gratingsInDisc(int n, long seed) {
        Random r = new Random(seed);
        int g = 5;
        double[] kr = new double[g];
        double[] kc = new double[g];
        double[] ph = new double[g];
        double[] amp = new double[g];
        double main = r.nextDouble() * Math.PI;
        for (int k = 0; k < g; k++) {
            double f = 0.4 + 0.7 * r.nextDouble();
            double th = main + 0.5 * r.nextGaussian();
            kr[k] = f * Math.cos(th);
            kc[k] = f * Math.sin(th);
            ph[k] = 2 * Math.PI * r.nextDouble();
            amp[k] = 0.5 + r.nextDouble();
        }
        double c = (n - 1) / 2.0;
        double radius = 0.38 * n;
        double[] x = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = Math.hypot(i - c, j - c);
                double w = 0.5 * (1 - Math.tanh((d - radius) / 2.0));
                double v = 2.0;
                for (int k = 0; k < g; k++) {
                    v += amp[k] * Math.cos(kr[k] * (i - c) + kc[k] * (j - c) + ph[k]);
                }
                x[i * n + j] = w * v;
            }
        }
        return x;
    }

    /** x rotated by angle (radians) about the image centre ((n-1)/2, (n-1)/2), bilinear, 0 outside. */
    public static double[] rotateBilinear(double[] x, int n, double angle) {
        double c = (n - 1) / 2.0;
        double cs = Math.cos(angle);
        double sn = Math.sin(angle);
        double[] y = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double di = i - c;
                double dj = j - c;
                double si = c + cs * di + sn * dj; // inverse rotation of the target position
                double sj = c - sn * di + cs * dj;
                int i0 = (int) Math.floor(si);
                int j0 = (int) Math.floor(sj);
                double fi = si - i0;
                double fj = sj - j0;
                y[i * n + j] = (1 - fi) * ((1 - fj) * at(x, n, i0, j0) + fj * at(x, n, i0, j0 + 1))
                        + fi * ((1 - fj) * at(x, n, i0 + 1, j0) + fj * at(x, n, i0 + 1, j0 + 1));
            }
        }
        return y;
    }

    private static double at(double[] x, int n, int i, int j) {
        return i < 0 || j < 0 || i >= n || j >= n ? 0.0 : x[i * n + j];
    }

    /** new(r, c) = old(c, twiceCentre - r): the exact 90-degree rotation about twiceCentre / 2. */
    public static double[] rotate90(double[] x, int n, int twiceCentre) {
        double[] y = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int sc = twiceCentre - r;
                if (sc >= 0 && sc < n) {
                    y[r * n + c] = x[c * n + sc];
                }
            }
        }
        return y;
    }

    public static double norm(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return Math.sqrt(s);
    }

    public static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
