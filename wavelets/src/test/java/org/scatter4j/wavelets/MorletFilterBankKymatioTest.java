package org.scatter4j.wavelets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scatter4j.testsupport.ReferenceNpy;

/**
 * The bank for a 28x28 input, J=2, L=8 (padded grid 36x36) against Kymatio's filters. Kymatio
 * builds them in single precision, so agreement is to float32 rounding (relative L2 1e-6).
 */
class MorletFilterBankKymatioTest {
    private static final MorletFilterBank BANK = new MorletFilterBank(36, 36, 2, 8);

    static double relativeL2(double[] actual, double[] expected) {
        assertEquals(expected.length, actual.length, "length");
        double num = 0;
        double den = 0;
        for (int i = 0; i < expected.length; i++) {
            num += (actual[i] - expected[i]) * (actual[i] - expected[i]);
            den += expected[i] * expected[i];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void waveletsMatchKymatio() throws Exception {
        for (int j = 0; j < 2; j++) {
            for (int t = 0; t < 8; t++) {
                ReferenceNpy ref = ReferenceNpy.load("/kymatio/filters_36x36_J2_L8_psi_j" + j + "_theta" + t + "_level0.npy");
                assertArrayEquals(new int[] {36, 36}, ref.shape());
                double err = relativeL2(BANK.psi(j, t, 0), ref.data());
                assertTrue(err < 1e-6, "psi j=" + j + " theta=" + t + " relative error " + err);
            }
        }
    }

    @Test
    void lowPassMatchesKymatioAtEveryLevel() throws Exception {
        for (int level = 0; level < 2; level++) {
            ReferenceNpy ref = ReferenceNpy.load("/kymatio/filters_36x36_J2_L8_phi_level" + level + ".npy");
            int side = 36 >> level;
            assertArrayEquals(new int[] {side, side}, ref.shape());
            double err = relativeL2(BANK.phi(level), ref.data());
            assertTrue(err < 1e-6, "phi level " + level + " relative error " + err);
        }
    }

    @Test
    void levelCountsFollowKymatio() {
        // min(j + 1, max(J - 1, 1)) levels per wavelet; J levels for phi.
        MorletFilterBank bank = new MorletFilterBank(48, 48, 3, 4);
        assertEquals(1, bank.psiLevels(0));
        assertEquals(2, bank.psiLevels(1));
        assertEquals(2, bank.psiLevels(2));
        assertEquals(24 * 24, bank.psi(2, 3, 1).length);
        assertEquals(12 * 12, bank.phi(2).length);
    }
}
