package org.scatter4j.wavelets.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The lane 1D FFT against a direct DFT, in both precisions, on every length it accepts. */
class LaneFft1DTest {

    /** Direct DFT of lane b (sign -1 forward), in float64 with exactly reduced exponents. */
    private static double[][] dft(double[] re, double[] im, int m, int lanes, int b, int sign) {
        double[] outRe = new double[m], outIm = new double[m];
        for (int k = 0; k < m; k++) {
            double sr = 0, si = 0;
            for (int t = 0; t < m; t++) {
                double a = sign * 2 * Math.PI * (((long) t * k) % m) / m;
                double xr = re[t * lanes + b], xi = im[t * lanes + b];
                sr += xr * Math.cos(a) - xi * Math.sin(a);
                si += xr * Math.sin(a) + xi * Math.cos(a);
            }
            outRe[k] = sr;
            outIm[k] = si;
        }
        return new double[][] {outRe, outIm};
    }

    private static double maxRelError(double[] re, double[] im, double[][] ref, int m, int lanes, int b, double scale) {
        double err = 0, norm = 0;
        for (int k = 0; k < m; k++) {
            double dr = re[k * lanes + b] - ref[0][k] * scale, di = im[k * lanes + b] - ref[1][k] * scale;
            err = Math.max(err, Math.hypot(dr, di));
            norm = Math.max(norm, Math.hypot(ref[0][k] * scale, ref[1][k] * scale));
        }
        return err / norm;
    }

    @Test
    void forwardAndInverseMatchDirectDftForEveryLengthAndLaneCount() {
        Random rng = new Random(3);
        for (int n : new int[] {1, 2, 8, 96, 1000, 1024, 1031}) {
            LaneFft1D fft = new LaneFft1D(n, 5);
            for (int m = n; m >= 1; m /= 2) {
                for (int lanes : new int[] {1, 3, 5}) {
                    double[] re = new double[m * lanes], im = new double[m * lanes];
                    for (int i = 0; i < re.length; i++) {
                        re[i] = rng.nextGaussian();
                        im[i] = rng.nextGaussian();
                    }
                    double[] re0 = re.clone(), im0 = im.clone();
                    fft.forward(re, im, m, lanes);
                    for (int b = 0; b < lanes; b++) {
                        double e = maxRelError(re, im, dft(re0, im0, m, lanes, b, -1), m, lanes, b, 1.0);
                        assertTrue(e < 1e-12, "forward n=" + m + " lanes=" + lanes + " err " + e);
                    }
                    double[] re1 = re0.clone(), im1 = im0.clone();
                    fft.inverse(re1, im1, m, lanes);
                    for (int b = 0; b < lanes; b++) {
                        double e = maxRelError(re1, im1, dft(re0, im0, m, lanes, b, 1), m, lanes, b, 1.0 / m);
                        assertTrue(e < 1e-12, "inverse n=" + m + " lanes=" + lanes + " err " + e);
                    }
                    if (m % 2 == 1) {
                        break;
                    }
                }
                if (m % 2 == 1) {
                    break;
                }
            }
        }
    }

    /** The real-input forward (half-length complex transform, untangled) on every length, odd ones included. */
    @Test
    void forwardRealMatchesDirectDftAndKeepsLanesApart() {
        Random rng = new Random(6);
        for (int n : new int[] {1, 2, 4, 6, 8, 96, 1000, 1024, 1031}) {
            LaneFft1D fft = new LaneFft1D(n, 5);
            for (int m = n; m >= 1; m /= 2) {
                for (int lanes : new int[] {1, 2, 5}) {
                    double[] re = new double[m * lanes], im = new double[m * lanes], zero = new double[m * lanes];
                    for (int i = 0; i < re.length; i++) {
                        re[i] = rng.nextGaussian();
                        im[i] = Double.NaN; // ignored
                    }
                    double[] re0 = re.clone();
                    fft.forwardReal(re, im, m, lanes);
                    for (int b = 0; b < lanes; b++) {
                        double e = maxRelError(re, im, dft(re0, zero, m, lanes, b, -1), m, lanes, b, 1.0);
                        assertTrue(e < 1e-12, "forwardReal n=" + m + " lanes=" + lanes + " err " + e);
                    }
                    // the last lane alone gives the same bits
                    double[] one = new double[m], oneIm = new double[m];
                    for (int t = 0; t < m; t++) {
                        one[t] = re0[t * lanes + lanes - 1];
                    }
                    fft.forwardReal(one, oneIm, m, 1);
                    for (int t = 0; t < m; t++) {
                        assertTrue(one[t] == re[t * lanes + lanes - 1] && oneIm[t] == im[t * lanes + lanes - 1], "lane alone n=" + m);
                    }
                }
                if (m % 2 == 1) {
                    break;
                }
            }
        }
    }

    @Test
    void float32MatchesDirectDft() {
        Random rng = new Random(4);
        for (int m : new int[] {64, 1024, 4096}) {
            int lanes = 3;
            LaneFft1D32 fft = new LaneFft1D32(m, lanes);
            float[] re = new float[m * lanes], im = new float[m * lanes];
            double[] re0 = new double[m * lanes], im0 = new double[m * lanes];
            for (int i = 0; i < re.length; i++) {
                re[i] = (float) rng.nextGaussian();
                re0[i] = re[i];
            }
            fft.forwardReal(re, im, m, lanes);
            double[] r = new double[re.length], i2 = new double[re.length];
            for (int i = 0; i < re.length; i++) {
                r[i] = re[i];
                i2[i] = im[i];
            }
            for (int b = 0; b < lanes; b++) {
                double e = maxRelError(r, i2, dft(re0, im0, m, lanes, b, -1), m, lanes, b, 1.0);
                assertTrue(e < 1e-5, "float32 n=" + m + " err " + e);
            }
        }
    }

    @Test
    void laneResultsDoNotDependOnLaneCount() {
        Random rng = new Random(5);
        int m = 512;
        LaneFft1D fft = new LaneFft1D(m, 7);
        double[] re = new double[m * 7], im = new double[m * 7];
        for (int i = 0; i < re.length; i++) {
            re[i] = rng.nextGaussian();
            im[i] = rng.nextGaussian();
        }
        double[] one = new double[m], oneIm = new double[m];
        for (int t = 0; t < m; t++) {
            one[t] = re[t * 7 + 4];
            oneIm[t] = im[t * 7 + 4];
        }
        fft.forward(re, im, m, 7);
        fft.forward(one, oneIm, m, 1);
        double[] lane = new double[m];
        for (int t = 0; t < m; t++) {
            lane[t] = re[t * 7 + 4];
        }
        assertArrayEquals(one, lane, 0.0);
    }

    @Test
    void refusesLengthsAndLanesItHasNoBlocksFor() {
        LaneFft1D fft = new LaneFft1D(64, 2);
        double[] a = new double[256];
        assertThrows(IllegalArgumentException.class, () -> fft.forward(a, a.clone(), 48, 1));
        assertThrows(IllegalArgumentException.class, () -> fft.forward(a, a.clone(), 128, 1));
        assertThrows(IllegalArgumentException.class, () -> fft.forward(a, a.clone(), 64, 3));
    }
}
