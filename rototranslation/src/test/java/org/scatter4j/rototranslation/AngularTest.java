package org.scatter4j.rototranslation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The angular filters and the vectorized angular convolution. */
class AngularTest {

    @ParameterizedTest
    @CsvSource({"8, 1", "8, 2", "16, 3", "12, 2", "32, 4"})
    void filtersAreWaveletsWithBoundedLittlewoodPaleySum(int n, int K) {
        AngularFilterBank bank = new AngularFilterBank(n, K);
        assertEquals(1.0, bank.fourier(0)[0], 1e-12, "phi has unit mean");
        for (int k = 0; k < K; k++) {
            assertEquals(0.0, bank.fourier(1 + k)[0], 1e-14, "psi_" + k + " has zero mean");
            // the peak sits near xi_k and is about 1
            double[] f = bank.fourier(1 + k);
            int peak = 0;
            for (int w = 0; w < n; w++) {
                peak = f[w] > f[peak] ? w : peak;
            }
            assertTrue(Math.abs(2 * Math.PI * peak / n - AngularFilterBank.xi(k)) <= Math.PI / n + 1e-12, "psi_" + k + " peak at " + peak);
            assertTrue(f[peak] > 0.75 && f[peak] < 1.05, "psi_" + k + " peak " + f[peak]);
            // real DFT: the spatial filter satisfies f(-m) = conj f(m)
            double[][] sp = bank.spatial(1 + k);
            for (int m = 0; m < n; m++) {
                assertEquals(sp[0][m], sp[0][(n - m) % n], 1e-15);
                assertEquals(sp[1][m], -sp[1][(n - m) % n], 1e-15);
            }
        }
        double[] lp = bank.littlewoodPaley();
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double v : lp) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        System.out.printf("angular Littlewood-Paley n=%d K=%d: min %.3f max %.3f%n", n, K, min, max);
        assertTrue(min >= 0.2, "lower frame bound " + min);
        assertTrue(max <= 1.0 + 1e-9, "upper frame bound " + max);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8, 12, 16, 32})
    void convolutionModulusSumAgreesWithExplicitLoops(int n) {
        Random r = new Random(n);
        int len = 37;
        double[][] re = new double[n][len];
        double[][] im = new double[n][len];
        double[][] zr = new double[n][len];
        double[][] zi = new double[n][len];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < len; b++) {
                zr[a][b] = re[a][b] = r.nextGaussian();
                zi[a][b] = im[a][b] = r.nextGaussian();
            }
        }
        AngularFilterBank bank = new AngularFilterBank(n, 1);
        AngularConvolution conv = new AngularConvolution(n, len);
        conv.forward(re, im, len);
        for (int f = 0; f <= 1; f++) {
            double[] h = bank.fourier(f);
            for (int w = 0; w < n; w++) {
                h[w] /= n;
            }
            double[] sum = new double[len];
            conv.convolveModulusSum(re, im, conv.scramble(h), new double[n][len], new double[n][len], len, sum);
            double[][] taps = bank.spatial(f);
            for (int b = 0; b < len; b++) {
                double expected = 0;
                for (int a = 0; a < n; a++) {
                    double yr = 0;
                    double yi = 0;
                    for (int ap = 0; ap < n; ap++) {
                        int d = Math.floorMod(a - ap, n);
                        yr += zr[ap][b] * taps[0][d] - zi[ap][b] * taps[1][d];
                        yi += zr[ap][b] * taps[1][d] + zi[ap][b] * taps[0][d];
                    }
                    expected += Math.hypot(yr, yi);
                }
                assertEquals(expected, sum[b], 1e-12 * Math.max(1, expected), "n=" + n + " filter " + f + " pixel " + b);
            }
        }
    }
}
