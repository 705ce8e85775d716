package org.scatter4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and writing NPY arrays region by region, at value indices. */
class NpyRegionTest {
    @TempDir
    Path tmp;

    @Test
    void readAtReadsAnyRunWithoutMovingTheSequentialPosition() throws Exception {
        double[] x = new double[5 * 7];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 0.5;
        }
        for (boolean f32 : new boolean[] {false, true}) {
            Path file = tmp.resolve("x" + f32 + ".npy");
            if (f32) {
                float[] y = new float[x.length];
                for (int i = 0; i < x.length; i++) {
                    y[i] = (float) x[i];
                }
                Npy.write(file, y, 5, 7);
            } else {
                Npy.write(file, x, 5, 7);
            }
            try (NpyReader r = NpyReader.open(file)) {
                double[] row = new double[3];
                r.readAt(2 * 7 + 4, row, 0, 3); // row 2, columns 4..6
                assertArrayEquals(new double[] {9, 9.5, 10}, row);
                double[] first = new double[2];
                r.read(first, 0, 2);
                assertArrayEquals(new double[] {0, 0.5}, first);
                assertThrows(IllegalArgumentException.class, () -> r.readAt(34, row, 0, 2));
                assertThrows(IllegalArgumentException.class, () -> r.readAt(-1, row, 0, 1));
            }
        }
    }

    @Test
    void regionsWrittenInAnyOrderGiveTheWholeArray() throws Exception {
        double[] x = new double[4 * 6];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 0.25;
        }
        for (boolean f64 : new boolean[] {false, true}) {
            Path file = tmp.resolve("r" + f64 + ".npy");
            try (NpyRegionWriter w = new NpyRegionWriter(file, f64, 4, 6)) {
                for (int row = 3; row >= 0; row--) { // bottom up, right half first
                    w.writeAt(row * 6 + 3, x, row * 6 + 3, 3);
                    w.writeAt(row * 6, x, row * 6, 3);
                }
            }
            NpyArray a = Npy.read(file);
            assertArrayEquals(new int[] {4, 6}, a.shape());
            assertArrayEquals(x, a.toDoubleArray());
        }
        Path part = tmp.resolve("part.npy");
        NpyRegionWriter w = new NpyRegionWriter(part, false, 2, 2);
        w.writeAt(0, x, 0, 2);
        assertThrows(IllegalArgumentException.class, () -> w.writeAt(3, x, 0, 2));
        assertThrows(java.io.IOException.class, w::close); // half written: incomplete
    }
}
