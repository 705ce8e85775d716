package org.scatter4j.wavelets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gabor2D.gabor visits only the columns where a periodic copy is not negligible: same bits as visiting all. */
class Gabor2DTest {
    /** The definition, pixel by pixel over all 25 periodic copies, with the same negligible-term rule. */
    private static void everyCopy(int M, int N, double sigma, double theta, double xi, double slant, double[] re, double[] im,
            double[] env) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double inv = 1.0 / (2 * sigma * sigma);
        double a = (c * c + slant * slant * s * s) * inv;
        double b = (c * s - slant * slant * s * c) * inv;
        double d = (s * s + slant * slant * c * c) * inv;
        double norm = 1.0 / (2 * Gabor2D.KYMATIO_PI * sigma * sigma / slant);
        for (int r = 0; r < M; r++) {
            for (int col = 0; col < N; col++) {
                double accRe = 0;
                double accIm = 0;
                double accEnv = 0;
                for (int ex = -2; ex <= 2; ex++) {
                    double x = r + ex * (double) M;
                    for (int ey = -2; ey <= 2; ey++) {
                        double y = col + ey * (double) N;
                        double e = -(a * x * x + 2 * b * x * y + d * y * y);
                        if (e < -60.0) {
                            continue;
                        }
                        double g = Math.exp(e);
                        accEnv += g;
                        if (xi != 0) {
                            double phase = xi * c * x + xi * s * y;
                            accRe += g * Math.cos(phase);
                            accIm += g * Math.sin(phase);
                        } else {
                            accRe += g;
                        }
                    }
                }
                re[r * N + col] = accRe * norm;
                im[r * N + col] = accIm * norm;
                env[r * N + col] = accEnv * norm;
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "40, 40, 0.8, 0.0, 2.356, 0.5",   // smallest wavelet: few copies matter
        "48, 36, 6.4, 0.3927, 0.295, 0.5", // wide, oblique, non-square grid: wraps around
        "32, 32, 12.8, 1.9635, 0.147, 0.5", // wider than the grid: every copy matters
        "64, 40, 3.2, 2.7489, 0.589, 1.0",
        "36, 36, 5.0, 0.0, 0.0, 1.0"        // a Gaussian (xi = 0)
    })
    void visitingOnlyTheNonNegligibleColumnsGivesTheSameBits(int M, int N, double sigma, double theta, double xi, double slant) {
        double[] re = new double[M * N];
        double[] im = new double[M * N];
        double[] env = new double[M * N];
        Gabor2D.gabor(M, N, sigma, theta, xi, slant, re, im, env);
        double[] re0 = new double[M * N];
        double[] im0 = new double[M * N];
        double[] env0 = new double[M * N];
        everyCopy(M, N, sigma, theta, xi, slant, re0, im0, env0);
        assertArrayEquals(re0, re, 0.0);
        assertArrayEquals(im0, im, 0.0);
        assertArrayEquals(env0, env, 0.0);
        assertTrue(env[0] > 0);
    }
}
