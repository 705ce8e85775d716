package org.scatter4j.wavelets;

/**
 * Gabor and Morlet filters sampled on a periodic M x N grid: pure functions of (sigma, theta, xi,
 * slant), exactly as Kymatio defines them (see {@code shared/reference/kymatio/README.md}).
 *
 * <p>Gabor: {@code g(u) = exp(-u^T A u + i xi (u_0 cos theta + u_1 sin theta)) / (2 * 3.1415 * sigma^2 / slant)}
 * with {@code A = R diag(1, slant^2) R^T / (2 sigma^2)}, summed over the periodic copies
 * {@code u + (e_x M, e_y N)}, {@code e_x, e_y in {-2..2}}. Kymatio normalizes with 3.1415, not pi; we keep
 * it so that magnitudes agree to 1e-7 rather than 3e-5.
 *
 * <p>Morlet (Bruna and Mallat 2013, eq. 3): {@code psi = g_xi - K g_0} with
 * {@code K = sum g_xi / sum g_0}, so that psi has exactly zero mean (it is a wavelet).
 */
public final class Gabor2D {
    /** Kymatio's value of pi in the normalization; kept for bit-level agreement of magnitudes. */
    public static final double KYMATIO_PI = 3.1415;

    /**
     * Terms of the periodic sum whose Gaussian exponent is below this are skipped: e^-60 ~ 1e-26 of
     * the peak, far under double (and Kymatio's single) precision, and it spares most of the 25 exp
     * calls per sample on large grids.
     */
    private static final double NEGLIGIBLE_EXPONENT = -60.0;

    private Gabor2D() {
    }

    /**
     * Writes the Morlet wavelet into {@code re}, {@code im} (row-major M x N, row index first
     * coordinate, as Kymatio's {@code mgrid}).
     */
    public static void morlet(int M, int N, double sigma, double theta, double xi, double slant,
            double[] re, double[] im) {
        double[] envelope = new double[M * N];
        gabor(M, N, sigma, theta, xi, slant, re, im, envelope);
        // K = sum(g_xi) / sum(g_0): a complex number; psi = g_xi - K g_0.
        double sumRe = 0;
        double sumIm = 0;
        double sumEnv = 0;
        for (int p = 0; p < M * N; p++) {
            sumRe += re[p];
            sumIm += im[p];
            sumEnv += envelope[p];
        }
        double kRe = sumRe / sumEnv;
        double kIm = sumIm / sumEnv;
        for (int p = 0; p < M * N; p++) {
            re[p] -= kRe * envelope[p];
            im[p] -= kIm * envelope[p];
        }
    }

    /**
     * Writes the Gabor filter g_xi into {@code re}, {@code im}, and, if {@code envelope} is not null,
     * the same filter with xi = 0 (a real Gaussian) into {@code envelope}.
     */
    public static void gabor(int M, int N, double sigma, double theta, double xi, double slant,
            double[] re, double[] im, double[] envelope) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        // A = R diag(1, slant^2) R^T / (2 sigma^2), R = [[c, -s], [s, c]].
        double inv = 1.0 / (2 * sigma * sigma);
        double s2 = slant * slant;
        double a = (c * c + s2 * s * s) * inv;
        double b = (c * s - s2 * s * c) * inv;
        double d = (s * s + s2 * c * c) * inv;
        double kx = xi * c;
        double ky = xi * s;
        double norm = 1.0 / (2 * KYMATIO_PI * sigma * sigma / slant);
        // Per row, the terms are accumulated into column arrays in the same (ex, ey) order as a
        // per-pixel loop would add them, so the sums are the same bits; but for each periodic copy
        // only the columns where the exponent can reach NEGLIGIBLE_EXPONENT are visited: for fixed
        // x the exponent is a concave quadratic in y, so they form one interval, between the roots
        // of d y^2 + 2 b x y + a x^2 + NEGLIGIBLE_EXPONENT = 0 (widened by a column each side against
        // rounding; the test per term stays). On large grids most of the 25 copies of most pixels
        // are negligible, and visiting them all was half of the filter-bank build time.
        double[] accRe = new double[N];
        double[] accIm = new double[N];
        double[] accEnv = new double[N];
        for (int r = 0; r < M; r++) {
            java.util.Arrays.fill(accRe, 0.0);
            java.util.Arrays.fill(accIm, 0.0);
            java.util.Arrays.fill(accEnv, 0.0);
            for (int ex = -2; ex <= 2; ex++) {
                double x = r + ex * (double) M;
                double disc = b * x * b * x - d * (a * x * x + NEGLIGIBLE_EXPONENT);
                if (disc < 0) {
                    continue; // the exponent is below NEGLIGIBLE_EXPONENT on the whole line
                }
                double root = Math.sqrt(disc);
                for (int ey = -2; ey <= 2; ey++) {
                    double lo = (-b * x - root) / d - ey * (double) N;
                    double hi = (-b * x + root) / d - ey * (double) N;
                    int first = (int) Math.max(0, Math.floor(lo) - 1);
                    int last = (int) Math.min(N - 1, Math.ceil(hi) + 1);
                    for (int col = first; col <= last; col++) {
                        double y = col + ey * (double) N;
                        double e = -(a * x * x + 2 * b * x * y + d * y * y);
                        if (e < NEGLIGIBLE_EXPONENT) {
                            continue;
                        }
                        double g = Math.exp(e);
                        accEnv[col] += g;
                        if (xi != 0) {
                            double phase = kx * x + ky * y;
                            accRe[col] += g * Math.cos(phase);
                            accIm[col] += g * Math.sin(phase);
                        } else {
                            accRe[col] += g;
                        }
                    }
                }
            }
            for (int col = 0; col < N; col++) {
                int p = r * N + col;
                re[p] = accRe[col] * norm;
                im[p] = accIm[col] * norm;
                if (envelope != null) {
                    envelope[p] = accEnv[col] * norm;
                }
            }
        }
    }

    /**
     * The 1D factor of an isotropic Gaussian (theta = 0, slant = 1, xi = 0) on a periodic grid of
     * length M: {@code sum_{e=-2..2} exp(-(x + e M)^2 / (2 sigma^2))}, unnormalized. The 2D Gaussian
     * low-pass of Kymatio is the outer product of two such factors times the normalization, because
     * both the exponential and the periodic sum factor over the two axes.
     */
    public static double[] gaussian1D(int M, double sigma) {
        double[] g = new double[M];
        double inv = 1.0 / (2 * sigma * sigma);
        for (int x = 0; x < M; x++) {
            double acc = 0;
            for (int e = -2; e <= 2; e++) {
                double t = x + e * (double) M;
                double ex = -t * t * inv;
                if (ex >= NEGLIGIBLE_EXPONENT) {
                    acc += Math.exp(ex);
                }
            }
            g[x] = acc;
        }
        return g;
    }
}
