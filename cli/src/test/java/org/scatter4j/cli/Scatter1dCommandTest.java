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

    /**
     * A long recording in a small heap: 6 s at 44.1 kHz (262144 samples, J=8, Q=12) runs in 448 MB
     * (about 400 MB at its peak; the memory check asks for its estimate plus {@code
     * Scattering1D.HEAP_MARGIN}, and at 384 MB G1 ran out in some runs), because the filters keep
     * only their nonzero runs (the dense bank alone took about 1 GB), and with
     * two threads asked for, because the engine starts only the threads whose workspaces fit (a
     * second one ran out of memory); a recording 4x longer, whose filters and scratch need more than
     * the heap, is refused at once with one line naming N, J, Q and the heap, and leaves no file.
     */
    @Test
    void aLongRecordingRunsInASmallHeapAndOneTooLongIsRefusedAtOnce() throws Exception {
        int heapMb = 448;
        Path wav = tmp.resolve("long.wav");
        writeWav(wav, chirp(262144), 44100);
        Path out = tmp.resolve("long_s.npy");
        ScatterCommandTest.Run ok = ScatterCommandTest.runInSmallHeap(heapMb, "scatter1d", "--J", "8", "--Q", "12", "--threads", "2",
                wav.toString(), out.toString());
        assertEquals(0, ok.exit(), ok.out());
        NpyArray s = Npy.read(out);
        Scattering1D t = Scattering1D.builder().J(8).Q(12).length(262144).build();
        assertArrayEquals(new int[] {1, t.channelCount(), t.outputSamples()}, s.shape());
        Files.delete(out);
        Files.delete(tmp.resolve("long_s.paths.json"));
        Path longer = tmp.resolve("longer.wav");
        writeWav(longer, chirp(4 * 262144), 44100);
        long before = files();
        ScatterCommandTest.Run refused = ScatterCommandTest.runInSmallHeap(heapMb, "scatter1d", "--J", "8", "--Q", "12",
                longer.toString(), out.toString());
        assertEquals(2, refused.exit(), refused.out());
        assertEquals(1, refused.out().strip().lines().count(), refused.out());
        assertTrue(refused.out().contains("N=1048576, J=8, Q=(12, 1)") && refused.out().contains("of heap available"), refused.out());
        assertEquals(before, files(), "a refused run left a file");
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
        assertArrayEquals(new int[] {3, s.channelCount(), s.outputSamples()}, a.shape());
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
        Path big = tmp.resolve("big.npy"); // float64 samples float32 cannot hold, and float64's transform cannot take
        double[] b = new double[2 * 256];
        b[256 + 5] = 1e300;
        Npy.write(big, b, 2, 256);
        Path loud = tmp.resolve("loud.npy"); // float64 samples float32 cannot hold but float64's transform takes
        b[256 + 5] = 1e100;
        Npy.write(loud, b, 2, 256);
        Path noSamples = tmp.resolve("n0.npy");
        Npy.write(noSamples, new double[0], 3, 0);
        Path out = tmp.resolve("s.npy");
        long before = files();
        Object[][] cases = { // arguments before INPUT, INPUT, then what the message must name
            {new String[] {"--J", "3"}, noSamples, "n0.npy: signals of 0 samples", "at least 2"},
            {new String[] {"--J", "3"}, in, "signal 1", "sample 17"},
            {new String[] {"--J", "3"}, loud, "signal 1 (" + loud + "[1]): sample 5 is 1.0E100", "--precision float64"},
            // no precision takes it: the message must not send the user to float64
            {new String[] {"--J", "3"}, big, "signal 1 (" + big + "[1]): sample 5 is 1.0E300", "scale the signal down"},
            {new String[] {"--J", "3", "--precision", "float64"}, big, "signal 1 (" + big + "[1]): sample 5 is 1.0E300",
                    "scale the signal down"},
            {new String[] {"--J", "9"}, ok, "J", "N=256"}, // N < 2^J
            {new String[] {"--J", "0"}, ok, "--J", "got 0"}, // J out of range
            {new String[] {"--J", "3", "--T", "300"}, ok, "T=300", "N=256"},
            {new String[] {"--J", "3", "--Q", "0"}, ok, "Q1", "0"},
            {new String[] {"--J", "3", "--Q", "100000000"}, ok, "Q=(100000000, 1)", "of heap available"},
            {new String[] {"--J", "3", "--length", "2000000000"}, ok, "N=2000000000", "a Java array holds"},
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

    /** Every option is refused before INPUT is read: the input here is not even a WAV file, yet the message is the option's. */
    @Test
    void optionsAreCheckedBeforeAnyDataIsRead() throws Exception {
        Path notWav = tmp.resolve("fake.wav");
        Files.writeString(notWav, "this is not a WAV file");
        Path out = tmp.resolve("s.npy");
        String[][] cases = { // options, then what the message must name
            {"--J", "0", "--J", "got 0"},
            {"--J", "31", "--J", "got 31"},
            {"--J", "3", "--Q", "0", "Q1", "'0'"},
            {"--J", "3", "--Q", "4,0", "Q2", "'4,0'"},
            {"--J", "3", "--T", "0", "--T", "got 0"},
            {"--J", "3", "--T", "ten", "--T", "ten"},
            {"--J", "3", "--max-order", "3", "--max-order", "got 3"},
            {"--J", "3", "--length", "1", "--length", "got 1"},
            {"--J", "3", "--precision", "float16", "--precision", "float16"},
            {"--J", "9", "--length", "256", "J=9", "N=256"}, // 2^J > --length: the builder's check, made before reading
            {"--J", "3", "--T", "300", "--length", "256", "T=300", "N=256"},
            {"--J", "3", "--threads", "-1", "--threads", "-1"},
            {"--J", "3", "--threads", "1000000", "--threads must be at most " + ThreadsOption.max(), "got 1000000"},
        };
        long before = files();
        for (String[] c : cases) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("scatter1d"));
            args.addAll(java.util.List.of(c).subList(0, c.length - 2));
            args.add(notWav.toString());
            args.add(out.toString());
            ScatterCommandTest.Run r = run(args.toArray(String[]::new));
            String what = String.join(" ", args) + ": " + r.err();
            assertEquals(2, r.exit(), what);
            assertEquals(1, r.err().strip().lines().count(), what);
            assertTrue(r.err().contains(c[c.length - 2]) && r.err().contains(c[c.length - 1]), what);
            assertFalse(r.err().contains("fake.wav"), "the input was read before the options were checked: " + what);
            assertEquals(before, files(), "output left behind by " + what);
        }
    }

    @Test
    void wavFolderOfMixedSampleRatesIsRefusedNamingTwoFilesAndTheirRates() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("wavs"));
        writeWav(dir.resolve("a.wav"), chirp(600), 8000);
        writeWav(dir.resolve("b.wav"), chirp(600), 8000);
        writeWav(dir.resolve("c.wav"), chirp(600), 16000);
        Path out = tmp.resolve("s.npy");
        long before = files();
        for (String[] extra : new String[][] {{}, {"--length", "512"}}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("scatter1d", "--J", "4"));
            args.addAll(java.util.List.of(extra));
            args.addAll(java.util.List.of(dir.toString(), out.toString()));
            ScatterCommandTest.Run r = run(args.toArray(String[]::new));
            String err = r.err().strip();
            assertEquals(2, r.exit(), err);
            assertEquals(1, err.lines().count(), err);
            assertEquals("scatter4j scatter1d: " + dir.resolve("c.wav") + ": sample rate 16000 Hz differs from " + dir.resolve("a.wav")
                    + " (8000 Hz); resample the recordings to one rate", err);
            assertEquals(before, files(), "nothing written");
        }
        Files.delete(dir.resolve("c.wav"));
        ScatterCommandTest.Run r = run("scatter1d", "--J", "4", dir.toString(), out.toString());
        assertEquals(0, r.exit(), r.err());
        var json = com.google.gson.JsonParser.parseString(Files.readString(ScatterCommand.pathsFile(out))).getAsJsonObject();
        assertEquals(8000, json.get("sample_rate").getAsInt());
    }

    /** Two scatter1d runs to one path (issue 19, section 4): one exits 0, the other 2; the .npy and paths JSON left are valid. */
    @Test
    void twoRunsToOneOutputOneIsRefusedTheSurvivorIsValid() throws Exception {
        int count = 24;
        int n = 4096;
        double[] x = new double[count * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(0.013 * i * (1 + (i % n) / (double) n)) + 0.05 * (i % 11);
        }
        Path in = tmp.resolve("x.npy");
        Npy.write(in, x, count, n);
        Path outDir = Files.createDirectories(tmp.resolve("out"));
        Scattering1D s = Scattering1D.builder().J(6).Q(8, 1).length(n).build();
        for (int round = 0; round < 3; round++) {
            Path out = outDir.resolve("s" + round + ".npy");
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            java.util.List<java.util.concurrent.Future<ScatterCommandTest.Run>> runs = new java.util.ArrayList<>();
            for (int k = 0; k < 2; k++) {
                runs.add(pool.submit(() -> run("scatter1d", "--J", "6", "--Q", "8", "--threads", "1", in.toString(), out.toString())));
            }
            int ok = 0;
            for (java.util.concurrent.Future<ScatterCommandTest.Run> f : runs) {
                ScatterCommandTest.Run r = f.get();
                if (r.exit() == 0) {
                    ok++;
                } else {
                    assertEquals(2, r.exit(), r.err());
                    assertEquals(1, r.err().strip().lines().count(), r.err());
                    assertTrue(r.err().contains("exists; pass --overwrite") || r.err().contains("appeared while this run was writing it"),
                            r.err());
                }
            }
            pool.shutdown();
            assertEquals(1, ok, "exactly one of two racing runs succeeds");
            NpyArray a = Npy.read(out);
            assertArrayEquals(new int[] {count, s.channelCount(), s.outputSamples()}, a.shape());
            float[] expected = new float[s.outputLength()];
            s.transformBatch(java.util.Arrays.copyOf(x, n), 1, expected, 1); // float32 of the unrounded samples
            float[] got = a.toFloatArray();
            assertArrayEquals(expected, java.util.Arrays.copyOf(got, expected.length), 0f);
            var json = com.google.gson.JsonParser.parseString(Files.readString(ScatterCommand.pathsFile(out))).getAsJsonObject();
            assertEquals(count, json.getAsJsonArray("output_shape").get(0).getAsInt());
            assertEquals(s.channelCount(), json.getAsJsonArray("paths").size());
        }
        try (Stream<Path> left = Files.list(outDir)) {
            java.util.List<String> names = left.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(java.util.List.of("s0.npy", "s0.paths.json", "s1.npy", "s1.paths.json", "s2.npy", "s2.paths.json"), names);
        }
    }

    @Test
    void anOutputThatIsTheInputIsRefusedEvenWithOverwrite() throws Exception {
        Path in = tmp.resolve("x.npy");
        Npy.write(in, new double[2 * 256], 2, 256);
        byte[] before = Files.readAllBytes(in);
        for (String[] extra : new String[][] {{}, {"--overwrite"}}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("scatter1d", "--J", "3"));
            args.addAll(java.util.List.of(extra));
            args.addAll(java.util.List.of(in.toString(), tmp.resolve(".").resolve("x.npy").toString()));
            ScatterCommandTest.Run r = run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(extra.length == 0 ? "exists; pass --overwrite" : "is the same file as INPUT"), r.err());
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(in)));
            assertEquals(1, files(), "no paths file, no temporary");
        }
    }

    /** A run that fails after its outputs were declared (the last WAV of the folder is cut) leaves no output, paths file or temporary. */
    @Test
    void aFailedRunLeavesNothingBehind() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("wavs"));
        writeWav(dir.resolve("a.wav"), chirp(600), 8000);
        writeWav(dir.resolve("b.wav"), chirp(600), 8000);
        byte[] bytes = Files.readAllBytes(dir.resolve("b.wav"));
        Files.write(dir.resolve("b.wav"), java.util.Arrays.copyOf(bytes, 60));
        Path out = tmp.resolve("s.npy");
        ScatterCommandTest.Run r = run("scatter1d", "--J", "4", dir.toString(), out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("b.wav"), r.err());
        assertEquals(1, files(), "only the input folder is left");
        // and an existing output is kept as it was by a failed --overwrite run
        Files.writeString(out, "precious");
        r = run("scatter1d", "--J", "4", "--overwrite", dir.toString(), out.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("precious", Files.readString(out));
        assertEquals(2, files());
    }
}
