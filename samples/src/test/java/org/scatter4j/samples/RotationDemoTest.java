package org.scatter4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rotation figure is written, and averaged translation scattering behaves as its theory says:
 * not invariant to rotation (orientations are permuted), but invariant to a half-turn, which maps
 * every Morlet wavelet to its complex conjugate; roto-translation scattering is nearly invariant.
 */
class RotationDemoTest {
    @TempDir
    Path tmp;

    @Test
    void averagedScatteringDependsOnTheAngleButNotOnAHalfTurn() throws Exception {
        RotationDemo.Curves c = RotationDemo.measure();
        double[] s = c.distances().get(0);
        double[] roto = c.distances().get(1);
        double[] pixels = c.distances().get(2);
        int last = c.angles().length - 1;
        assertEquals(180.0, c.angles()[last]);
        assertEquals(0.0, s[0], 1e-12);
        double peak = s[RotationDemo.argMax(s)];
        double peakAngle = c.angles()[RotationDemo.argMax(s)];
        assertTrue(peak > 0.2, "rotations change averaged scattering (measured peak 0.38), got " + peak);
        assertTrue(peakAngle >= 30 && peakAngle <= 150, "largest distance at " + peakAngle + " degrees");
        assertTrue(s[last] < 0.05, "a half-turn leaves averaged scattering unchanged up to resampling (measured 0.015), got "
                + s[last]);
        assertTrue(s[last] < 0.1 * peak);
        // rising with the angle up to 40 degrees
        for (int i = 1; i <= 4; i++) {
            assertTrue(s[i] > s[i - 1], "not increasing at " + c.angles()[i] + " degrees");
        }
        // the pixels are far less stable at every angle
        for (int i = 1; i < last; i++) {
            assertTrue(s[i] < pixels[i], "at " + c.angles()[i] + " degrees: " + s[i] + " vs pixels " + pixels[i]);
        }

        // roto-translation scattering (averaged over space and angle) is nearly rotation invariant:
        // at every angle it moves several times less than averaged translation scattering's peak
        double rotoMax = java.util.Arrays.stream(roto).max().orElseThrow();
        System.out.printf("rotation demo: translation peak %.3f, roto-translation max %.3f%n", peak, rotoMax);
        assertTrue(rotoMax < peak / 3, "roto-translation moves by up to " + rotoMax + ", translation by " + peak);

        DemoResult r = RotationDemo.write(c, tmp, false);
        PngFiles.assertReadable(r, tmp, "rotation.png", "rotation_examples.png");
    }
}
