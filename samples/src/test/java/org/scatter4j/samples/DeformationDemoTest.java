package org.scatter4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deformation figure is written, and it shows what Mallat 2012 (theorem 2.12) proves. */
class DeformationDemoTest {
    @TempDir
    Path tmp;

    @Test
    void scatteringChangeIsSmallAndLinearInTheDeformationSizeWhilePixelsAndFourierModulusAreNot() throws Exception {
        DeformationDemo.Curves c = DeformationDemo.measure();
        double[] s = c.sizes();
        double[] scattering = c.changes().get(0);
        double[] fourier = c.changes().get(1);
        double[] pixels = c.changes().get(2);
        int one = index(s, 1.0);
        int two = index(s, 2.0);
        int four = index(s, 4.0);
        assertEquals(0.0, scattering[0], 1e-12);
        for (int i = 1; i < s.length; i++) {
            // low: a fraction of the pixels' change, and below the Fourier modulus' at every size
            assertTrue(scattering[i] < 0.45 * pixels[i], "s=" + s[i] + ": scattering " + scattering[i] + " vs pixels " + pixels[i]);
            assertTrue(scattering[i] < fourier[i], "s=" + s[i] + ": scattering " + scattering[i] + " vs Fourier " + fourier[i]);
        }
        assertTrue(scattering[one] < 0.15, "1-pixel deformation changes scattering by " + scattering[one]);
        // linear: doubling s doubles the change (measured 1.88 and 1.86)
        assertEquals(2.0, scattering[two] / scattering[one], 0.3, "S change from s=1 to s=2");
        assertEquals(2.0, scattering[four] / scattering[two], 0.3, "S change from s=2 to s=4");
        // the others saturate: doubling s from 2 to 4 adds much less than a factor 2 (measured 1.55 and 1.36)
        assertTrue(pixels[four] / pixels[two] < 1.7, "pixels " + pixels[two] + " -> " + pixels[four]);
        assertTrue(fourier[four] / fourier[two] < 1.5, "Fourier " + fourier[two] + " -> " + fourier[four]);

        DemoResult r = DeformationDemo.write(c, tmp, false);
        PngFiles.assertReadable(r, tmp, "deformation.png", "deformation_examples.png");
    }

    private static int index(double[] a, double v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new AssertionError("no size " + v);
    }
}
