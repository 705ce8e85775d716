package org.scatter4j.wavelets.fft;

import java.util.Arrays;

/**
 * Radix-p butterflies of one Stockham stage, applied to {@code width} independent values at once
 * (for a 2D transform: every lane of every pixel of an image row or column).
 *
 * <p>Every butterfly reads input blocks {@code x[in + i * inStride]} for {@code i < p}, computes
 * their length-p DFT, multiplies output {@code k >= 1} by the twiddle at {@code tw + k - 1} (unless
 * {@code twiddle} is false, i.e. all twiddles are 1) and writes it to {@code y[out + k * outStride]}.
 *
 * <p>The code is shaped for HotSpot C2's SuperWord auto-vectorizer (JDK 17), which needs:
 * <ul>
 *   <li>every load and store of a loop indexed by the same {@code t} in distinct arrays: it assumes
 *       that two accesses at different run-time offsets into flat arrays may overlap, and gives up;
 *       hence one {@code double[]} per block;</li>
 *   <li>small loop bodies: a loop larger than {@code -XX:LoopUnrollLimit} (60 nodes by default) is
 *       not unrolled and so not vectorized. A whole radix-4 butterfly with twiddles is several
 *       times that, so each butterfly is split into loops of at most about four inputs and two
 *       outputs: per component (real, imaginary) the even and the odd outputs of the DFT, then the
 *       in-place complex multiplications of the twiddled outputs, two outputs per loop where there
 *       are two ({@link #multiply2}: four arrays in place). The radix-3 butterfly instead ends in
 *       one loop over both components of its two odd outputs that applies their twiddles too (four
 *       arrays read and written in place: vectorized, and two fewer passes). The same shape tried
 *       for radix 2 (its twiddle in the butterfly loop) and radix 4 (sums per component, then the
 *       odd outputs with their twiddles) made loops over eight distinct arrays, which C2 left
 *       scalar: FFTs of 18 x 18 and 36 x 36 grids 1.5x-2x slower, so those stay as they are. The loops
 *       run over chunks of at most {@link #CHUNK} values (see there).</li>
 * </ul>
 * The halves take a {@code sign} (+1 for the real half, -1 for the imaginary one) in front of the
 * term that comes from the other component through a factor of {@code -i}; multiplying by +-1 is
 * exact, so this costs no accuracy.
 *
 * <p>The arithmetic of one value never depends on the others or on {@code width}: a lane is computed
 * the same way whatever the lane count (Java does not fuse or reassociate floating-point operations).
 */
final class Butterflies {
    private Butterflies() {
    }

    /**
     * Values per chunk at most: 16 KiB per block, so that a butterfly's 12-16 blocks (inputs and
     * outputs) stay within half of a 512 KiB L2 cache between its loops. Chunks of 1 KiB, which kept
     * them in the L1 cache, were slower: each of a butterfly's loops then ran over 256 float32 values,
     * and the loop entries (C2's pre- and post-loops) cost more than the L1 saved (the measurements
     * are in docs/performance-history.md, "Measurements behind the code's constants").
     */
    static final int CHUNK = 16384 / Double.BYTES;

    /**
     * The length of the chunks that split {@code width} evenly, a multiple of 8. Why even: a short
     * last chunk runs mostly in the scalar pre- and post-loops that C2 wraps around a vectorized
     * loop (a loop over 16 values costs 4x more per value than one over 128), and one-lane rows are
     * often just above a power of two (144, 288, 576 wide).
     */
    static int chunk(int width) {
        int n = (width + CHUNK - 1) / CHUNK;
        return ((width + n - 1) / n + 7) & ~7;
    }

    /** sin(2 pi / 3); cos(2 pi / 3) is -1/2. */
    private static final double SIN_120 = Math.sqrt(3.0) / 2.0;
    private static final double COS_72 = Math.cos(2.0 * Math.PI / 5.0);
    private static final double COS_144 = Math.cos(4.0 * Math.PI / 5.0);
    private static final double SIN_72 = Math.sin(2.0 * Math.PI / 5.0);
    private static final double SIN_144 = Math.sin(4.0 * Math.PI / 5.0);

    static void radix2(double[][] xr, double[][] xi, int in, int inStride,
                       double[][] yr, double[][] yi, int out, int outStride,
                       double[] twr, double[] twi, int tw, boolean twiddle, int width) {
        double[] x0r = xr[in], x0i = xi[in];
        double[] x1r = xr[in + inStride], x1i = xi[in + inStride];
        double[] y0r = yr[out], y0i = yi[out];
        double[] y1r = yr[out + outStride], y1i = yi[out + outStride];
        int step = chunk(width);
        for (int lo = 0; lo < width; lo += step) {
            int hi = Math.min(width, lo + step);
            dft2(x0r, x1r, y0r, y1r, lo, hi);
            dft2(x0i, x1i, y0i, y1i, lo, hi);
            if (twiddle) {
                multiply(y1r, y1i, twr[tw], twi[tw], lo, hi);
            }
        }
    }

    static void radix3(double[][] xr, double[][] xi, int in, int inStride,
                       double[][] yr, double[][] yi, int out, int outStride,
                       double[] twr, double[] twi, int tw, boolean twiddle, int width) {
        double[] x0r = xr[in], x0i = xi[in];
        double[] x1r = xr[in + inStride], x1i = xi[in + inStride];
        double[] x2r = xr[in + 2 * inStride], x2i = xi[in + 2 * inStride];
        double[] y0r = yr[out], y0i = yi[out];
        double[] y1r = yr[out + outStride], y1i = yi[out + outStride];
        double[] y2r = yr[out + 2 * outStride], y2i = yi[out + 2 * outStride];
        int step = chunk(width);
        for (int lo = 0; lo < width; lo += step) {
            int hi = Math.min(width, lo + step);
            dft3Sums(x0r, x1r, x2r, y0r, y1r, y2r, lo, hi);
            dft3Sums(x0i, x1i, x2i, y0i, y1i, y2i, lo, hi);
            if (twiddle) {
                dft3CombineTwiddled(y1r, y1i, y2r, y2i, twr[tw], twi[tw], twr[tw + 1], twi[tw + 1], lo, hi);
            } else {
                dft3Combine(y1r, y1i, y2r, y2i, lo, hi);
            }
        }
    }

    static void radix4(double[][] xr, double[][] xi, int in, int inStride,
                       double[][] yr, double[][] yi, int out, int outStride,
                       double[] twr, double[] twi, int tw, boolean twiddle, int width) {
        double[] x0r = xr[in], x0i = xi[in];
        double[] x1r = xr[in + inStride], x1i = xi[in + inStride];
        double[] x2r = xr[in + 2 * inStride], x2i = xi[in + 2 * inStride];
        double[] x3r = xr[in + 3 * inStride], x3i = xi[in + 3 * inStride];
        double[] y0r = yr[out], y0i = yi[out];
        double[] y1r = yr[out + outStride], y1i = yi[out + outStride];
        double[] y2r = yr[out + 2 * outStride], y2i = yi[out + 2 * outStride];
        double[] y3r = yr[out + 3 * outStride], y3i = yi[out + 3 * outStride];
        int step = chunk(width);
        for (int lo = 0; lo < width; lo += step) {
            int hi = Math.min(width, lo + step);
            dft4Even(x0r, x1r, x2r, x3r, y0r, y2r, lo, hi);
            dft4Even(x0i, x1i, x2i, x3i, y0i, y2i, lo, hi);
            dft4Odd(x0r, x2r, x1i, x3i, 1.0, y1r, y3r, lo, hi);
            dft4Odd(x0i, x2i, x1r, x3r, -1.0, y1i, y3i, lo, hi);
            if (twiddle) {
                multiply(y2r, y2i, twr[tw + 1], twi[tw + 1], lo, hi);
                multiply2(y1r, y1i, twr[tw], twi[tw], y3r, y3i, twr[tw + 2], twi[tw + 2], lo, hi);
            }
        }
    }

    static void radix5(double[][] xr, double[][] xi, int in, int inStride,
                       double[][] yr, double[][] yi, int out, int outStride,
                       double[] twr, double[] twi, int tw, boolean twiddle, int width) {
        double[] x0r = xr[in], x0i = xi[in];
        double[] x1r = xr[in + inStride], x1i = xi[in + inStride];
        double[] x2r = xr[in + 2 * inStride], x2i = xi[in + 2 * inStride];
        double[] x3r = xr[in + 3 * inStride], x3i = xi[in + 3 * inStride];
        double[] x4r = xr[in + 4 * inStride], x4i = xi[in + 4 * inStride];
        double[] y0r = yr[out], y0i = yi[out];
        double[] y1r = yr[out + outStride], y1i = yi[out + outStride];
        double[] y2r = yr[out + 2 * outStride], y2i = yi[out + 2 * outStride];
        double[] y3r = yr[out + 3 * outStride], y3i = yi[out + 3 * outStride];
        double[] y4r = yr[out + 4 * outStride], y4i = yi[out + 4 * outStride];
        int step = chunk(width);
        for (int lo = 0; lo < width; lo += step) {
            int hi = Math.min(width, lo + step);
            dft5Cos(x0r, x1r, x2r, x3r, x4r, y0r, y1r, y2r, lo, hi);
            dft5Cos(x0i, x1i, x2i, x3i, x4i, y0i, y1i, y2i, lo, hi);
            dft5Sin(x1i, x2i, x3i, x4i, 1.0, y1r, y2r, y3r, y4r, lo, hi);
            dft5Sin(x1r, x2r, x3r, x4r, -1.0, y1i, y2i, y3i, y4i, lo, hi);
            if (twiddle) {
                multiply2(y1r, y1i, twr[tw], twi[tw], y2r, y2i, twr[tw + 1], twi[tw + 1], lo, hi);
                multiply2(y3r, y3i, twr[tw + 2], twi[tw + 2], y4r, y4i, twr[tw + 3], twi[tw + 3], lo, hi);
            }
        }
    }

    /**
     * Direct O(p^2) DFT for an odd prime p, pairing inputs i and p-i so that outputs k and p-k share
     * P = a0 + sum_i cos(2 pi i k / p) (a_i + a_{p-i}) and Q = -i sum_i sin(2 pi i k / p)
     * (a_i - a_{p-i}): A_k = P + Q, A_{p-k} = P - Q. {@code pr, pi, qr, qi} are scratch blocks at
     * least {@code width} long.
     */
    static void generic(FftPlan.Stage stage, double[][] xr, double[][] xi, int in, int inStride,
                        double[][] yr, double[][] yi, int out, int outStride, int tw, boolean twiddle,
                        int width, double[] pr, double[] pi, double[] qr, double[] qi) {
        int p = stage.radix;
        double[] x0r = xr[in], x0i = xi[in];
        double[] y0r = yr[out], y0i = yi[out];
        System.arraycopy(x0r, 0, y0r, 0, width);
        System.arraycopy(x0i, 0, y0i, 0, width);
        for (int i = 1; i < p; i++) {
            accumulate(y0r, xr[in + i * inStride], width);
            accumulate(y0i, xi[in + i * inStride], width);
        }
        for (int k = 1; k <= p / 2; k++) {
            System.arraycopy(x0r, 0, pr, 0, width);
            System.arraycopy(x0i, 0, pi, 0, width);
            Arrays.fill(qr, 0, width, 0.0);
            Arrays.fill(qi, 0, width, 0.0);
            for (int i = 1; i <= p / 2; i++) {
                int e = (i * k) % p;
                int a = in + i * inStride, b = in + (p - i) * inStride;
                // P gains cos * (a + b); Q = -i sin * (a - b) gains (sin (a_i - b_i), -sin (a_r - b_r)).
                accumulatePair(pr, xr[a], xr[b], stage.dftCos[e], 1.0, width);
                accumulatePair(pi, xi[a], xi[b], stage.dftCos[e], 1.0, width);
                accumulatePair(qr, xi[a], xi[b], stage.dftSin[e], -1.0, width);
                accumulatePair(qi, xr[a], xr[b], -stage.dftSin[e], -1.0, width);
            }
            combine(pr, qr, 1.0, yr[out + k * outStride], width);
            combine(pi, qi, 1.0, yi[out + k * outStride], width);
            combine(pr, qr, -1.0, yr[out + (p - k) * outStride], width);
            combine(pi, qi, -1.0, yi[out + (p - k) * outStride], width);
            if (twiddle) {
                multiply(yr[out + k * outStride], yi[out + k * outStride],
                        stage.twRe[tw + k - 1], stage.twIm[tw + k - 1], 0, width);
                multiply(yr[out + (p - k) * outStride], yi[out + (p - k) * outStride],
                        stage.twRe[tw + p - k - 1], stage.twIm[tw + p - k - 1], 0, width);
            }
        }
    }

    /** y0 = a0 + a1, y1 = a0 - a1 (one component). */
    private static void dft2(double[] a0, double[] a1, double[] y0, double[] y1, int lo, int hi) {
        for (int t = lo; t < hi; t++) {
            double u = a0[t], v = a1[t];
            y0[t] = u + v;
            y1[t] = u - v;
        }
    }

    /*
     * The 3-point DFT, A_{1,2} = a0 - (a1 + a2) / 2 -+ i sin(120) (a1 - a2), in two steps: per
     * component the sums (dft3Sums), then both components together (dft3Combine, with the twiddles
     * when there are any). Why this split: each loop stays small enough for C2 to vectorize, and the
     * twiddles are applied while the outputs are in registers instead of in two more loops over y1
     * and y2 (which made a twiddled radix-3 butterfly about a third slower in a microbenchmark).
     */

    /** One component: y0 = a0 + a1 + a2 (final), y1 = a0 - (a1 + a2) / 2 and y2 = a1 - a2 (partial). */
    private static void dft3Sums(double[] a0, double[] a1, double[] a2, double[] y0, double[] y1, double[] y2,
                                 int lo, int hi) {
        for (int t = lo; t < hi; t++) {
            double u = a0[t], p = a1[t], q = a2[t], s = p + q;
            y0[t] = u + s;
            y1[t] = u - 0.5 * s;
            y2[t] = p - q;
        }
    }

    /** With m = y1 and d = y2 from {@link #dft3Sums}: y1 = m - i sin(120) d, y2 = m + i sin(120) d. */
    private static void dft3Combine(double[] y1r, double[] y1i, double[] y2r, double[] y2i, int lo, int hi) {
        for (int t = lo; t < hi; t++) {
            double mr = y1r[t], mi = y1i[t], er = SIN_120 * y2i[t], ei = SIN_120 * y2r[t];
            y1r[t] = mr + er;
            y2r[t] = mr - er;
            y1i[t] = mi - ei;
            y2i[t] = mi + ei;
        }
    }

    /** {@link #dft3Combine}, then y1 *= w1 and y2 *= w2. */
    private static void dft3CombineTwiddled(double[] y1r, double[] y1i, double[] y2r, double[] y2i, double w1r,
                                            double w1i, double w2r, double w2i, int lo, int hi) {
        for (int t = lo; t < hi; t++) {
            double mr = y1r[t], mi = y1i[t], er = SIN_120 * y2i[t], ei = SIN_120 * y2r[t];
            double ar = mr + er, ai = mi - ei, br = mr - er, bi = mi + ei;
            y1r[t] = ar * w1r - ai * w1i;
            y1i[t] = ar * w1i + ai * w1r;
            y2r[t] = br * w2r - bi * w2i;
            y2i[t] = br * w2i + bi * w2r;
        }
    }

    /** Even outputs of one component of the 4-point DFT: y0,2 = (a0 + a2) +- (a1 + a3). */
    private static void dft4Even(double[] a0, double[] a1, double[] a2, double[] a3, double[] y0,
                                 double[] y2, int lo, int hi) {
        for (int t = lo; t < hi; t++) {
            double s02 = a0[t] + a2[t], s13 = a1[t] + a3[t];
            y0[t] = s02 + s13;
            y2[t] = s02 - s13;
        }
    }

    /**
     * Odd outputs of one component of the 4-point DFT, A_{1,3} = (a0 - a2) -+ i (a1 - a3):
     * y1,3 = (a0 - a2) +- sign (b1 - b3), b being the other component.
     */
    private static void dft4Odd(double[] a0, double[] a2, double[] b1, double[] b3, double sign,
                                double[] y1, double[] y3, int lo, int hi) {
        for (int t = lo; t < hi; t++) {
            double d02 = a0[t] - a2[t], e13 = sign * (b1[t] - b3[t]);
            y1[t] = d02 + e13;
            y3[t] = d02 - e13;
        }
    }

    /**
     * Cosine part of one component of the 5-point DFT, pairing inputs i and 5-i:
     * y0 = a0 + u1 + u2 (final), y1 = P1 = a0 + c72 u1 + c144 u2, y2 = P2 = a0 + c144 u1 + c72 u2
     * (partial), with u1 = a1 + a4, u2 = a2 + a3.
     */
    private static void dft5Cos(double[] a0, double[] a1, double[] a2, double[] a3, double[] a4,
                                double[] y0, double[] y1, double[] y2, int lo, int hi) {
        for (int t = lo; t < hi; t++) {
            double u = a0[t], u1 = a1[t] + a4[t], u2 = a2[t] + a3[t];
            y0[t] = u + u1 + u2;
            y1[t] = u + COS_72 * u1 + COS_144 * u2;
            y2[t] = u + COS_144 * u1 + COS_72 * u2;
        }
    }

    /**
     * Sine part of one component of the 5-point DFT: A_{1,4} = P1 -+ i (s72 v1 + s144 v2),
     * A_{2,3} = P2 -+ i (s144 v1 - s72 v2), with v1 = b1 - b4, v2 = b2 - b3 from the other
     * component b. Reads P1, P2 from y1, y2 and completes y1 .. y4.
     */
    private static void dft5Sin(double[] b1, double[] b2, double[] b3, double[] b4, double sign,
                                double[] y1, double[] y2, double[] y3, double[] y4, int lo, int hi) {
        for (int t = lo; t < hi; t++) {
            double v1 = b1[t] - b4[t], v2 = b2[t] - b3[t];
            double q1 = sign * (SIN_72 * v1 + SIN_144 * v2);
            double q2 = sign * (SIN_144 * v1 - SIN_72 * v2);
            double p1 = y1[t], p2 = y2[t];
            y1[t] = p1 + q1;
            y4[t] = p1 - q1;
            y2[t] = p2 + q2;
            y3[t] = p2 - q2;
        }
    }

    /** y *= (wr + i wi), in place. */
    private static void multiply(double[] yr, double[] yi, double wr, double wi, int lo, int hi) {
        for (int t = lo; t < hi; t++) {
            double br = yr[t], bi = yi[t];
            yr[t] = br * wr - bi * wi;
            yi[t] = br * wi + bi * wr;
        }
    }

    /**
     * a *= (war + i wai) and b *= (wbr + i wbi), in place, in one loop: four arrays, small enough for
     * C2 to vectorize (like {@link #dft3CombineTwiddled}), one loop entry and pass fewer than two
     * {@link #multiply}s (radix 4, float64, 1024 values: 1.97-2.16 -> 1.85-1.96 ns per butterfly
     * value in a microbenchmark). The same products, so the same bits.
     */
    private static void multiply2(double[] ar, double[] ai, double war, double wai, double[] br, double[] bi, double wbr,
                                  double wbi, int lo, int hi) {
        for (int t = lo; t < hi; t++) {
            double xr = ar[t], xi = ai[t], yr = br[t], yi = bi[t];
            ar[t] = xr * war - xi * wai;
            ai[t] = xr * wai + xi * war;
            br[t] = yr * wbr - yi * wbi;
            bi[t] = yr * wbi + yi * wbr;
        }
    }

    private static void accumulate(double[] acc, double[] a, int width) {
        for (int t = 0; t < width; t++) {
            acc[t] += a[t];
        }
    }

    /** acc += c (a + sign b). */
    private static void accumulatePair(double[] acc, double[] a, double[] b, double c, double sign,
                                       int width) {
        for (int t = 0; t < width; t++) {
            acc[t] += c * (a[t] + sign * b[t]);
        }
    }

    /** y = p + sign q. */
    private static void combine(double[] p, double[] q, double sign, double[] y, int width) {
        for (int t = 0; t < width; t++) {
            y[t] = p[t] + sign * q[t];
        }
    }
}
