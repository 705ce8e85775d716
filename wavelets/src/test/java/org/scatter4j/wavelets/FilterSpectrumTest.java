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
