package org.scatter4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scatter4j.io.Npy;
import org.scatter4j.io.NpyArray;
import org.scatter4j.scattering.Scattering2D;
import picocli.CommandLine;

/** The {@code scatter} command end to end: formats, shapes, the paths file, and every refusal. */
class ScatterCommandTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void npyBatchGivesTheLibrarysCoefficientsAndAPathsFile() throws Exception {
        double[] x = new double[3 * 20 * 24];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(0.37 * i) + 0.1 * (i % 7);
        }
        Path in = tmp.resolve("x.npy");
        Npy.write(in, x, 3, 20, 24);
        Path out = tmp.resolve("s.npy");
        Run r = run("scatter", "--J", "2", "--L", "6", "--precision", "float64", "--threads", "2", in.toString(), out.toString());
        assertEquals(0, r.exit(), r.err());
        NpyArray s = Npy.read(out);
        Scattering2D t = Scattering2D.builder().J(2).L(6).shape(20, 24).build();
        assertArrayEquals(new int[] {3, t.channelCount(), t.outputHeight(), t.outputWidth()}, s.shape());
        double[] expected = new double[3 * t.outputLength()];
        t.transformBatch(x, 3, expected, 1);
        assertArrayEquals(expected, s.toDoubleArray(), 0.0);
        String json = Files.readString(tmp.resolve("s.paths.json"));
        assertTrue(json.contains("\"order\": 2") && json.contains("\"theta_radians\""), json);
    }

    @Test
    void existingOutputIsNeverOverwrittenUnasked() throws Exception {
        Path in = tmp.resolve("x.npy");
        Npy.write(in, new double[16 * 16], 16, 16);
        Path out = tmp.resolve("s.npy");
        Files.writeString(out, "precious");
        Run r = run("scatter", "--J", "2", in.toString(), out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("exists; pass --overwrite"), r.err());
        assertEquals("precious", Files.readString(out));
        assertEquals(0, run("scatter", "--J", "2", "--overwrite", in.toString(), out.toString()).exit());
        assertEquals(4, Npy.read(out).shape().length);
    }

    @Test
    void aFolderOfImagesIsOneBatchAndMismatchedSizesAreRefused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("imgs"));
        for (String name : new String[] {"b.png", "a.png"}) {
            BufferedImage img = new BufferedImage(16, 12, BufferedImage.TYPE_BYTE_GRAY);
            img.getRaster().setSample(3, 4, 0, 200);
            ImageIO.write(img, "png", dir.resolve(name).toFile());
        }
        Run ok = run("scatter", "--J", "2", dir.toString(), tmp.resolve("f.npy").toString());
        assertEquals(0, ok.exit(), ok.err());
        assertEquals(2, Npy.read(tmp.resolve("f.npy")).shape()[0]);
        assertTrue(Files.readString(tmp.resolve("f.paths.json")).contains("a.png"));
        ImageIO.write(new BufferedImage(10, 12, BufferedImage.TYPE_BYTE_GRAY), "png", dir.resolve("c.png").toFile());
        Run bad = run("scatter", "--J", "2", dir.toString(), tmp.resolve("g.npy").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("c.png: size 12x10 differs"), bad.err());
        assertTrue(Files.notExists(tmp.resolve("g.npy")));
    }

    @Test
    void badParametersAndFilesGetOneClearLine() throws Exception {
        Path in = tmp.resolve("x.npy");
        Npy.write(in, new double[16 * 16], 16, 16);
        assertTrue(run("scatter", "--J", "5", in.toString(), tmp.resolve("a.npy").toString()).err().contains("smaller than 2^J"));
        assertTrue(run("scatter", "--J", "2", "--L", "0", in.toString(), tmp.resolve("a.npy").toString()).err()
                .contains("--L must be in [1, 64], got 0"));
        assertTrue(run("scatter", "--J", "2", "--max-order", "3", in.toString(), tmp.resolve("a.npy").toString()).err()
                .contains("--max-order must be 1 or 2, got 3"));
        assertTrue(run("scatter", "--J", "2", "--precision", "half", in.toString(), tmp.resolve("a.npy").toString()).err()
                .contains("--precision must be float32 or float64"));
        double[] nan = new double[16 * 16];
        nan[5] = Double.NaN;
        Npy.write(tmp.resolve("nan.npy"), nan, 16, 16);
        assertTrue(run("scatter", "--J", "2", tmp.resolve("nan.npy").toString(), tmp.resolve("a.npy").toString()).err()
                .contains("pixel at (row 0, column 5) is NaN; pixels must be finite"));
        double[] huge = new double[2 * 16 * 16];
        huge[256 + 3 * 16 + 4] = 1e300;
        Npy.write(tmp.resolve("huge.npy"), huge, 2, 16, 16);
        for (String precision : new String[] {"float32", "float64"}) { // no precision takes it: no hint to float64
            Run h = run("scatter", "--J", "2", "--precision", precision, tmp.resolve("huge.npy").toString(), tmp.resolve("a.npy").toString());
            assertEquals(2, h.exit());
            assertTrue(h.err().contains("image 1 (") && h.err().contains("pixel at (row 3, column 4) is 1.0E300, above the largest"
                    + " magnitude the transform takes") && !h.err().contains("--precision"), h.err());
        }
        huge[256 + 3 * 16 + 4] = 1e100;
        Npy.write(tmp.resolve("huge.npy"), huge, 2, 16, 16);
        assertTrue(run("scatter", "--J", "2", tmp.resolve("huge.npy").toString(), tmp.resolve("a.npy").toString()).err()
                .contains("is 1.0E100, beyond float32's range (|x| <= 3.4028235E38); float64 takes it (--precision float64)"));
        Files.write(tmp.resolve("bad.npy"), new byte[] {(byte) 0x93, 'N', 'U', 'M'});
        Run corrupt = run("scatter", "--J", "2", tmp.resolve("bad.npy").toString(), tmp.resolve("a.npy").toString());
        assertEquals(2, corrupt.exit());
        assertTrue(corrupt.err().contains("bad.npy"), corrupt.err());
        Npy.write(tmp.resolve("four.npy"), new double[16], 1, 1, 4, 4);
        assertTrue(run("scatter", "--J", "1", tmp.resolve("four.npy").toString(), tmp.resolve("a.npy").toString()).err()
                .contains("expected shape (M, N) or (B, M, N)"));
        Run noFolder = run("scatter", "--J", "2", in.toString(), tmp.resolve("missing/a.npy").toString());
        assertTrue(noFolder.err().contains("does not exist"), noFolder.err());
        assertTrue(Files.notExists(tmp.resolve("a.npy")));
    }

    /** Distinct random images, so that a chunk written in the wrong place would show. */
    private static float[] randomImages(int count, int h, int w, long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] x = new float[count * h * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat();
        }
        return x;
    }

    @Test
    void chunksGiveTheBitsOfOneWholeBatch() throws Exception {
        int count = 30;
        float[] x = randomImages(count, 16, 20, 3);
        Path in = tmp.resolve("x.npy");
        Npy.write(in, x, count, 16, 20);
        Scattering2D t = Scattering2D.builder().J(2).shape(16, 20).build();
        float[] expected = new float[count * t.outputLength()];
        t.transformBatch(x, count, expected, 1);
        for (String chunk : new String[] {"1", "7", "30", "0"}) {
            Path out = tmp.resolve("s" + chunk + ".npy");
            Run r = run("scatter", "--J", "2", "--threads", "2", "--chunk", chunk, in.toString(), out.toString());
            assertEquals(0, r.exit(), r.err());
            NpyArray s = Npy.read(out);
            assertArrayEquals(new int[] {count, t.channelCount(), t.outputHeight(), t.outputWidth()}, s.shape());
            assertArrayEquals(expected, s.toFloatArray(), "chunk " + chunk);
        }
        assertTrue(run("scatter", "--J", "2", "--chunk", "-1", in.toString(), tmp.resolve("n.npy").toString()).err()
                .contains("--chunk must be >= 0"));
    }

    @Test
    void aFailureInALaterChunkLeavesNoOutput() throws Exception {
        double[] x = new double[20 * 16 * 16];
        x[17 * 256 + 5] = Double.POSITIVE_INFINITY; // image 17: found after two chunks of 7 were written
        Path in = tmp.resolve("x.npy");
        Npy.write(in, x, 20, 16, 16);
        Run r = run("scatter", "--J", "2", "--chunk", "7", in.toString(), tmp.resolve("a.npy").toString());
        assertEquals(2, r.exit());
        // image 17 of the input (the library alone would call it image 3 of its chunk)
        assertTrue(r.err().contains("image 17 (x.npy[17]): pixel at (row 0, column 5) is Infinity; pixels must be finite"),
                r.err());
        try (var files = Files.list(tmp)) {
            assertEquals(java.util.List.of("x.npy"), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    /** Runs the command in a JVM of {@code heapMb} MB of heap; returns the exit code and the output. */
    static Run runInSmallHeap(int heapMb, String... args) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(javaBin, "-Xmx" + heapMb + "m", "-cp",
                System.getProperty("java.class.path"), "org.scatter4j.cli.Main"));
        cmd.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new Run(p.waitFor(), log, log);
    }

    /**
     * The bound that matters: in a JVM of 48 MB of heap, the command transforms a batch whose output
     * alone is twice the heap, because it holds one chunk at a time; the same run with the whole
     * batch as one chunk runs out of memory (so the heap is small enough for the test to mean
     * something). The first and last images' coefficients are checked against the library.
     */
    @Test
    void anOutputLargerThanTheHeapIsWrittenInChunks() throws Exception {
        int count = 10000;
        int heapMb = 48;
        float[] x = randomImages(count, 16, 16, 5);
        Path in = tmp.resolve("many.npy");
        Npy.write(in, x, count, 16, 16);
        Scattering2D t = Scattering2D.builder().J(2).shape(16, 16).build();
        long outputBytes = 8L * count * t.outputLength();
        assertTrue(outputBytes > 2L * (heapMb << 20), "the test needs an output larger than twice the heap: " + outputBytes);
        Path out = tmp.resolve("many_s.npy");
        Run whole = runInSmallHeap(heapMb, "scatter", "--J", "2", "--precision", "float64", "--chunk", String.valueOf(count),
                in.toString(), out.toString());
        // running out of heap is one line with exit code 2 that says how to give more, and leaves no output
        assertEquals(2, whole.exit(), whole.out());
        assertEquals(1, whole.out().strip().lines().count(), whole.out());
        assertTrue(whole.out().startsWith("scatter4j: out of memory (OutOfMemoryError") && whole.out().contains("-Xmx"),
                whole.out());
        try (java.util.stream.Stream<Path> left = Files.list(tmp)) {
            assertEquals(java.util.List.of(in), left.toList(), "a run that ran out of memory left files behind");
        }
        Run chunked = runInSmallHeap(heapMb, "scatter", "--J", "2", "--precision", "float64", "--threads", "2", in.toString(),
                out.toString());
        assertEquals(0, chunked.exit(), chunked.out());
        double[] first = new double[t.outputLength()];
        double[] last = new double[t.outputLength()];
        try (org.scatter4j.io.NpyReader r = org.scatter4j.io.NpyReader.open(out)) {
            assertArrayEquals(new int[] {count, t.channelCount(), t.outputHeight(), t.outputWidth()}, r.shape());
            r.read(first, 0, first.length);
            for (int i = 1; i < count; i++) {
                r.read(last, 0, last.length);
            }
        }
        for (int[] check : new int[][] {{0}, {count - 1}}) {
            int i = check[0];
            double[] image = new double[256];
            for (int q = 0; q < 256; q++) {
                image[q] = x[i * 256 + q];
            }
            assertArrayEquals(t.transform(image), i == 0 ? first : last, 0.0, "image " + i);
        }
    }
}
