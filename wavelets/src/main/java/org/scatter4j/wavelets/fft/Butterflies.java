package org.scatter4j.wavelets.fft;

/**
 * Twiddled radix-p butterflies of one Stockham stage, applied to {@code width} independent values at
 * once (for a 2D transform: every lane of every pixel of a row or column of the image).
 *
 * <p>Every butterfly reads input blocks {@code x[in + i * inStride]} for {@code i < p}, computes
 * their length-p DFT, multiplies output {@code k >= 1} by the twiddle at {@code tw + k - 1} and writes
 * it to {@code y[out + k * outStride]}. Each block is a separate {@code double[]} and the innermost
 * loop indexes every block with the same {@code t}: HotSpot C2's SuperWord (JDK 17) only vectorizes a
 * loop when all of its loads and stores can be ordered against each other, which it cannot do for
 * two accesses into flat arrays at different run-time offsets (it then assumes they may overlap).
 *
 * <p>The arithmetic of one value never depends on the others or on {@code width}: a lane is computed
 * the same way whatever the lane count (no fused multiply-add, no reassociation).
 */
final class Butterflies {
    private Butterflies() {
    }

    /** cos(2 pi / 3) is -1/2; this is sin(2 pi / 3). */
    private static final double SIN_60 = Math.sqrt(3.0) / 2.0;
    private static final double COS_72 = Math.cos(2.0 * Math.PI / 5.0);
    private static final double COS_144 = Math.cos(4.0 * Math.PI / 5.0);
    private static final double SIN_72 = Math.sin(2.0 * Math.PI / 5.0);
    private static final double SIN_144 = Math.sin(4.0 * Math.PI / 5.0);

    static void radix2(double[][] xr, double[][] xi, int in, int inStride,
                       double[][] yr, double[][] yi, int out, int outStride,
                       double[] twr, double[] twi, int tw, int width) {
        double[] x0r = xr[in], x0i = xi[in];
        double[] x1r = xr[in + inStride], x1i = xi[in + inStride];
        double[] y0r = yr[out], y0i = yi[out];
        double[] y1r = yr[out + outStride], y1i = yi[out + outStride];
        double w1r = twr[tw], w1i = twi[tw];
        for (int t = 0; t < width; t++) {
            double ar = x0r[t], ai = x0i[t], br = x1r[t], bi = x1i[t];
            y0r[t] = ar + br;
            y0i[t] = ai + bi;
            double dr = ar - br, di = ai - bi;
            y1r[t] = dr * w1r - di * w1i;
            y1i[t] = dr * w1i + di * w1r;
        }
    }

    /** A_{1,2} = a0 - (a1 + a2) / 2 -+ i sin(60) (a1 - a2). */
    static void radix3(double[][] xr, double[][] xi, int in, int inStride,
                       double[][] yr, double[][] yi, int out, int outStride,
                       double[] twr, double[] twi, int tw, int width) {
        double[] x0r = xr[in], x0i = xi[in];
        double[] x1r = xr[in + inStride], x1i = xi[in + inStride];
        double[] x2r = xr[in + 2 * inStride], x2i = xi[in + 2 * inStride];
        double[] y0r = yr[out], y0i = yi[out];
        double[] y1r = yr[out + outStride], y1i = yi[out + outStride];
        double[] y2r = yr[out + 2 * outStride], y2i = yi[out + 2 * outStride];
        double w1r = twr[tw], w1i = twi[tw], w2r = twr[tw + 1], w2i = twi[tw + 1];
        for (int t = 0; t < width; t++) {
            double ar = x0r[t], ai = x0i[t];
            double sr = x1r[t] + x2r[t], si = x1i[t] + x2i[t];
            double dr = SIN_60 * (x1r[t] - x2r[t]), di = SIN_60 * (x1i[t] - x2i[t]);
            y0r[t] = ar + sr;
            y0i[t] = ai + si;
            double mr = ar - 0.5 * sr, mi = ai - 0.5 * si;
            double b1r = mr + di, b1i = mi - dr;
            double b2r = mr - di, b2i = mi + dr;
            y1r[t] = b1r * w1r - b1i * w1i;
            y1i[t] = b1r * w1i + b1i * w1r;
            y2r[t] = b2r * w2r - b2i * w2i;
            y2i[t] = b2r * w2i + b2i * w2r;
        }
    }

    /** Two radix-2 levels fused: A_{1,3} = (a0 - a2) -+ i (a1 - a3). */
    static void radix4(double[][] xr, double[][] xi, int in, int inStride,
                       double[][] yr, double[][] yi, int out, int outStride,
                       double[] twr, double[] twi, int tw, int width) {
        double[] x0r = xr[in], x0i = xi[in];
        double[] x1r = xr[in + inStride], x1i = xi[in + inStride];
        double[] x2r = xr[in + 2 * inStride], x2i = xi[in + 2 * inStride];
        double[] x3r = xr[in + 3 * inStride], x3i = xi[in + 3 * inStride];
        double[] y0r = yr[out], y0i = yi[out];
        double[] y1r = yr[out + outStride], y1i = yi[out + outStride];
        double[] y2r = yr[out + 2 * outStride], y2i = yi[out + 2 * outStride];
        double[] y3r = yr[out + 3 * outStride], y3i = yi[out + 3 * outStride];
        double w1r = twr[tw], w1i = twi[tw];
        double w2r = twr[tw + 1], w2i = twi[tw + 1];
        double w3r = twr[tw + 2], w3i = twi[tw + 2];
        for (int t = 0; t < width; t++) {
            double a0r = x0r[t], a0i = x0i[t], a1r = x1r[t], a1i = x1i[t];
            double a2r = x2r[t], a2i = x2i[t], a3r = x3r[t], a3i = x3i[t];
            double s02r = a0r + a2r, s02i = a0i + a2i, d02r = a0r - a2r, d02i = a0i - a2i;
            double s13r = a1r + a3r, s13i = a1i + a3i, d13r = a1r - a3r, d13i = a1i - a3i;
            y0r[t] = s02r + s13r;
            y0i[t] = s02i + s13i;
            double b1r = d02r + d13i, b1i = d02i - d13r;
            double b2r = s02r - s13r, b2i = s02i - s13i;
            double b3r = d02r - d13i, b3i = d02i + d13r;
            y1r[t] = b1r * w1r - b1i * w1i;
            y1i[t] = b1r * w1i + b1i * w1r;
            y2r[t] = b2r * w2r - b2i * w2i;
            y2i[t] = b2r * w2i + b2i * w2r;
            y3r[t] = b3r * w3r - b3i * w3i;
            y3i[t] = b3r * w3i + b3i * w3r;
        }
    }

    /**
     * Pairs inputs i and 5-i: with u = a1 + a4, v = a1 - a4, u' = a2 + a3, v' = a2 - a3,
     * A_{1,4} = a0 + c72 u + c144 u' -+ i (s72 v + s144 v') and
     * A_{2,3} = a0 + c144 u + c72 u' -+ i (s144 v - s72 v').
     */
    static void radix5(double[][] xr, double[][] xi, int in, int inStride,
                       double[][] yr, double[][] yi, int out, int outStride,
                       double[] twr, double[] twi, int tw, int width) {
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
        double w1r = twr[tw], w1i = twi[tw], w2r = twr[tw + 1], w2i = twi[tw + 1];
        double w3r = twr[tw + 2], w3i = twi[tw + 2], w4r = twr[tw + 3], w4i = twi[tw + 3];
        for (int t = 0; t < width; t++) {
            double ar = x0r[t], ai = x0i[t];
            double u1r = x1r[t] + x4r[t], u1i = x1i[t] + x4i[t];
            double v1r = x1r[t] - x4r[t], v1i = x1i[t] - x4i[t];
            double u2r = x2r[t] + x3r[t], u2i = x2i[t] + x3i[t];
            double v2r = x2r[t] - x3r[t], v2i = x2i[t] - x3i[t];
            y0r[t] = ar + u1r + u2r;
            y0i[t] = ai + u1i + u2i;
            double p1r = ar + COS_72 * u1r + COS_144 * u2r, p1i = ai + COS_72 * u1i + COS_144 * u2i;
            double q1r = SIN_72 * v1i + SIN_144 * v2i, q1i = SIN_72 * v1r + SIN_144 * v2r;
            double p2r = ar + COS_144 * u1r + COS_72 * u2r, p2i = ai + COS_144 * u1i + COS_72 * u2i;
            double q2r = SIN_144 * v1i - SIN_72 * v2i, q2i = SIN_144 * v1r - SIN_72 * v2r;
            // -i (q_r' + i q_i') = q_i' - i q_r': the "q" pairs above hold that product already.
            double b1r = p1r + q1r, b1i = p1i - q1i;
            double b4r = p1r - q1r, b4i = p1i + q1i;
            double b2r = p2r + q2r, b2i = p2i - q2i;
            double b3r = p2r - q2r, b3i = p2i + q2i;
            y1r[t] = b1r * w1r - b1i * w1i;
            y1i[t] = b1r * w1i + b1i * w1r;
            y2r[t] = b2r * w2r - b2i * w2i;
            y2i[t] = b2r * w2i + b2i * w2r;
            y3r[t] = b3r * w3r - b3i * w3i;
            y3i[t] = b3r * w3i + b3i * w3r;
            y4r[t] = b4r * w4r - b4i * w4i;
            y4i[t] = b4r * w4i + b4i * w4r;
        }
    }

    /**
     * Direct O(p^2) DFT for an odd prime p, pairing inputs i and p-i so that each output pair k,
     * p-k shares P = a0 + sum_i cos(2 pi i k / p) (a_i + a_{p-i}) and
     * Q = -i sum_i sin(2 pi i k / p) (a_i - a_{p-i}): A_k = P + Q, A_{p-k} = P - Q.
     * {@code accRe/accIm/accRe2/accIm2} are scratch blocks at least {@code width} long.
     */
    static void generic(FftPlan.Stage stage, double[][] xr, double[][] xi, int in, int inStride,
                        double[][] yr, double[][] yi, int out, int outStride, int tw, int width,
                        double[] pr, double[] pi, double[] qr, double[] qi) {
        int p = stage.radix;
        double[] cos = stage.dftCos, sin = stage.dftSin;
        double[] twr = stage.twRe, twi = stage.twIm;
        double[] x0r = xr[in], x0i = xi[in];
        double[] y0r = yr[out], y0i = yi[out];
        System.arraycopy(x0r, 0, y0r, 0, width);
        System.arraycopy(x0i, 0, y0i, 0, width);
        for (int i = 1; i < p; i++) {
            double[] ar = xr[in + i * inStride], ai = xi[in + i * inStride];
            for (int t = 0; t < width; t++) {
                y0r[t] += ar[t];
                y0i[t] += ai[t];
            }
        }
        for (int k = 1; k <= p / 2; k++) {
            System.arraycopy(x0r, 0, pr, 0, width);
            System.arraycopy(x0i, 0, pi, 0, width);
            java.util.Arrays.fill(qr, 0, width, 0.0);
            java.util.Arrays.fill(qi, 0, width, 0.0);
            for (int i = 1; i <= p / 2; i++) {
                int e = (i * k) % p;
                double c = cos[e], s = sin[e];
                double[] ar = xr[in + i * inStride], ai = xi[in + i * inStride];
                double[] br = xr[in + (p - i) * inStride], bi = xi[in + (p - i) * inStride];
                for (int t = 0; t < width; t++) {
                    pr[t] += c * (ar[t] + br[t]);
                    pi[t] += c * (ai[t] + bi[t]);
                    qr[t] += s * (ai[t] - bi[t]);
                    qi[t] -= s * (ar[t] - br[t]);
                }
            }
            twiddleStore(pr, pi, qr, qi, 1.0, twr[tw + k - 1], twi[tw + k - 1],
                    yr[out + k * outStride], yi[out + k * outStride], width);
            twiddleStore(pr, pi, qr, qi, -1.0, twr[tw + p - k - 1], twi[tw + p - k - 1],
                    yr[out + (p - k) * outStride], yi[out + (p - k) * outStride], width);
        }
    }

    /** y = (P + sign Q) w. */
    private static void twiddleStore(double[] pr, double[] pi, double[] qr, double[] qi, double sign,
                                     double wr, double wi, double[] yr, double[] yi, int width) {
        for (int t = 0; t < width; t++) {
            double br = pr[t] + sign * qr[t], bi = pi[t] + sign * qi[t];
            yr[t] = br * wr - bi * wi;
            yi[t] = br * wi + bi * wr;
        }
    }
}
