package org.scatter4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** NpyWriter, NpyReader and ImageStream: a piece at a time, the same bytes and values as whole-array I/O. */
class NpyStreamingTest {
    @TempDir
    Path tmp;

    /** More values than one 1 MB buffer holds, so the pieces cross buffer boundaries. */
    private static double[] values(int n) {
        Random r = new Random(7);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian() * 1e3;
        }
        return v;
    }

    /** Writes v in pieces of irregular sizes (1, 2, 3, ... values, then the rest). */
    private static void writeInPieces(NpyWriter w, double[] v) throws IOException {
        int off = 0;
        for (int piece = 1; off < v.length; piece = piece * 3 + 1) {
            int n = Math.min(piece, v.length - off);
            w.write(v, off, n);
            off += n;
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void piecewiseWritingGivesTheBytesOfAWholeWrite(boolean float64) throws IOException {
        double[] v = values(3 * 211 * 307); // 1.5 MB in float64
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        Path whole = tmp.resolve("whole.npy");
        Path pieces = tmp.resolve("pieces.npy");
        Path fromFloats = tmp.resolve("floats.npy");
        if (float64) {
            Npy.write(whole, v, 3, 211, 307);
        } else {
            Npy.write(whole, f, 3, 211, 307);
        }
        try (NpyWriter w = float64 ? NpyWriter.float64(pieces, 3, 211, 307) : NpyWriter.float32(pieces, 3, 211, 307)) {
            writeInPieces(w, v);
            assertEquals(v.length, w.written());
        }
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(pieces));
        // float input: the same file for float32; for float64 the floats widened exactly
        try (NpyWriter w = float64 ? NpyWriter.float64(fromFloats, 3, 211, 307) : NpyWriter.float32(fromFloats, 3, 211, 307)) {
            w.write(f, 0, 5);
            w.write(f, 5, f.length - 5);
        }
        double[] back = Npy.read(fromFloats).toDoubleArray();
        for (int i = 0; i < f.length; i++) {
            assertEquals((double) f[i], back[i], 0.0);
        }
    }

    @Test
    void aWriterRefusesTooManyValuesAndReportsTooFewOnClose() throws IOException {
        Path p = tmp.resolve("short.npy");
        NpyWriter w = NpyWriter.float32(p, 2, 3);
        w.write(new double[4], 0, 4);
        assertThrows(IllegalStateException.class, () -> w.write(new double[3], 0, 3));
        IOException e = assertThrows(IOException.class, w::close);
        assertTrue(e.getMessage().contains("incomplete NPY file: 4 of 6 values written"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"numpy_f8_2x3x4.npy", "f8_be.npy", "f8_v2.npy", "f8_v3.npy", "le_i4.npy", "be_u2.npy", "u1.npy"})
    void piecewiseReadingGivesTheValuesOfAWholeRead(String file) throws IOException {
        Path p = TestFiles.resource("npy/" + file);
        NpyArray whole = Npy.read(p);
        double[] got = new double[whole.size()];
        try (NpyReader r = NpyReader.open(p)) {
            assertArrayEquals(whole.shape(), r.shape());
            assertEquals(whole.dtype(), r.dtype());
            for (int off = 0, n = 1; off < got.length; off += n, n++) {
                n = Math.min(n, got.length - off);
                r.read(got, off, n);
            }
            assertEquals(0, r.remaining());
            assertThrows(IllegalArgumentException.class, () -> r.read(new double[1], 0, 1));
        }
        assertArrayEquals(whole.toDoubleArray(), got, 0.0);
    }

    @Test
    void aLargeFileIsReadAcrossBufferBoundaries() throws IOException {
        double[] v = values(300_001);
        Path p = tmp.resolve("large.npy");
        Npy.write(p, v, v.length);
        double[] got = new double[v.length];
        try (NpyReader r = NpyReader.open(p)) {
            r.read(got, 0, 100_000);
            r.read(got, 100_000, 200_001);
        }
        assertArrayEquals(v, got, 0.0);
    }

    @Test
    void aBrokenFileIsRefusedWhenOpened() throws IOException {
        Path p = tmp.resolve("truncated.npy");
        Npy.write(p, values(10), 10);
        byte[] b = Files.readAllBytes(p);
        Files.write(p, java.util.Arrays.copyOf(b, b.length - 8));
        IOException e = assertThrows(IOException.class, () -> NpyReader.open(p));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void anImageStreamDeliversAStackInChunksWhateverTheStorageOrder() throws IOException {
        // f4_fortran.npy and numpy_f8_2x3x4.npy hold the same (2, 3, 4) array in Fortran and C order
        for (String file : new String[] {"numpy_f8_2x3x4.npy", "f4_fortran.npy"}) {
            Path p = TestFiles.resource("npy/" + file);
            double[] expected = Npy.read(p).toDoubleArray();
            try (ImageStream s = ImageStream.open(p)) {
                assertEquals(2, s.count());
                assertEquals(3, s.height());
                assertEquals(4, s.width());
                assertEquals(file + "[1]", s.names().get(1));
                double[] one = new double[12];
                assertEquals(1, s.read(one, 1));
                assertArrayEquals(java.util.Arrays.copyOfRange(expected, 0, 12), one, 0.0);
                assertEquals(1, s.read(one, 5)); // only one image remains
                assertArrayEquals(java.util.Arrays.copyOfRange(expected, 12, 24), one, 0.0);
                assertEquals(0, s.read(one, 1));
            }
            assertArrayEquals(expected, ImageStack.read(p).pixels(), 0.0);
        }
    }

    @Test
    void skipReachesAValueWithoutReadingWhatComesBefore(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("s.npy");
        double[] values = new double[60];
        for (int k = 0; k < values.length; k++) {
            values[k] = k * 0.5;
        }
        Npy.write(p, values, 5, 12);
        try (NpyReader r = NpyReader.open(p)) {
            r.skip(25);
            double[] got = new double[10];
            r.read(got, 0, 10);
            assertArrayEquals(java.util.Arrays.copyOfRange(values, 25, 35), got, 0.0);
            assertEquals(25, r.remaining());
            assertThrows(IllegalArgumentException.class, () -> r.skip(26));
            assertThrows(IllegalArgumentException.class, () -> r.skip(-1));
        }
        Path p32 = dir.resolve("s32.npy"); // 4-byte values: the skip is counted in values, not bytes
        float[] values32 = new float[60];
        for (int k = 0; k < 60; k++) {
            values32[k] = (float) values[k];
        }
        Npy.write(p32, values32, 60);
        try (NpyReader r = NpyReader.open(p32)) {
            r.skip(59);
            double[] last = new double[1];
            r.read(last, 0, 1);
            assertEquals(29.5, last[0]);
        }
    }
}
