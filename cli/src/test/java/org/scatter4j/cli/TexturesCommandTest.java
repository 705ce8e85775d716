package org.scatter4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scatter4j.io.GreyImage;

/** The multiscale training helpers of the textures command and its argument checks. */
class TexturesCommandTest {

    /** A horizontal ramp: its value at a column tells where in the original the column comes from. */
    private static GreyImage ramp(int n) {
        double[] d = new double[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                d[y * n + x] = (x + 0.5) / n;
            }
        }
        return new GreyImage(d, n, n);
    }

    @Test
    void rescaleZoomsInByCroppingAndOutByShrinking() {
        GreyImage img = ramp(64);
        GreyImage in = TextureScales.rescale(img, 2);
        assertEquals(64, in.width());
        assertEquals(64, in.height());
        // zoom in by 2: the centre half [16, 48) of the ramp stretched over the whole width
        assertEquals(0.25, in.get(0, 32), 0.02);
        assertEquals(0.75, in.get(63, 32), 0.02);
        assertEquals(0.5, in.get(32, 32), 0.02);
        GreyImage out = TextureScales.rescale(img, 0.5);
        assertEquals(32, out.width());
        assertEquals(32, out.height());
        // zoom out: the whole ramp, in half the pixels
        assertTrue(out.get(0, 16) < 0.06 && out.get(31, 16) > 0.94, out.get(0, 16) + " " + out.get(31, 16));
        assertEquals(41, TextureScales.rescale(ramp(58), 0.70710678).width()); // round(58 / sqrt 2)
        assertArrayEquals(img.toDoubleArray(), TextureScales.rescale(img, 1).toDoubleArray());
    }

    @Test
    void augmentScalesAreParsedAndChecked() {
        assertArrayEquals(new double[0], TextureScales.parse("none", 200, 5));
        assertArrayEquals(new double[] {0.5, 1.5}, TextureScales.parse("0.5, 1.5", 200, 5));
        assertMessage(() -> TextureScales.parse("0.5,x", 200, 5), "got 'x' in '0.5,x'");
        assertMessage(() -> TextureScales.parse("1", 200, 5), "[0.25, 4] and not 1, got 1");
        assertMessage(() -> TextureScales.parse("8", 200, 5), "[0.25, 4] and not 1, got 8");
        assertMessage(() -> TextureScales.parse("0.25", 100, 5), "25 pixels wide, below 2^J = 32 (--J 5)");
    }

    @Test
    void texturesRefusesBadArguments() {
        assertTrue(ScatterCommandTest.run("textures", "--transform", "affine").err()
                .contains("--transform must be translation, rototranslation or combined, got 'affine'"));
        assertTrue(ScatterCommandTest.run("textures", "--transform", "translation", "--renormalize").err()
                .contains("--renormalize is for --transform rototranslation or combined"));
        assertTrue(ScatterCommandTest.run("textures", "--augment-scales", "0").err().contains("--augment-scales factors"));
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
