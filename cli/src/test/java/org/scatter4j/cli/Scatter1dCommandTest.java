package org.scatter4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scatter4j.io.Npy;
import org.scatter4j.io.NpyArray;
import org.scatter4j.scattering.Scattering1D;

/** The {@code scatter1d} command end to end: Kymatio's reference, shapes, WAV input, and every refusal. */
class Scatter1dCommandTest {
    @TempDir
    Path tmp;

    static ScatterCommandTest.Run run(String... args) {
        return ScatterCommandTest.run(args);
    }

    /** A mono 16-bit PCM WAV file of the given samples (in [-1, 1)). */
    static void writeWav(Path file, float[] x, int rate) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 2 * x.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(2 * rate)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(2 * x.length);
        for (float v : x) {
            b.putShort((short) Math.round(Math.max(-1, Math.min(0.99997f, v)) * 32768));
        }
        Files.write(file, b.array());
    }

    static float[] chirp(int n) {
        float[] x = new float[n];
        for (int t = 0; t < n; t++) {
            x[t] = (float) (0.5 * Math.cos(2 * Math.PI * (0.01 + 0.2 * t / n) * t));
        }
        return x;
    }

    /** Files left in the temporary folder: a refused run must leave none. */
    long files() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.count();
        }
    }

    @Test
    void matchesKymatiosChirpReferenceInFloat64() throws Exception {
        Path ref = Path.of("../../shared/reference/kymatio1d");
        assumeTrue(Files.isDirectory(ref), "../shared/reference/kymatio1d not present");
        Path out = tmp.resolve("s.npy");
        ScatterCommandTest.Run r = run("scatter1d", "--J", "6", "--Q", "8", "--max-order", "2", "--precision", "float64",
                ref.resolve("chirp1024_J6_Q8_input.npy").toString(), out.toString());
        assertEquals(0, r.exit(), r.err());
        NpyArray a = Npy.read(out);
        NpyArray b = Npy.read(ref.resolve("chirp1024_J6_Q8_output.npy"));
        assertArrayEquals(b.shape(), a.shape());
        double[] x = a.toDoubleArray();
        double[] y = b.toDoubleArray();
        int len = a.shape()[2];
        for (int c = 0; c < x.length / len; c++) {
            double err = 0;
            double norm = 0;
            for (int t = 0; t < len; t++) {
                err += Math.pow(x[c * len + t] - y[c * len + t], 2);
                norm += y[c * len + t] * y[c * len + t];
            }
            assertTrue(Math.sqrt(err) <= 1e-5 * Math.sqrt(norm), "channel " + c);
        }
        assertTrue(Files.exists(tmp.resolve("s.paths.json")));
    }

    @Test
    void npyBatchGivesTheLibrarysCoefficientsAndEveryChannelIsDescribed() throws Exception {
        double[] x = new double[3 * 512];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(0.05 * i * (1 + i / 512)) + 0.1 * (i % 5);
        }
        Path in = tmp.resolve("x.npy");
        Npy.write(in, x, 3, 512);
        Path out = tmp.resolve("s.npy");
        ScatterCommandTest.Run r = run("scatter1d", "--J", "5", "--Q", "4,2", "--T", "64", "--precision", "float64", in.toString(),
                out.toString());
        assertEquals(0, r.exit(), r.err());
        Scattering1D s = Scattering1D.builder().J(5).Q(4, 2).T(64).length(512).build();
        NpyArray a = Npy.read(out);
        assertArrayEquals(new int[] {3, s.channelCount(), s.outputLength()}, a.shape());
        assertArrayEquals(s.transformBatch(x, 3), a.toDoubleArray(), 0.0);
        String json = Files.readString(tmp.resolve("s.paths.json"));
        assertEquals(s.channelCount(), json.split("\"order\"").length - 1, json); // one per channel
        assertTrue(json.contains("\"xi\"") && json.contains("\"sigma\"") && json.contains("\"j\""));
    }

    @Test
    void wavFolderNeedsLengthWhenLengthsDifferAndNamesTwoFiles() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("wavs"));
        writeWav(dir.resolve("a.wav"), chirp(600), 8000);
        writeWav(dir.resolve("b.wav"), chirp(700), 8000);
        Path out = tmp.resolve("s.npy");
        ScatterCommandTest.Run r = run("scatter1d", "--J", "4", dir.toString(), out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("a.wav") && r.err().contains("b.wav") && r.err().contains("--length"), r.err());
        assertFalse(Files.exists(out));
        r = run("scatter1d", "--J", "4", "--length", "640", dir.toString(), out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(2, Npy.read(out).shape()[0]);
        assertEquals(640 / 16, Npy.read(out).shape()[2]);
    }

    @Test
    void badInputIsOneLineExitTwoAndNoOutput() throws Exception {
        Path in = tmp.resolve("x.npy");
        double[] x = new double[2 * 256];
        x[256 + 17] = Double.NaN;
        Npy.write(in, x, 2, 256);
        Path ok = tmp.resolve("ok.npy");
        Npy.write(ok, new double[2 * 256], 2, 256);
        Path empty = tmp.resolve("empty.npy");
        Npy.write(empty, new double[0], 0, 256);
        Path notWav = tmp.resolve("fake.wav");
        Files.writeString(notWav, "this is not a WAV file");
        Path truncated = tmp.resolve("short.wav");
        writeWav(truncated, chirp(300), 8000);
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, 100));
        Path out = tmp.resolve("s.npy");
        long before = files();
        Object[][] cases = { // arguments before INPUT, INPUT, then what the message must name
            {new String[] {"--J", "3"}, in, "signal 1", "sample 17"},
            {new String[] {"--J", "9"}, ok, "J", "N=256"}, // N < 2^J
            {new String[] {"--J", "0"}, ok, "J", "got J=0"}, // J out of range
            {new String[] {"--J", "3", "--T", "300"}, ok, "T=300", "N=256"},
            {new String[] {"--J", "3", "--Q", "0"}, ok, "Q1", "0"},
            {new String[] {"--J", "3"}, empty, "empty batch", "empty.npy"},
            {new String[] {"--J", "3"}, notWav, "fake.wav", "not a WAV"},
            {new String[] {"--J", "3"}, truncated, "short.wav", "truncated"},
        };
        for (Object[] c : cases) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("scatter1d"));
            args.addAll(java.util.List.of((String[]) c[0]));
            args.add(c[1].toString());
            args.add(out.toString());
            ScatterCommandTest.Run r = run(args.toArray(String[]::new));
            String what = String.join(" ", args) + ": " + r.err();
            assertEquals(2, r.exit(), what);
            assertEquals(1, r.err().strip().lines().count(), what);
            assertTrue(r.err().contains((String) c[2]) && r.err().contains((String) c[3]), what);
            assertEquals(before, files(), "output left behind by " + what);
        }
    }
}
