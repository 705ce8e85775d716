package org.scatter4j.rototranslation;

/**
 * Discrete Fourier transforms of length n along the angle, applied to a block of pixels at once:
 * the signal at angle a is the row {@code re[a][0..len)}, {@code im[a][0..len)}, one column per
 * pixel. Every inner loop runs over the contiguous pixels of a row with scalar twiddles, so HotSpot
 * vectorizes it; every pixel sees exactly the same arithmetic, whatever the block it lands in.
 *
 * <p>For n a power of two: an in-place radix-2 decimation-in-time FFT, whose bit-reversal
 * permutation swaps row references (no data moves: the caller must always index rows through the
 * arrays it passed). Otherwise: a direct O(n^2) DFT through a scratch block. Both unnormalized:
 * {@code X[w] = sum_a x[a] exp(sign 2 pi i w a / n)}.
 *
 * <p>Holds scratch memory: one instance per thread.
 */
final class AngularDft {
    private final int n;
    private final boolean radix2;
    private final int[] bitReverse;
    /** Twiddles per stage: cos / sin (2 pi j / s) for s = 2, 4, ..., n, j &lt; s / 2. */
    private final double[][] cos;
    private final double[][] sin;
    private final double[][] scratchRe;
    private final double[][] scratchIm;

    AngularDft(int n, int block) {
        this.n = n;
        this.radix2 = Integer.bitCount(n) == 1;
        if (radix2) {
            int bits = Integer.numberOfTrailingZeros(n);
            bitReverse = new int[n];
            for (int i = 0; i < n; i++) {
                bitReverse[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
            }
            cos = new double[bits][];
            sin = new double[bits][];
            for (int st = 0; st < bits; st++) {
                int s = 2 << st;
                cos[st] = new double[s / 2];
                sin[st] = new double[s / 2];
                for (int j = 0; j < s / 2; j++) {
                    cos[st][j] = Math.cos(2 * Math.PI * j / s);
                    sin[st][j] = Math.sin(2 * Math.PI * j / s);
                }
            }
            scratchRe = null;
            scratchIm = null;
        } else {
            bitReverse = null;
            cos = new double[1][n];
            sin = new double[1][n];
            for (int j = 0; j < n; j++) {
                cos[0][j] = Math.cos(2 * Math.PI * j / n);
                sin[0][j] = Math.sin(2 * Math.PI * j / n);
            }
            scratchRe = new double[n][block];
            scratchIm = new double[n][block];
        }
    }

    /** In-place transform of the first {@code len} columns; sign -1 forward, +1 inverse (unnormalized). */
    void transform(double[][] re, double[][] im, int len, int sign) {
        if (radix2) {
            fft(re, im, len, sign);
        } else {
            direct(re, im, len, sign);
        }
    }

    private void fft(double[][] re, double[][] im, int len, int sign) {
        for (int i = 0; i < n; i++) {
            int r = bitReverse[i];
            if (r > i) {
                double[] t = re[i];
                re[i] = re[r];
                re[r] = t;
                t = im[i];
                im[i] = im[r];
                im[r] = t;
            }
        }
        for (int st = 0, s = 2; s <= n; st++, s <<= 1) {
            int half = s >> 1;
            for (int start = 0; start < n; start += s) {
                for (int j = 0; j < half; j++) {
                    double[] ur = re[start + j];
                    double[] ui = im[start + j];
                    double[] vr = re[start + j + half];
                    double[] vi = im[start + j + half];
                    if (j == 0) {
                        for (int b = 0; b < len; b++) {
                            double tr = vr[b];
                            double ti = vi[b];
                            vr[b] = ur[b] - tr;
                            vi[b] = ui[b] - ti;
                            ur[b] += tr;
                            ui[b] += ti;
                        }
                    } else {
                        double wr = cos[st][j];
                        double wi = sign * sin[st][j];
                        for (int b = 0; b < len; b++) {
                            double tr = vr[b] * wr - vi[b] * wi;
                            double ti = vr[b] * wi + vi[b] * wr;
                            vr[b] = ur[b] - tr;
                            vi[b] = ui[b] - ti;
                            ur[b] += tr;
                            ui[b] += ti;
                        }
                    }
                }
            }
        }
    }

    private void direct(double[][] re, double[][] im, int len, int sign) {
        for (int w = 0; w < n; w++) {
            double[] or = scratchRe[w];
            double[] oi = scratchIm[w];
            java.util.Arrays.fill(or, 0, len, 0.0);
            java.util.Arrays.fill(oi, 0, len, 0.0);
            for (int a = 0; a < n; a++) {
                int q = (int) ((long) w * a % n);
                double wr = cos[0][q];
                double wi = sign * sin[0][q];
                double[] xr = re[a];
                double[] xi = im[a];
                for (int b = 0; b < len; b++) {
                    or[b] += xr[b] * wr - xi[b] * wi;
                    oi[b] += xr[b] * wi + xi[b] * wr;
                }
            }
        }
        for (int w = 0; w < n; w++) {
            System.arraycopy(scratchRe[w], 0, re[w], 0, len);
            System.arraycopy(scratchIm[w], 0, im[w], 0, len);
        }
    }
}
