package org.scatter4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scatter4j.io.Npy;
import org.scatter4j.io.NpyArray;
import org.scatter4j.scattering.Scattering2D;

/** {@code scatter --tile}: the same array as the whole-image transform, equal away from the border; the automatic choice. */
class TiledScatterTest {
    @TempDir
    Path tmp;

    @Test
    void tiledOutputMatchesTheWholeImageAwayFromTheBorder() throws Exception {
        int b = 2;
        int h = 70;
        int w = 90;
        double[] x = new double[b * h * w];
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian() + Math.sin(0.2 * i);
        }
        Path in = tmp.resolve("x.npy");
        Npy.write(in, x, b, h, w);
        ScatterCommandTest.Run whole = ScatterCommandTest.run("scatter", "--J", "2", "--precision", "float64", in.toString(),
                tmp.resolve("w.npy").toString());
        assertEquals(0, whole.exit(), whole.err());
        ScatterCommandTest.Run tiled = ScatterCommandTest.run("scatter", "--J", "2", "--precision", "float64", "--tile", "48",
                in.toString(), tmp.resolve("t.npy").toString());
        assertEquals(0, tiled.exit(), tiled.err());
        NpyArray a = Npy.read(tmp.resolve("w.npy"));
        NpyArray t = Npy.read(tmp.resolve("t.npy"));
        assertArrayEquals(a.shape(), t.shape());
        Scattering2D s = Scattering2D.of(2, h, w);
        double[] av = a.toDoubleArray();
        double[] tv = t.toDoubleArray();
        int outH = s.outputHeight();
        int outW = s.outputWidth();
        int m = 4;
        double worst = 0;
        for (int c = 0; c < b * s.channelCount(); c++) {
            double scale = 0;
            for (int p = 0; p < outH * outW; p++) {
                scale = Math.max(scale, Math.abs(av[c * outH * outW + p]));
            }
            for (int i = m; i < outH - m; i++) {
                for (int j = m; j < outW - m; j++) {
                    int p = (c * outH + i) * outW + j;
                    worst = Math.max(worst, Math.abs(av[p] - tv[p]) / scale);
                }
            }
        }
        assertTrue(worst <= 1e-3, "interior relative difference " + worst);
        assertTrue(Files.readString(tmp.resolve("t.paths.json")).contains("\"padded_shape\": [\n    76,\n    96\n  ]"),
                "padded shape of the image, not of a tile");
    }

    @Test
    void badTilesGetOneClearLine() throws Exception {
        Path in = tmp.resolve("x.npy");
        Npy.write(in, new double[40 * 40], 40, 40);
        ScatterCommandTest.Run r = ScatterCommandTest.run("scatter", "--J", "2", "--tile", "50", in.toString(),
                tmp.resolve("a.npy").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("multiple of 2^J = 4") && r.err().contains("50"), r.err());
        ScatterCommandTest.Run neg = ScatterCommandTest.run("scatter", "--J", "2", "--tile", "-7", in.toString(),
                tmp.resolve("b.npy").toString());
        assertEquals(2, neg.exit());
        assertTrue(neg.err().contains("--tile"), neg.err());
        assertTrue(!Files.exists(tmp.resolve("a.npy")) && !Files.exists(tmp.resolve("b.npy")));
        // pixels a tile cannot take are named by their place in the image, in either precision
        double[] x = new double[100 * 100];
        x[33 * 100 + 7] = 1e300;
        Npy.write(in, x, 100, 100);
        for (String precision : new String[] {"float32", "float64"}) {
            ScatterCommandTest.Run huge = ScatterCommandTest.run("scatter", "--J", "2", "--tile", "48", "--precision", precision,
                    in.toString(), tmp.resolve("c.npy").toString());
            assertEquals(2, huge.exit(), huge.err());
            assertTrue(huge.err().contains("pixel at (row 33, column 7) is 1.0E300, above the largest magnitude"), huge.err());
        }
        x[33 * 100 + 7] = 1e100; // float64 takes it; float32 cannot hold it
        Npy.write(in, x, 100, 100);
        ScatterCommandTest.Run loud = ScatterCommandTest.run("scatter", "--J", "2", "--tile", "48", in.toString(),
                tmp.resolve("c.npy").toString());
        assertTrue(loud.exit() == 2 && loud.err().contains("is 1.0E100, beyond float32's range") && loud.err().contains("float64 takes it"),
                loud.err());
        assertTrue(!Files.exists(tmp.resolve("c.npy")));
    }

    @Test
    void theAutomaticChoiceTilesOnlyWhatDoesNotFitAndRefusesWhatNothingFits() {
        long gb3 = 3L << 30;
        assertEquals(0, TiledScatter.choose(-1, 256, 256, 3, 8, 2, 2, false, gb3));
        int t = TiledScatter.choose(-1, 20000, 20000, 3, 8, 2, 2, false, gb3);
        assertTrue(t > 0 && t % 8 == 0 && TiledScatter.tileBytes(t, 3, 8, 2, 2, false) <= gb3, "tile " + t);
        assertEquals(512, TiledScatter.choose(512, 20000, 20000, 3, 8, 2, 2, false, gb3));
        IllegalArgumentException never = assertThrows(IllegalArgumentException.class,
                () -> TiledScatter.choose(0, 20000, 20000, 3, 8, 2, 2, false, gb3));
        assertTrue(never.getMessage().contains("20000x20000") && never.getMessage().contains("SCATTER4J_JAVA_OPTS=-Xmx"),
                never.getMessage());
        IllegalArgumentException tiny = assertThrows(IllegalArgumentException.class,
                () -> TiledScatter.choose(-1, 20000, 20000, 3, 8, 2, 2, false, 1L << 20));
        assertTrue(tiny.getMessage().contains("smallest tile"), tiny.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TiledScatter.choose(4096, 20000, 20000, 5, 8, 2, 2, false, gb3));
    }
}
