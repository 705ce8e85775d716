package org.scatter4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpyTest {

    @TempDir
    Path tmp;

    /** The array make_fixtures.py saves in several layouts: arange(24).reshape(2, 3, 4) * 0.5 + 0.25. */
    private static double[] base() {
        double[] v = new double[24];
        for (int i = 0; i < 24; i++) {
            v[i] = i * 0.5 + 0.25;
        }
        return v;
    }

    private static Path npy(String name) {
        return TestFiles.resource("npy/" + name);
    }

    @Test
    void readsKymatioSmoothInput() throws IOException {
        NpyArray a = Npy.read(TestFiles.resource("kymatio/smooth32_input.npy"));
        assertArrayEquals(new int[] {1, 32, 32}, a.shape());
        assertEquals("float64", a.dtype());
        assertEquals(1024, a.size());
        for (int r = 0; r < 32; r++) {
            for (int c = 0; c < 32; c++) {
                double expected = Math.sin(0.3 * r) + Math.cos(0.2 * c) + 0.01 * r * c;
                assertEquals(expected, a.get(0, r, c), 1e-12, "pixel " + r + "," + c);
            }
        }
        assertEquals(1.0, a.get(0, 0, 0), 1e-15); // sin 0 + cos 0
        double[] flat = a.toDoubleArray();
        assertEquals(a.get(0, 5, 7), flat[5 * 32 + 7]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"numpy_f8_2x3x4.npy", "f8_be.npy", "f8_v2.npy", "f8_v3.npy", "f8_fortran_be.npy",
            "f4_fortran.npy"})
    void readsEveryLayoutOfTheSameArrayInCOrder(String file) throws IOException {
        NpyArray a = Npy.read(npy(file));
        assertArrayEquals(new int[] {2, 3, 4}, a.shape());
        assertArrayEquals(base(), a.toDoubleArray(), 0.0);
        assertEquals(file.startsWith("f4") ? "float32" : "float64", a.dtype());
        assertEquals(0.25 + 0.5 * (1 * 12 + 2 * 4 + 3), a.get(1, 2, 3));
    }

    @Test
    void fortranOrderIsTransposedToCOrder() throws IOException {
        NpyArray a = Npy.read(npy("f4_fortran.npy"));
        // in the file, the second value is element (1, 0, 0); in C order it is (0, 0, 1)
        float[] f = a.toFloatArray();
        assertEquals(0.75f, f[1]);
        assertEquals(0.25f + 0.5f * 12, (float) a.get(1, 0, 0));
    }

    @Test
    void fortranToCMatchesIndexArithmetic() {
        int[] shape = {3, 4, 5};
        double[] f = new double[60];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 5; k++) {
                    f[i + 3 * (j + 4 * k)] = 100 * i + 10 * j + k;
                }
            }
        }
        double[] c = Npy.fortranToC(f, shape);
        for (int n = 0; n < 60; n++) {
            int i = n / 20;
            int j = (n / 5) % 4;
            int k = n % 5;
            assertEquals(100 * i + 10 * j + k, c[n], 0.0);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "u1.npy, uint8, 0 1 2 3 254 255",
            "i1.npy, int8, -128 -1 0 1 2 127",
            "le_i2.npy, int16, -32768 -1 0 1 2 32767",
            "be_i2.npy, int16, -32768 -1 0 1 2 32767",
            "le_u2.npy, uint16, 0 1 2 3 65534 65535",
            "be_u2.npy, uint16, 0 1 2 3 65534 65535",
            "le_i4.npy, int32, -2147483648 -1 0 1 2 2147483647",
            "be_i4.npy, int32, -2147483648 -1 0 1 2 2147483647",
            "le_u4.npy, uint32, 0 1 2 3 4294967294 4294967295",
            "be_u4.npy, uint32, 0 1 2 3 4294967294 4294967295",
            "le_i8.npy, int64, -9007199254740992 -1 0 1 2 9007199254740992",
            "be_i8.npy, int64, -9007199254740992 -1 0 1 2 9007199254740992",
    })
    void readsIntegerTypesInBothByteOrders(String file, String dtype, String values) throws IOException {
        NpyArray a = Npy.read(npy(file));
        assertEquals(dtype, a.dtype());
        assertArrayEquals(new int[] {2, 3}, a.shape());
        double[] expected = Arrays.stream(values.split(" ")).mapToDouble(Double::parseDouble).toArray();
        assertArrayEquals(expected, a.toDoubleArray(), 0.0);
    }

    @Test
    void readsBoolAsZeroOne() throws IOException {
        NpyArray a = Npy.read(npy("bool.npy"));
        assertEquals("bool", a.dtype());
        assertArrayEquals(new double[] {1, 0, 1}, a.toDoubleArray(), 0.0);
    }

    @Test
    void readsScalarAndEmptyArrays() throws IOException {
        NpyArray s = Npy.read(npy("numpy_f8_scalar.npy"));
        assertEquals(0, s.rank());
        assertEquals(3.5, s.get());
        NpyArray e = Npy.read(npy("numpy_f8_0x3.npy"));
        assertArrayEquals(new int[] {0, 3}, e.shape());
        assertEquals(0, e.size());
    }

    @ParameterizedTest
    @CsvSource({
            "complex.npy, '<c16' (complex)",
            "object.npy, '|O' (Python objects)",
            "structured.npy, structured array",
            "float16.npy, '<f2' (float16)",
    })
    void refusesUnsupportedTypesNamingFileAndType(String file, String detail) {
        IOException e = assertThrows(IOException.class, () -> Npy.read(npy(file)));
        assertTrue(e.getMessage().contains(file), e.getMessage());
        assertTrue(e.getMessage().contains("unsupported dtype"), e.getMessage());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }

    // ------------------------------------------------------------------ corrupt files

    private Path withBytes(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private String failure(Path p) {
        IOException e = assertThrows(IOException.class, () -> Npy.read(p));
        assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
        return e.getMessage();
    }

    /** A version 1.0 file with the given header text (padded as numpy does) followed by payload. */
    private static byte[] npyBytes(String dict, byte[] payload) {
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        int hlen = text.length + 1;
        int pad = 64 - (10 + hlen) % 64;
        ByteBuffer b = ByteBuffer.allocate(10 + hlen + pad + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) (hlen + pad));
        b.put(text).put(" ".repeat(pad).getBytes(StandardCharsets.ISO_8859_1)).put((byte) '\n').put(payload);
        return b.array();
    }

    @Test
    void truncatedDataSaysHowMuchIsMissing() throws IOException {
        Path p = withBytes("smooth.npy",
                npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (1024,), }", new byte[100]));
        assertEquals(p + ": truncated: header says 1024 float64 values (8192 bytes) but only 100 bytes follow",
                failure(p));
    }

    @Test
    void truncatedCopyOfRealFile() throws IOException {
        byte[] all = Files.readAllBytes(TestFiles.resource("kymatio/smooth32_input.npy"));
        Path p = withBytes("cut.npy", Arrays.copyOf(all, all.length - 8));
        assertTrue(failure(p).contains("truncated: header says 1024 float64 values (8192 bytes) but only 8184"));
        Path h = withBytes("cuthead.npy", Arrays.copyOf(all, 40));
        assertTrue(failure(h).contains("truncated: header length says 118 bytes but only 30"));
        Path pre = withBytes("cutpre.npy", Arrays.copyOf(all, 8));
        assertTrue(failure(pre).contains("truncated"));
    }

    @Test
    void trailingBytesAreCorruption() throws IOException {
        byte[] all = Files.readAllBytes(npy("numpy_f8_2x3x4.npy"));
        Path p = withBytes("long.npy", Arrays.copyOf(all, all.length + 3));
        assertTrue(failure(p).contains("3 unexpected bytes after the 24 float64 values"));
    }

    @Test
    void wrongMagicAndEmptyFile() throws IOException {
        assertTrue(failure(withBytes("x.npy", "PK\003\004 zip, not npy".getBytes(StandardCharsets.ISO_8859_1)))
                .contains("not an NPY file: wrong magic (expected \\x93NUMPY, found PK\\x03\\x04 z)"));
        assertTrue(failure(withBytes("empty.npy", new byte[0])).contains("empty file"));
        assertTrue(failure(withBytes("tiny.npy", new byte[] {(byte) 0x93, 'N'})).contains("wrong magic"));
    }

    @Test
    void unsupportedVersion() throws IOException {
        byte[] b = Files.readAllBytes(npy("numpy_f8_2x3x4.npy"));
        b[6] = 4;
        assertTrue(failure(withBytes("v4.npy", b)).contains("unsupported NPY format version 4.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), ",
            "{'descr': '<f8', 'fortran_order': False}",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'extra': 1}",
            "{'descr': '<f8', 'fortran_order': 'no', 'shape': (2,)}",
            "{'descr': '<f8', 'fortran_order': False, 'shape': [2]}",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (-2,)}",
            "{'descr': 8, 'fortran_order': False, 'shape': (2,)}",
            "['descr', 'fortran_order', 'shape']",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2,)} trailing",
            "{'descr': '<f8' 'fortran_order': False, 'shape': (2,)}",
            "garbage",
    })
    void badHeaders(String dict) throws IOException {
        Path p = withBytes("bad.npy", npyBytes(dict, new byte[16]));
        assertTrue(failure(p).contains("bad header"), failure(p));
    }

    @Test
    void acceptsPython2LongSuffixAndDoubleQuotes() throws IOException {
        Path p = withBytes("old.npy", npyBytes("{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (2L,)}",
                ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(1.5).putDouble(-2).array()));
        assertArrayEquals(new double[] {1.5, -2}, Npy.read(p).toDoubleArray(), 0.0);
    }

    @Test
    void arraysBeyondJavaLimitsAreRefusedClearly() throws IOException {
        Path p = withBytes("huge.npy", npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (50000, 50000), }",
                new byte[0]));
        assertEquals(p + ": array of shape (50000, 50000) has 2500000000 elements, more than the 2147483647"
                + " a Java array can hold", failure(p));
        Path q = withBytes("huger.npy", npyBytes(
                "{'descr': '<f4', 'fortran_order': False, 'shape': (4000000000000, 4000000000000), }", new byte[0]));
        assertTrue(failure(q).contains("more than the 2147483647"));
    }

    // ------------------------------------------------------------------ writing

    @Test
    void writesExactlyTheBytesNumpyWrites() throws IOException {
        Path a = tmp.resolve("a.npy");
        Npy.write(a, base(), 2, 3, 4);
        assertArrayEquals(Files.readAllBytes(npy("numpy_f8_2x3x4.npy")), Files.readAllBytes(a));

        Path b = tmp.resolve("b.npy");
        Npy.write(b, new float[] {1.5f, -2.0f, 0.0f, 3.25f, 1e-3f}, 5);
        assertArrayEquals(Files.readAllBytes(npy("numpy_f4_5.npy")), Files.readAllBytes(b));

        Path c = tmp.resolve("c.npy");
        Npy.write(c, new double[] {3.5});
        assertArrayEquals(Files.readAllBytes(npy("numpy_f8_scalar.npy")), Files.readAllBytes(c));

        Path d = tmp.resolve("d.npy");
        Npy.write(d, new double[0], 0, 3);
        assertArrayEquals(Files.readAllBytes(npy("numpy_f8_0x3.npy")), Files.readAllBytes(d));
    }

    @Test
    void headerMatchesKymatioFileAndIsAligned() throws IOException {
        byte[] ours = Npy.header("<f8", new int[] {1, 32, 32});
        byte[] theirs = Arrays.copyOf(Files.readAllBytes(TestFiles.resource("kymatio/smooth32_input.npy")), 128);
        assertArrayEquals(theirs, ours);
        for (int[] shape : new int[][] {{}, {7}, {123456789, 2}, {1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
            assertEquals(0, Npy.header("<f4", shape).length % 64, Arrays.toString(shape));
        }
    }

    @Test
    void roundTripsDoubleAndFloatIncludingLargeChunks() throws IOException {
        Random rnd = new Random(42);
        double[] d = new double[300_001]; // more than one 1 MiB chunk
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextGaussian();
        }
        Path p = tmp.resolve("d.npy");
        Npy.write(p, d, 300_001);
        NpyArray a = Npy.read(p);
        assertArrayEquals(d, a.toDoubleArray(), 0.0);
        assertEquals(8L * d.length + 128, Files.size(p));

        float[] f = new float[6 * 7 * 8];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) rnd.nextGaussian();
        }
        Path q = tmp.resolve("f.npy");
        Npy.write(q, f, 6, 7, 8);
        NpyArray b = Npy.read(q);
        assertEquals("float32", b.dtype());
        assertArrayEquals(new int[] {6, 7, 8}, b.shape());
        assertArrayEquals(f, b.toFloatArray(), 0f);
    }

    @Test
    void hugeHeaderFallsBackToVersion2() throws IOException {
        int[] shape = new int[30000]; // "1, " x 30000 does not fit a 16-bit header length
        Arrays.fill(shape, 1);
        Path p = tmp.resolve("v2.npy");
        Npy.write(p, new double[] {7.0}, shape);
        byte[] bytes = Files.readAllBytes(p);
        assertEquals(2, bytes[6]);
        assertEquals(0, (bytes.length - 8) % 64);
        assertEquals(7.0, Npy.read(p).toDoubleArray()[0]);
    }

    @Test
    void writeRejectsShapeMismatchNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Npy.write(tmp.resolve("x.npy"), new double[5], 2, 3));
        assertEquals("data has 5 values but shape (2, 3) needs 6", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Npy.write(tmp.resolve("y.npy"), new float[0], -1));
    }

    @Test
    void npyArrayIsImmutableAndChecked() {
        double[] data = {1, 2, 3, 4, 5, 6};
        int[] shape = {2, 3};
        NpyArray a = new NpyArray(shape, "float64", data);
        data[0] = 99;
        shape[0] = 99;
        a.toDoubleArray()[1] = 99;
        a.shape()[1] = 99;
        assertEquals(1.0, a.get(0, 0));
        assertEquals(2.0, a.get(0, 1));
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertEquals("NpyArray(2, 3) float64", a.toString());
        assertEquals(a, new NpyArray(new int[] {2, 3}, "float64", new double[] {1, 2, 3, 4, 5, 6}));
        assertThrows(IndexOutOfBoundsException.class, () -> a.get(2, 0));
        assertThrows(IllegalArgumentException.class, () -> a.get(1));
        assertThrows(IllegalArgumentException.class, () -> new NpyArray(new int[] {4}, "float64", new double[3]));
    }

    @Test
    void numpyReadsWhatWeWrite() throws IOException {
        assumeTrue(TestFiles.pythonWithNumpy(), "python3 with numpy not available");
        Path d = tmp.resolve("d.npy");
        Path f = tmp.resolve("f.npy");
        Npy.write(d, base(), 2, 3, 4);
        Npy.write(f, new float[] {1.5f, -2f, 0.1f}, 3);
        String out = TestFiles.python(
                "import sys, numpy as np\n"
                        + "a = np.load(sys.argv[1]); b = np.load(sys.argv[2])\n"
                        + "assert a.dtype == np.float64 and a.shape == (2, 3, 4), (a.dtype, a.shape)\n"
                        + "assert np.array_equal(a, np.arange(24).reshape(2, 3, 4) * 0.5 + 0.25)\n"
                        + "assert b.dtype == np.float32 and b.shape == (3,)\n"
                        + "assert np.array_equal(b, np.array([1.5, -2, 0.1], dtype=np.float32))\n"
                        + "print('ok')\n",
                d.toString(), f.toString());
        assertEquals("ok", out.strip());
    }
}
