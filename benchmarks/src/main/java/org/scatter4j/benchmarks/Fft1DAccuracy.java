package org.scatter4j.benchmarks;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URL;
import java.net.URLClassLoader;
import java.io.File;
import java.util.Random;

/**
 * Accuracy of a build's {@code LaneFft1D} (float64) and {@code LaneFft1D32} (float32) against an
 * exact reference: a radix-2 FFT in double-double arithmetic (about 106 bits) whose twiddles come
 * from BigDecimal Taylor series (40 digits), so its own error is far below float64's. Prints the
 * relative L2 error ||fft - exact|| / ||exact|| of forward (complex input), forwardReal and
 * inverseReal, per length 64 .. 131072, for 3 lanes of Gaussian noise.
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.scatter4j.benchmarks.Fft1DAccuracy BUILD.jar [MAXLENGTH]
 * </pre>
 * The build is loaded from its own jar (public API only), so two builds' figures come from one reference.
 */
public final class Fft1DAccuracy {
    private Fft1DAccuracy() {
    }

    public static void main(String[] args) throws Exception {
        ClassLoader cl = new URLClassLoader(new URL[] {new File(args[0]).toURI().toURL()}, ClassLoader.getPlatformClassLoader());
        int max = args.length > 1 ? Integer.parseInt(args[1]) : 131072;
        int lanes = 3;
        Class<?> c64 = cl.loadClass("org.scatter4j.wavelets.fft.LaneFft1D");
        Class<?> c32 = cl.loadClass("org.scatter4j.wavelets.fft.LaneFft1D32");
        System.out.println("relative L2 error against a double-double FFT, " + lanes + " lanes of Gaussian noise: " + args[0]);
        System.out.printf("%8s %12s %12s %12s %12s %12s %12s%n", "m", "fwd64", "fwdReal64", "invReal64", "fwd32", "fwdReal32",
                "invReal32");
        for (int m = 64; m <= max; m *= 2) {
            Random rng = new Random(m);
            double[] xr = new double[m * lanes], xi = new double[m * lanes];
            for (int i = 0; i < xr.length; i++) {
                xr[i] = (float) rng.nextGaussian(); // float32-representable: the same input for both precisions
                xi[i] = (float) rng.nextGaussian();
            }
            DD tw = new DD(m);
            double[][] exactFwd = new double[lanes][], exactReal = new double[lanes][], exactInvReal = new double[lanes][];
            for (int b = 0; b < lanes; b++) {
                double[] hr = new double[m], lr = new double[m], hi = new double[m], li = new double[m];
                for (int t = 0; t < m; t++) {
                    hr[t] = xr[t * lanes + b];
                    hi[t] = xi[t * lanes + b];
                }
                exactFwd[b] = tw.fft(hr.clone(), lr.clone(), hi.clone(), li.clone(), false);
                exactReal[b] = tw.fft(hr.clone(), lr.clone(), new double[m], new double[m], false);
                // the real part of the inverse of (xr + i xi), with its 1/m
                double[] inv = tw.fft(hr.clone(), lr.clone(), hi.clone(), li.clone(), true);
                exactInvReal[b] = new double[m];
                for (int t = 0; t < m; t++) {
                    exactInvReal[b][t] = inv[2 * t] / m;
                }
            }
            double[] e = new double[6];
            for (int p = 0; p < 2; p++) {
                boolean f32 = p == 1;
                Class<?> c = f32 ? c32 : c64;
                Object fft = c.getConstructor(int.class, int.class).newInstance(m, lanes);
                Class<?> arr = f32 ? float[].class : double[].class;
                Method fwd = c.getMethod("forward", arr, arr, int.class, int.class);
                Method fwdReal = c.getMethod("forwardReal", arr, arr, int.class, int.class);
                Method invReal = c.getMethod("inverseReal", arr, arr, int.class, int.class);
                Object[] a = arrays(xr, xi, f32);
                fwd.invoke(fft, a[0], a[1], m, lanes);
                e[3 * p] = error(a, exactFwd, m, lanes, true);
                a = arrays(xr, new double[xr.length], f32);
                fwdReal.invoke(fft, a[0], a[1], m, lanes);
                e[3 * p + 1] = error(a, exactReal, m, lanes, true);
                a = arrays(xr, xi, f32);
                invReal.invoke(fft, a[0], a[1], m, lanes);
                e[3 * p + 2] = error(a, exactInvReal, m, lanes, false);
            }
            System.out.printf("%8d %12.3e %12.3e %12.3e %12.3e %12.3e %12.3e%n", m, e[0], e[1], e[2], e[3], e[4], e[5]);
        }
    }

    private static Object[] arrays(double[] re, double[] im, boolean f32) {
        if (!f32) {
            return new Object[] {re.clone(), im.clone()};
        }
        float[] r = new float[re.length], i = new float[re.length];
        for (int k = 0; k < re.length; k++) {
            r[k] = (float) re[k];
            i[k] = (float) im[k];
        }
        return new Object[] {r, i};
    }

    private static double value(Object a, int i) {
        return a instanceof float[] ? ((float[]) a)[i] : ((double[]) a)[i];
    }

    /** Relative L2 error over all lanes; exact[b] holds (re, im) pairs when complex, else real values. */
    private static double error(Object[] a, double[][] exact, int m, int lanes, boolean complex) {
        double err = 0, norm = 0;
        for (int b = 0; b < lanes; b++) {
            for (int t = 0; t < m; t++) {
                double er = complex ? exact[b][2 * t] : exact[b][t];
                double dr = value(a[0], t * lanes + b) - er;
                err += dr * dr;
                norm += er * er;
                if (complex) {
                    double ei = exact[b][2 * t + 1];
                    double di = value(a[1], t * lanes + b) - ei;
                    err += di * di;
                    norm += ei * ei;
                }
            }
        }
        return Math.sqrt(err / norm);
    }

    /** A radix-2 FFT in double-double arithmetic, twiddles from 40-digit Taylor series. */
    private static final class DD {
        final int n;
        final double[] cH, cL, sH, sL; // cos and sin(2 pi k / n), k < n, as hi + lo

        DD(int n) {
            this.n = n;
            cH = new double[n];
            cL = new double[n];
            sH = new double[n];
            sL = new double[n];
            MathContext mc = new MathContext(40);
            BigDecimal twoPi = new BigDecimal("6.283185307179586476925286766559005768394338798750211641949889");
            int eighth = Math.max(1, n / 8);
            BigDecimal[] c = new BigDecimal[eighth + 1], s = new BigDecimal[eighth + 1];
            for (int k = 0; k <= eighth && k <= n; k++) {
                BigDecimal x = twoPi.multiply(BigDecimal.valueOf(k), mc).divide(BigDecimal.valueOf(n), mc);
                BigDecimal x2 = x.multiply(x, mc);
                BigDecimal term = BigDecimal.ONE, cos = BigDecimal.ONE;
                for (int j = 1; j < 40; j++) {
                    term = term.multiply(x2, mc).divide(BigDecimal.valueOf((2L * j - 1) * (2L * j)), mc).negate();
                    cos = cos.add(term, mc);
                }
                term = x;
                BigDecimal sin = x;
                for (int j = 1; j < 40; j++) {
                    term = term.multiply(x2, mc).divide(BigDecimal.valueOf((2L * j) * (2L * j + 1)), mc).negate();
                    sin = sin.add(term, mc);
                }
                c[k] = cos;
                s[k] = sin;
            }
            for (int k = 0; k < n; k++) {
                // reduce k to the first eighth by symmetry: angle a = 2 pi k / n
                BigDecimal cos, sin;
                int q = (int) ((8L * k) / n); // octant
                int r;
                switch (q) {
                    case 0: r = k; cos = c[r]; sin = s[r]; break;
                    case 1: r = n / 4 - k; cos = s[r]; sin = c[r]; break;
                    case 2: r = k - n / 4; cos = s[r].negate(); sin = c[r]; break;
                    case 3: r = n / 2 - k; cos = c[r].negate(); sin = s[r]; break;
                    case 4: r = k - n / 2; cos = c[r].negate(); sin = s[r].negate(); break;
                    case 5: r = 3 * n / 4 - k; cos = s[r].negate(); sin = c[r].negate(); break;
                    case 6: r = k - 3 * n / 4; cos = s[r]; sin = c[r].negate(); break;
                    default: r = n - k; cos = c[r]; sin = s[r].negate(); break;
                }
                cH[k] = cos.doubleValue();
                cL[k] = cos.subtract(new BigDecimal(cH[k]), mc).doubleValue();
                sH[k] = sin.doubleValue();
                sL[k] = sin.subtract(new BigDecimal(sH[k]), mc).doubleValue();
            }
        }

        /** DFT (sign -1, or +1 if inverse, no 1/n) of (rh + rl) + i (ih + il); returns (re, im) pairs rounded to double. */
        double[] fft(double[] rh, double[] rl, double[] ih, double[] il, boolean inverse) {
            // bit reversal
            for (int i = 1, j = 0; i < n; i++) {
                int bit = n >> 1;
                for (; (j & bit) != 0; bit >>= 1) {
                    j ^= bit;
                }
                j ^= bit;
                if (i < j) {
                    swap(rh, i, j);
                    swap(rl, i, j);
                    swap(ih, i, j);
                    swap(il, i, j);
                }
            }
            double[] t = new double[2];
            for (int len = 2; len <= n; len *= 2) {
                int step = n / len;
                for (int i = 0; i < n; i += len) {
                    for (int j = 0; j < len / 2; j++) {
                        int k = j * step;
                        double wrh = cH[k], wrl = cL[k], wih = inverse ? sH[k] : -sH[k], wil = inverse ? sL[k] : -sL[k];
                        int u = i + j, v = i + j + len / 2;
                        // (xr + i xi) * (wr + i wi)
                        double[] a = mul(rh[v], rl[v], wrh, wrl);
                        double[] b = mul(ih[v], il[v], wih, wil);
                        double[] pr = add(a[0], a[1], -b[0], -b[1]);
                        double[] c = mul(rh[v], rl[v], wih, wil);
                        double[] d = mul(ih[v], il[v], wrh, wrl);
                        double[] pi = add(c[0], c[1], d[0], d[1]);
                        double[] ur = add(rh[u], rl[u], pr[0], pr[1]);
                        double[] ui = add(ih[u], il[u], pi[0], pi[1]);
                        double[] vr = add(rh[u], rl[u], -pr[0], -pr[1]);
                        double[] vi = add(ih[u], il[u], -pi[0], -pi[1]);
                        rh[u] = ur[0];
                        rl[u] = ur[1];
                        ih[u] = ui[0];
                        il[u] = ui[1];
                        rh[v] = vr[0];
                        rl[v] = vr[1];
                        ih[v] = vi[0];
                        il[v] = vi[1];
                    }
                }
            }
            double[] out = new double[2 * n];
            for (int k = 0; k < n; k++) {
                out[2 * k] = rh[k] + rl[k];
                out[2 * k + 1] = ih[k] + il[k];
            }
            return out;
        }

        private static void swap(double[] a, int i, int j) {
            double x = a[i];
            a[i] = a[j];
            a[j] = x;
        }

        private static double[] twoSum(double a, double b) {
            double s = a + b, bb = s - a;
            return new double[] {s, (a - (s - bb)) + (b - bb)};
        }

        private static double[] add(double ah, double al, double bh, double bl) {
            double[] s = twoSum(ah, bh);
            double lo = s[1] + al + bl;
            double hi = s[0] + lo;
            return new double[] {hi, lo - (hi - s[0])};
        }

        private static double[] mul(double ah, double al, double bh, double bl) {
            double p = ah * bh, e = Math.fma(ah, bh, -p);
            e += ah * bl + al * bh;
            double hi = p + e;
            return new double[] {hi, e - (hi - p)};
        }
    }
}
