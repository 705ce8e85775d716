package org.scatter4j.wavelets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Filters kept as their nonzero runs: what is kept, what it gives back, and what it saves. */
class FilterSpectrumTest {

    @Test
    void runsAreTheMaximalNonzeroStretchesAndValuesArePackedInOrder() {
        FilterSpectrum s = FilterSpectrum.of(new double[] {0, 1, 2, 0, 0, 3, 0, -4, 5, 6, 0});
        assertArrayEquals(new int[] {1, 3, 5, 6, 7, 10}, s.nonzeroRuns());
        assertArrayEquals(new double[] {1, 2, 3, -4, 5, 6}, s.nonzeroValues());
        assertEquals(11, s.length());
        // a value that float32 rounds to zero ends a float32 run but not a float64 one
        FilterSpectrum t = FilterSpectrum.of(new double[] {7, 0, 0, 1e-50, 2});
        assertArrayEquals(new int[] {0, 1, 3, 5}, t.nonzeroRuns());
        assertArrayEquals(new int[] {0, 1, 4, 5}, t.nonzeroRuns32());
        assertArrayEquals(new float[] {7, 2}, t.nonzeroValues32());
        FilterSpectrum zero = FilterSpectrum.of(new double[5]);
        assertArrayEquals(new int[0], zero.nonzeroRuns());
        assertArrayEquals(new double[5], zero.toDense());
        assertThrows(IllegalArgumentException.class, () -> FilterSpectrum.of(new double[0]));
    }

    /** Every filter and level of a few banks: the runs hold every nonzero and nothing else; the dense array comes back bit for bit. */
    @Test
    void banksKeepEveryNonzeroAndGiveTheDenseSpectrumBack() {
        for (MorletFilterBank1D bank : banks()) {
            for (FilterSpectrum s : bank.spectra()) {
                double[] dense = s.toDense();
                assertCovers(s.nonzeroRuns(), dense.length, v -> dense[v] != 0.0);
                assertCovers(s.nonzeroRuns32(), dense.length, v -> (float) dense[v] != 0.0f);
                assertArrayEquals(dense, FilterSpectrum.of(dense).toDense(), 0.0);
                // float32 values are the dense values rounded, run by run
                int p = 0;
                for (int r = 0; r < s.nonzeroRuns32().length; r += 2) {
                    for (int v = s.nonzeroRuns32()[r]; v < s.nonzeroRuns32()[r + 1]; v++, p++) {
                        assertEquals((float) dense[v], s.nonzeroValues32()[p]);
                    }
                }
                assertEquals(p, s.nonzeroValues32().length);
                double squares = 0;
                for (double g : dense) {
                    squares += g * g;
                }
                assertEquals(squares, s.sumOfSquares(), 0.0, "sum of squares: the dense sum's bits");
            }
        }
    }

    /**
     * Why the bank keeps runs: at J=8, Q=12 most first-order values underflow to zero, and the packed
     * bank (both precisions) is several times smaller than the dense float64 + float32 arrays it replaces.
     */
    @Test
    void aLargeBankKeepsAFractionOfTheDenseValues() {
        MorletFilterBank1D bank = MorletFilterBank1D.of(1 << 16, 8, 12, 1, 256);
        long packed = 0, dense = 0;
        for (FilterSpectrum s : bank.spectra()) {
            packed += s.packedBytes();
            dense += 12L * s.length();
        }
        assertTrue(packed * 2.5 < dense, "packed " + packed + " bytes against dense " + dense);
    }

    /**
     * The memory check's estimate, made from the filters' bandwidths before the bank exists, bounds the
     * bank's packed bytes from above and stays within a few percent of them (a floor that large Q
     * or N cannot pass, and no refusal of what fits).
     */
    @Test
    void estimatedBytesBoundThePackedBankTightly() {
        int[][] configs = {{2048, 6, 8, 1, 64}, {16384, 8, 12, 1, 256}, {16384, 8, 12, 2, 64}, {4096, 8, 8, 2, 256},
                {131072, 12, 8, 1, 4096}, {65536, 10, 24, 3, 1024}, {32, 1, 1, 1, 2}, {8192, 4, 1, 1, 16}, {8192, 10, 16, 1, 8192}};
        for (int[] c : configs) {
            MorletFilterBank1D bank = MorletFilterBank1D.of(c[0], c[1], c[2], c[3], c[4]);
            long packed = 0;
            for (FilterSpectrum s : bank.spectra()) {
                packed += s.packedBytes();
            }
            long estimate = MorletFilterBank1D.estimateBytes(c[0], c[1], c[2], c[3], c[4], Long.MAX_VALUE);
            String what = java.util.Arrays.toString(c) + ": estimate " + estimate + ", packed " + packed;
            assertTrue(estimate >= packed, what);
            assertTrue(estimate <= packed * 1.05 + 64L * 200, what);
        }
        // stops counting once past the limit: a Q of 10^8 costs a few steps, not 10^8; what it returns is
        // past the limit by at most the filter that crossed it, one psi2 and phi (each at most 24 bytes
        // per padded sample over its levels)
        long limit = 1 << 20;
        long huge = MorletFilterBank1D.estimateBytes(1 << 20, 8, 100_000_000, 1, 256, limit);
        assertTrue(huge > limit && huge < limit + 3 * 24L * (1 << 20), "huge Q: " + huge);
    }

    @Test
    void littlewoodPaleyAddsEverySquare() {
        MorletFilterBank1D bank = MorletFilterBank1D.of(4096, 6, 8, 1, 64);
        double[] expected = new double[4096];
        for (MorletFilterBank1D.Filter f : bank.psi1()) {
            double[] d = f.level(0);
            for (int k = 0; k < d.length; k++) {
                expected[k] += d[k] * d[k];
            }
        }
        assertArrayEquals(expected, bank.littlewoodPaley(1, false), 0.0);
        assertThrows(IllegalArgumentException.class, () -> bank.phi().spectrum(0).addSquaresTo(new double[3]));
    }

    /**
     * The float32 floor's copy: its runs hold exactly the float32 values above floor * peak, read at
     * its offsets from the shared float32 values, and a product with a spectrum X changes by no more
     * than floor * peak * ||X|| when the floor drops values.
     */
    @Test
    void aFloorCopyKeepsTheValuesAboveItAndNothingElse() {
        double floor = 0x1p-40;
        for (MorletFilterBank1D bank : banks()) {
            for (FilterSpectrum s : bank.spectra()) {
                FilterSpectrum f = s.withFloat32Floor(floor);
                double[] dense = s.toDense();
                double cut = floor * s.peak();
                assertCovers(f.nonzeroRuns32(), dense.length, v -> (float) dense[v] != 0.0f && Math.abs((float) dense[v]) > cut);
                assertTrue(f.nonzeroValues32() == s.nonzeroValues32(), "the float32 values are shared");
                assertTrue(f.nonzeroValues() == s.nonzeroValues() && f.nonzeroRuns() == s.nonzeroRuns());
                for (int r = 0; r < f.nonzeroRuns32().length; r += 2) {
                    for (int v = f.nonzeroRuns32()[r]; v < f.nonzeroRuns32()[r + 1]; v++) {
                        assertEquals((float) dense[v], f.nonzeroValues32()[f.nonzeroOffsets32()[r / 2] + v - f.nonzeroRuns32()[r]]);
                    }
                }
                double dropped = 0;
                for (int v = 0; v < dense.length; v++) {
                    if (Math.abs((float) dense[v]) <= cut) {
                        dropped = Math.max(dropped, Math.abs((float) dense[v]));
                    }
                }
                assertTrue(dropped <= cut, "what is dropped is at most floor * peak");
            }
        }
        // the largest value is never dropped; floor 0 keeps the float32 runs
        FilterSpectrum t = FilterSpectrum.of(new double[] {1e-20, 3, 1e-13, 0, 1e-11, 5}); // cut: 5 * 2^-40 = 4.5e-12
        assertArrayEquals(new int[] {1, 2, 4, 6}, t.withFloat32Floor(0x1p-40).nonzeroRuns32());
        assertArrayEquals(new int[] {1, 3}, t.withFloat32Floor(0x1p-40).nonzeroOffsets32());
        assertArrayEquals(t.nonzeroRuns32(), t.withFloat32Floor(0).nonzeroRuns32());
        assertArrayEquals(new int[] {0, 2}, FilterSpectrum.of(new double[] {1, 2, 0, 3, 4}).nonzeroOffsets());
        assertThrows(IllegalArgumentException.class, () -> t.withFloat32Floor(1));
        assertThrows(IllegalArgumentException.class, () -> t.withFloat32Floor(-1e-9));
    }

    /**
     * subsamplingGainBound bounds what filtering then subsampling does to a signal's squared norm: it
     * is at least the exact factor (max_f sum_p s(f + p m)^2 / k, computed here by brute force, which a
     * spectrum concentrated on the worst bin's periods attains), at most that times the number of
     * periods the filter reaches, and random spectra never exceed it.
     */
    @Test
    void theSubsamplingGainBoundBoundsFilteringThenSubsampling() {
        MorletFilterBank1D bank = MorletFilterBank1D.of(256, 4, 2, 1, 16);
        java.util.Random random = new java.util.Random(5);
        for (FilterSpectrum s : bank.spectra()) {
            int n = s.length();
            double[] g = s.toDense();
            for (int k = 1; k <= 8 && n % k == 0; k *= 2) {
                int m = n / k;
                double bound = s.subsamplingGainBound(k);
                double most = 0;
                int worst = 0;
                boolean[] reached = new boolean[k];
                for (int f = 0; f < m; f++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += g[f + p * m] * g[f + p * m];
                        reached[p] |= g[f + p * m] != 0;
                    }
                    if (sum > most) {
                        most = sum;
                        worst = f;
                    }
                }
                int periods = 0;
                for (boolean r : reached) {
                    periods += r ? 1 : 0;
                }
                double exact = most / k;
                assertTrue(bound >= exact * (1 - 1e-12) && bound <= Math.max(1, periods) * exact * (1 + 1e-12),
                        "bound " + bound + ", exact " + exact + ", " + periods + " periods");
                for (int trial = 0; trial < 20; trial++) {
                    double[] re = new double[n], im = new double[n];
                    for (int v = 0; v < n; v++) {
                        re[v] = random.nextGaussian();
                        im[v] = random.nextGaussian();
                    }
                    assertTrue(ratio(re, im, g, k) <= exact * (1 + 1e-12), "a random spectrum above the exact factor");
                }
                // X = the filter on the worst bin's periods (X_(f + p m) = g_(f + p m)) attains the exact factor
                double[] re = new double[n], im = new double[n];
                for (int p = 0; p < k; p++) {
                    re[worst + p * m] = g[worst + p * m];
                }
                if (most > 0) {
                    assertEquals(exact, ratio(re, im, g, k), 1e-12 * exact);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> bank.phi().spectrum(0).subsamplingGainBound(3));
    }

    /**
     * ||y||^2 / ||x||^2 for the signal x of spectrum X (length n) and y = the inverse DFT of length n / k
     * of sum_p X_(f + p m) g_(f + p m) / k: with Parseval, ||x||^2 = sum |X|^2 / n and ||y||^2 =
     * sum |Y|^2 / m.
     */
    private static double ratio(double[] re, double[] im, double[] g, int k) {
        int n = g.length, m = n / k;
        double in = 0, out = 0;
        for (int v = 0; v < n; v++) {
            in += re[v] * re[v] + im[v] * im[v];
        }
        for (int f = 0; f < m; f++) {
            double yr = 0, yi = 0;
            for (int p = 0; p < k; p++) {
                yr += re[f + p * m] * g[f + p * m] / k;
                yi += im[f + p * m] * g[f + p * m] / k;
            }
            out += yr * yr + yi * yi;
        }
        return (out / m) / (in / n);
    }

    private static void assertCovers(int[] runs, int length, java.util.function.IntPredicate nonzero) {
        boolean[] inRun = new boolean[length];
        int last = -1;
        for (int r = 0; r < runs.length; r += 2) {
            assertTrue(runs[r] > last && runs[r] < runs[r + 1] && runs[r + 1] <= length, "runs in increasing order, not touching");
            last = runs[r + 1];
            for (int v = runs[r]; v < runs[r + 1]; v++) {
                inRun[v] = true;
            }
        }
        for (int v = 0; v < length; v++) {
            assertEquals(nonzero.test(v), inRun[v], "index " + v);
        }
    }

    private static List<MorletFilterBank1D> banks() {
        return List.of(MorletFilterBank1D.of(2048, 6, 8, 1, 64), MorletFilterBank1D.of(8192, 8, 12, 1, 256),
                MorletFilterBank1D.of(4096, 8, 8, 2, 256));
    }

}
