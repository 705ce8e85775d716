package org.scatter4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The translation figure is written, and the invariance it shows grows with 2^J (Mallat 2012, theorem 2.10). */
class TranslationDemoTest {
    @TempDir
    Path tmp;

    @Test
    void largerAveragingScaleMeansSmallerChangeAndPixelsChangeMost() throws Exception {
        TranslationDemo.Curves c = TranslationDemo.measure();
        double[] j1 = c.changes().get(0);
        double[] j2 = c.changes().get(1);
        double[] j3 = c.changes().get(2);
        double[] pixels = c.changes().get(3);
        assertEquals(0.0, j3[0], 1e-12);
        for (int shift = 1; shift <= 8; shift++) {
            assertTrue(j3[shift] < j2[shift] && j2[shift] < j1[shift] && j1[shift] < pixels[shift],
                    "shift " + shift + ": J=3 " + j3[shift] + ", J=2 " + j2[shift] + ", J=1 " + j1[shift] + ", pixels " + pixels[shift]);
        }
        // a one-pixel shift: about 2^-J of the norm, up to a constant (measured 0.42, 0.26, 0.14)
        assertTrue(j3[1] < 0.2, "J=3, 1 pixel: " + j3[1]);
        assertTrue(j1[1] / j3[1] > 2.0, "J=1 / J=3 at 1 pixel: " + j1[1] / j3[1]);
        // pixels: a 4-pixel shift of strokes ~2-3 pixels wide leaves almost no overlap (||x - x_c|| ~ sqrt(2) ||x||)
        assertTrue(pixels[4] > 1.1, "pixels, 4-pixel shift: " + pixels[4]);
        // within 2^J the scattering change stays well under the pixels' (measured J=3 at 8 pixels: 0.92 vs 1.29)
        assertTrue(j3[2] < 0.5 * pixels[2] && j2[1] < 0.5 * pixels[1], "J=3 at 2 px " + j3[2] + ", J=2 at 1 px " + j2[1]);

        DemoResult r = TranslationDemo.write(c, tmp, false);
        PngFiles.assertReadable(r, tmp, "translation.png");
    }
}
