package org.scatter4j.wavelets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PaddingAndPeriodizationTest {

    @Test
    void paddedSizesFollowKymatio() {
        assertEquals(36, Padding.paddedSize(28, 2));
        assertEquals(40, Padding.paddedSize(28, 3));
        assertEquals(40, Padding.paddedSize(32, 2));
        assertEquals(48, Padding.paddedSize(32, 3));
        assertEquals(288, Padding.paddedSize(256, 4));
        assertEquals(576, Padding.paddedSize(512, 5));
        Padding p = new Padding(28, 30, 2);
        assertEquals(4, p.top());
        assertEquals(36, p.paddedWidth());
        assertEquals(3, p.left()); // (36 - 30) / 2, one more column after
    }

    /**
     * The low-pass support taken at a shorter length is compute_temporal_support at the signal's
     * length N itself, for T from 2^3 to 2^13 and lengths short and long, powers of two or not
     * (Kymatio's padding hangs on it: one more or less and every output moves).
     */
    @Test
    void theLowPassSupportFromAShorterLengthIsTheOneAtN() {
        int shorter = 0;
        for (int T : new int[] {8, 16, 100, 256, 1000, 1024, 4096, 8192}) {
            for (int N : new int[] {1000, 4096, 8191, 30000, 65536, 120000, 262144}) {
                if (N < T) {
                    continue;
                }
                int atN = MorletFilterBank1D.temporalSupport(MorletFilterBank1D.gauss(N, MorletFilterBank1D.SIGMA0 / T), 1e-3);
                assertEquals(atN, Padding1D.lowPassSupport(N, T), "N=" + N + " T=" + T);
                shorter += 20 * T / (0.2 * Math.PI) * 2 < N ? 1 : 0;
            }
        }
        assertTrue(shorter >= 20, "the cases must include lengths that the shorter computation serves: " + shorter);
    }

    @Test
    void reflectPaddingMirrorsWithoutRepeatingTheEdge() {
        // numpy.pad([0, 1, 2, 3], 3, mode='reflect') = [3, 2, 1, 0, 1, 2, 3, 2, 1, 0]
        int[] expected = {3, 2, 1, 0, 1, 2, 3, 2, 1, 0};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], Padding.reflect(i - 3, 4), "index " + (i - 3));
        }
        Padding p = new Padding(4, 4, 2); // padded 12: 4 before, 4 after
        assertEquals(12, p.paddedHeight());
        double[] img = new double[16];
        for (int i = 0; i < 16; i++) {
            img[i] = i;
        }
        double[] padded = new double[144];
        p.pad(img, 0, padded);
        assertEquals(img[0], padded[4 * 12 + 4]);
        assertEquals(img[1 * 4 + 0], padded[3 * 12 + 4]); // row -1 mirrors row 1
        assertEquals(img[0 * 4 + 1], padded[4 * 12 + 3]); // column -1 mirrors column 1
    }

    @Test
    void imageSmallerThanTwoToTheJIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Padding(7, 28, 3));
        assertTrue(e.getMessage().contains("7x28") && e.getMessage().contains("2^J = 8"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Padding(28, 28, 0));
    }

    @Test
    void periodizationFoldsTheKeptBand() {
        // A 1D spectrum on 8 points, level 1: keeps frequencies [-2, 2) and folds to 4 points.
        double[] x = {10, 11, 12, 13, 14, 15, 16, 17};
        assertArrayEquals(new double[] {10, 11, 16, 17}, Periodization.periodize1D(x, 1), 0);
        // The 2D periodization of an outer product is the outer product of the 1D periodizations.
        double[] a = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] b = {2, -1, 0.5, 3, 1, 1, 4, 9};
        double[] outer = new double[64];
        for (int i = 0; i < 8; i++) {
            for (int k = 0; k < 8; k++) {
                outer[i * 8 + k] = a[i] * b[k];
            }
        }
        for (int res = 0; res < 3; res++) {
            double[] p2 = Periodization.periodize(outer, 8, 8, res);
            double[] pa = Periodization.periodize1D(a, res);
            double[] pb = Periodization.periodize1D(b, res);
            for (int i = 0; i < pa.length; i++) {
                for (int k = 0; k < pb.length; k++) {
                    assertEquals(pa[i] * pb[k], p2[i * pb.length + k], 1e-12);
                }
            }
        }
    }

    @Test
    void badBankParametersAreRefusedWithTheirNames() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MorletFilterBank(36, 36, 0, 8))
                .getMessage().contains("J=0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MorletFilterBank(36, 36, 2, 0))
                .getMessage().contains("L=0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MorletFilterBank(36, 36, 2, 65))
                .getMessage().contains("L=65"));
        assertThrows(IllegalArgumentException.class, () -> new MorletFilterBank(34, 36, 2, 8));
    }
}
