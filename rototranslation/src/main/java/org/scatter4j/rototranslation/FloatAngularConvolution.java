// GENERATED from AngularConvolution.java by org.scatter4j.codegen.Float32Kernels: do not edit.
// Edit AngularConvolution.java and run the generator (see its Javadoc).
package org.scatter4j.rototranslation;

import java.util.Arrays;

/**
 * Circular convolutions of length n along the angle, for a block of pixels at once, followed by the
 * modulus and the sum over the angle: {@code sum[p] = sum_a |(z_p *_a h)(a)|} for a filter h given
 * by its (real) DFT. The signal at angle a is the row {@code re[a][0..len)}, {@code im[a][0..len)}, one
 * column per pixel: every inner loop runs over the contiguous pixels of a row with scalar
 * coefficients, and every pixel sees exactly the same arithmetic whatever block it lands in.
 *
 * <p>For n a power of two: a radix-2 decimation-in-frequency FFT takes the natural-order signal to a
 * bit-reversed spectrum, the filter is applied in that order ({@link #scramble}), and the
 * decimation-in-time inverse FFT takes it back to natural order, so no permutation pass is needed;
 * the product with the filter is fused into the first inverse stage. Each butterfly is split into
 * small loops (sum and difference of the real parts, of the imaginary parts, then the twiddle
 * product): Java 17's C2 vectorizes those with its default unroll limit, while one loop with the
 * whole butterfly measured 2.5 times slower per pixel. Otherwise (n not a power of two): direct
 * O(n^2) DFTs in natural order.
 *
 * <p>Holds scratch memory: one instance per thread.
 */
final class FloatAngularConvolution {
    private final int n;
    private final boolean fast;
    private final int stages;
    /** cos / sin (2 pi j / s) for the stage of span s = 2^(st + 1), j &lt; s / 2. */
    private final float[][] cos;
    private final float[][] sin;
    private final int[] perm;
    private final float[][] dRe;
    private final float[][] dIm;

    FloatAngularConvolution(int n, int block) {
        this.n = n;
        this.fast = Integer.bitCount(n) == 1 && n >= 2;
        if (fast) {
            stages = Integer.numberOfTrailingZeros(n);
            cos = new float[stages][];
            sin = new float[stages][];
            for (int st = 0; st < stages; st++) {
                int s = 2 << st;
                cos[st] = new float[s / 2];
                sin[st] = new float[s / 2];
                for (int j = 0; j < s / 2; j++) {
                    cos[st][j] = (float) Math.cos(2 * Math.PI * j / s);
                    sin[st][j] = (float) Math.sin(2 * Math.PI * j / s);
                }
            }
            dRe = null;
            dIm = null;
        } else {
            stages = 0;
            cos = new float[][] {new float[n]};
            sin = new float[][] {new float[n]};
            for (int j = 0; j < n; j++) {
                cos[0][j] = (float) Math.cos(2 * Math.PI * j / n);
                sin[0][j] = (float) Math.sin(2 * Math.PI * j / n);
            }
            dRe = new float[n][block];
            dIm = new float[n][block];
        }
        this.perm = new int[n];
        for (int p = 0; p < n; p++) {
            perm[p] = fast ? Integer.reverse(p) >>> (32 - stages) : p;
        }
        if (fast && n == 1) {
            perm[0] = 0;
        }
    }

    /** The spectrum in the order of {@link #forward}'s output: out[p] = spectrum[perm[p]]. */
    float[] scramble(float[] spectrum) {
        float[] out = new float[n];
        for (int p = 0; p < n; p++) {
            out[p] = spectrum[perm[p]];
        }
        return out;
    }

    /** In place: the DFT (sign -1, unnormalized) of the first len columns, in scrambled order. */
    void forward(float[][] re, float[][] im, int len) {
        if (!fast) {
            direct(re, im, len, -1);
            return;
        }
        for (int st = stages - 1; st >= 0; st--) {
            int half = 1 << st;
            int s = 2 * half;
            for (int start = 0; start < n; start += s) {
                for (int j = 0; j < half; j++) {
                    int p0 = start + j;
                    int p1 = p0 + half;
                    sumDiff(re[p0], re[p1], len);
                    sumDiff(im[p0], im[p1], len);
                    if (j != 0) {
                        rotate(re[p1], im[p1], cos[st][j], -sin[st][j], len);
                    }
                }
            }
        }
    }

    /**
     * sum[0..len) = sum over a of |IDFT(F h)(a)| where F is a scrambled spectrum from {@link #forward}
     * (left unchanged) and h the filter's scrambled real DFT already divided by n; gRe, gIm: scratch.
     */
    void convolveModulusSum(float[][] fRe, float[][] fIm, float[] h, float[][] gRe, float[][] gIm, int len, float[] sum) {
        if (!fast) {
            for (int w = 0; w < n; w++) {
                scale(fRe[w], h[w], gRe[w], len);
                scale(fIm[w], h[w], gIm[w], len);
            }
            direct(gRe, gIm, len, +1);
        } else {
            // first stage (span 2, unit twiddle) with the filter: g0 = h0 f0 + h1 f1, g1 = h0 f0 - h1 f1
            for (int p0 = 0; p0 < n; p0 += 2) {
                scaledSumDiff(fRe[p0], h[p0], fRe[p0 + 1], h[p0 + 1], gRe[p0], gRe[p0 + 1], len);
                scaledSumDiff(fIm[p0], h[p0], fIm[p0 + 1], h[p0 + 1], gIm[p0], gIm[p0 + 1], len);
            }
            for (int st = 1; st < stages; st++) {
                int half = 1 << st;
                int s = 2 * half;
                for (int start = 0; start < n; start += s) {
                    for (int j = 0; j < half; j++) {
                        int p0 = start + j;
                        int p1 = p0 + half;
                        if (j != 0) {
                            rotate(gRe[p1], gIm[p1], cos[st][j], sin[st][j], len);
                        }
                        sumDiff(gRe[p0], gRe[p1], len);
                        sumDiff(gIm[p0], gIm[p1], len);
                    }
                }
            }
        }
        Arrays.fill(sum, 0, len, 0.0f);
        for (int a = 0; a < n; a++) {
            float[] gr = gRe[a];
            float[] gi = gIm[a];
            for (int b = 0; b < len; b++) {
                sum[b] += (float) Math.sqrt(gr[b] * gr[b] + gi[b] * gi[b]);
            }
        }
    }

    /** (x, y) = (x + y, x - y). */
    private static void sumDiff(float[] x, float[] y, int len) {
        for (int b = 0; b < len; b++) {
            float u = x[b];
            float v = y[b];
            x[b] = u + v;
            y[b] = u - v;
        }
    }

    /** (s, d) = (hx x + hy y, hx x - hy y). */
    private static void scaledSumDiff(float[] x, float hx, float[] y, float hy, float[] s, float[] d, int len) {
        for (int b = 0; b < len; b++) {
            float u = x[b] * hx;
            float v = y[b] * hy;
            s[b] = u + v;
            d[b] = u - v;
        }
    }

    /** (re + i im) *= (wr + i wi). */
    private static void rotate(float[] re, float[] im, float wr, float wi, int len) {
        for (int b = 0; b < len; b++) {
            float r = re[b];
            float i = im[b];
            re[b] = r * wr - i * wi;
            im[b] = r * wi + i * wr;
        }
    }

    private static void scale(float[] x, float h, float[] out, int len) {
        for (int b = 0; b < len; b++) {
            out[b] = x[b] * h;
        }
    }

    private void direct(float[][] re, float[][] im, int len, int sign) {
        for (int w = 0; w < n; w++) {
            float[] or = dRe[w];
            float[] oi = dIm[w];
            Arrays.fill(or, 0, len, 0.0f);
            Arrays.fill(oi, 0, len, 0.0f);
            for (int a = 0; a < n; a++) {
                int q = (int) ((long) w * a % n);
                float wr = cos[0][q];
                float wi = sign * sin[0][q];
                float[] xr = re[a];
                float[] xi = im[a];
                for (int b = 0; b < len; b++) {
                    or[b] += xr[b] * wr - xi[b] * wi;
                    oi[b] += xr[b] * wi + xi[b] * wr;
                }
            }
        }
        for (int w = 0; w < n; w++) {
            System.arraycopy(dRe[w], 0, re[w], 0, len);
            System.arraycopy(dIm[w], 0, im[w], 0, len);
        }
    }
}
