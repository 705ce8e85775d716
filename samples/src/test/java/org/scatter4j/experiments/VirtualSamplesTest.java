package org.scatter4j.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scatter4j.io.MnistDataset;

class VirtualSamplesTest {

    @Test
    void layoutIsEveryOriginalFollowedByItsCopies() {
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 9, 9, 9, 9, 9, 9, 9, 9}, VirtualSamples.origin(2));
        assertArrayEquals(new int[] {7, 7, 7, 7, 7, 7, 7, 7, 7, 3, 3, 3, 3, 3, 3, 3, 3, 3}, VirtualSamples.labels(new int[] {7, 3, 9}, 2));
    }

    @Test
    void copiesAreSmallRotationsAndShiftsOfTheirOriginal() throws Exception {
        float[] digits = MnistDataset.bundledSubset().train().images().first(3).pixels();
        float[] copies = VirtualSamples.withCopies(digits, 3, 28, 28);
        assertEquals(3 * VirtualSamples.GROUP * 784, copies.length);
        for (int i = 0; i < 3; i++) {
            double mass = sum(digits, i * 784);
            for (int p = 0; p < 784; p++) {
                assertEquals(digits[i * 784 + p], copies[i * VirtualSamples.GROUP * 784 + p], "the original comes first");
            }
            for (int k = 0; k < VirtualSamples.COPIES; k++) {
                int off = (i * VirtualSamples.GROUP + 1 + k) * 784;
                double copyMass = sum(copies, off);
                double diff = 0;
                for (int p = 0; p < 784; p++) {
                    diff += Math.abs(copies[off + p] - digits[i * 784 + p]);
                }
                // a centred digit keeps its ink (bilinear resampling, nothing leaves the frame) but moves
                assertEquals(mass, copyMass, 0.03 * mass, "copy " + k + " of digit " + i);
                assertTrue(diff > 0.05 * mass, "copy " + k + " of digit " + i + " differs from it");
            }
            // shift copies are exact one-pixel translations: copy (+1 row) at (r, c) is the original at (r - 1, c)
            int down = (i * VirtualSamples.GROUP + 1 + VirtualSamples.ANGLES.length) * 784;
            for (int r = 1; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    assertEquals(digits[i * 784 + (r - 1) * 28 + c], copies[down + r * 28 + c], 1e-6f);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> VirtualSamples.withCopies(digits, 4, 28, 28));
    }

    private static double sum(float[] a, int off) {
        double s = 0;
        for (int p = 0; p < 784; p++) {
            s += a[off + p];
        }
        return s;
    }
}
