package org.scatter4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scatter4j.io.Npy;
import org.scatter4j.io.WavReader;
import org.scatter4j.scattering.Scattering1D;

/** {@code spark-extract --transform 1d}: the library's bits from a .npy and from WAV files, and every refusal. */
class SparkExtract1dTest {
    private static final int N = 256;
    private static final int J = 4;
    private static SparkSession spark;

    @BeforeAll
    static void setUp() {
        spark = LocalSpark.get();
    }

    private static Object[] run(String... args) {
        return SparkCommandsTest.run(args);
    }

    private static String err(Object[] result) {
        return (String) result[1];
    }

    /** features[id] of a Parquet folder, as the doubles stored. */
    private static double[][] readFeatures(Path parquet, int count) {
        double[][] f = new double[count][];
        for (Row r : spark.read().parquet(parquet.toString()).select("id", "features").collectAsList()) {
            f[(int) r.getLong(0)] = ((Vector) r.getAs(1)).toArray();
        }
        return f;
    }

    /** Row i of the (count, d) float features widened to double: what a float32 Parquet row holds. */
    private static double[] row(float[] features, int i, int d) {
        double[] x = new double[d];
        for (int k = 0; k < d; k++) {
            x[k] = features[i * d + k];
        }
        return x;
    }

    /** A mono 16-bit PCM WAV file of the samples (in [-1, 1)), written here so the test does not depend on the reader. */
    private static void writeWav16(Path file, double[] x, int rate) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * x.length).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
                .putInt(2 * rate).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * x.length);
        for (double v : x) {
            b.putShort((short) Math.round(Math.max(-1, Math.min(0.99997, v)) * 32768));
        }
        Files.write(file, b.array());
    }

    private static double[] noise(Random rnd, int n) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = 0.3 * rnd.nextGaussian() + 0.2 * Math.sin(0.05 * k * k / n);
        }
        return x;
    }

    /** The samples WavReader gives, widened to double (what the tasks hand the transformer), zero-padded or cut to n. */
    private static double[] wavSamples(Path file, int n) throws IOException {
        float[] s = WavReader.read(file).samples();
        double[] x = new double[n];
        for (int k = 0; k < Math.min(n, s.length); k++) {
            x[k] = s[k];
        }
        return x;
    }

    @Test
    void npyOfFloat64SignalsGivesTransformBatchBitsInBothPrecisionsOverOneAndThreePartitions(@TempDir Path dir) throws Exception {
        int count = 7;
        double[] signals = noise(new Random(3), count * N); // genuine doubles: float32 must not round them first
        Path npy = dir.resolve("signals.npy");
        Npy.write(npy, signals, count, N);
        Scattering1D s = Scattering1D.builder().length(N).J(J).Q(2, 1).build();
        int d = s.outputLength();
        float[] expected32 = new float[count * d];
        s.transformBatch(signals, count, expected32, 1);
        double[] expected64 = s.transformBatch(signals, count);

        for (String precision : List.of("float32", "float64")) {
            for (int partitions : new int[] {1, 3}) {
                String name = precision + "-" + partitions;
                Path out = dir.resolve(name + ".parquet");
                Path json = dir.resolve(name + ".json");
                Object[] r = run("spark-extract", "--transform", "1d", "--input", npy.toString(), "--output", out.toString(),
                        "--J", Integer.toString(J), "--Q", "2", "--precision", precision, "--partitions",
                        Integer.toString(partitions), "--json", json.toString());
                assertEquals(0, r[0], err(r));
                JsonObject stats = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
                assertEquals(List.of("master", "partitions", "rows", "feature_dim", "startup_seconds", "extract_seconds",
                        "write_seconds", "rows_per_second"), List.copyOf(stats.keySet()));
                assertEquals(count, stats.get("rows").getAsInt());
                assertEquals(partitions, stats.get("partitions").getAsInt());
                assertEquals(d, stats.get("feature_dim").getAsInt());
                assertEquals(List.of("id", "features"), Arrays.asList(spark.read().parquet(out.toString()).columns()));
                double[][] got = readFeatures(out, count);
                for (int i = 0; i < count; i++) {
                    double[] want = precision.equals("float64") ? Arrays.copyOfRange(expected64, i * d, (i + 1) * d)
                            : row(expected32, i, d);
                    assertArrayEquals(want, got[i], name + ", signal " + i);
                }
            }
        }
    }

    @Test
    void folderOfWavsGivesTheLibrarysFeaturesOfTheSamplesWavReaderReads(@TempDir Path dir) throws Exception {
        Path wavs = Files.createDirectories(dir.resolve("wavs"));
        Random rnd = new Random(5);
        List<String> names = List.of("a.wav", "b.wav", "c.wav");
        for (String name : names) {
            writeWav16(wavs.resolve(name), noise(rnd, N), 8000);
        }
        Path out = dir.resolve("w.parquet");
        Object[] r = run("spark-extract", "--transform", "1d", "--input", wavs.toString(), "--output", out.toString(), "--J", "5",
                "--T", "global", "--partitions", "2");
        assertEquals(0, r[0], err(r));

        Scattering1D s = Scattering1D.builder().length(N).J(5).globalAveraging().build();
        double[] samples = new double[3 * N];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(wavSamples(wavs.resolve(names.get(i)), N), 0, samples, i * N, N);
        }
        float[] expected = new float[3 * s.outputLength()];
        s.transformBatch(samples, 3, expected, 1);
        double[][] got = readFeatures(out, 3);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(row(expected, i, s.outputLength()), got[i], names.get(i));
        }
    }

    @Test
    void wavsOfUnequalLengthsAreRefusedNamingTwoFilesAndAcceptedWithLength(@TempDir Path dir) throws Exception {
        Path wavs = Files.createDirectories(dir.resolve("wavs"));
        Random rnd = new Random(9);
        writeWav16(wavs.resolve("a.wav"), noise(rnd, N), 8000);
        writeWav16(wavs.resolve("b.wav"), noise(rnd, N + 44), 8000);
        writeWav16(wavs.resolve("c.wav"), noise(rnd, N - 56), 8000);
        Path out = dir.resolve("u.parquet");
        Object[] refused = run("spark-extract", "--transform", "1d", "--input", wavs.toString(), "--output", out.toString(),
                "--J", "4");
        assertEquals(2, refused[0]);
        assertEquals("scatter4j spark-extract: " + wavs.resolve("a.wav") + " has " + N + " samples but " + wavs.resolve("b.wav")
                + " has " + (N + 44) + "; pass --length N to pad or cut them to N", err(refused).strip());
        assertFalse(Files.exists(out), "nothing written");

        Object[] r = run("spark-extract", "--transform", "1d", "--input", wavs.toString(), "--output", out.toString(), "--J", "4",
                "--length", Integer.toString(N), "--precision", "float64");
        assertEquals(0, r[0], err(r));
        Scattering1D s = Scattering1D.builder().length(N).J(4).build();
        double[][] got = readFeatures(out, 3);
        for (int i = 0; i < 3; i++) {
            String name = "abc".charAt(i) + ".wav";
            assertArrayEquals(s.transformBatch(wavSamples(wavs.resolve(name), N), 1), got[i], name + " cut or padded to N");
        }
    }

    @Test
    void optionsOfTheOtherModeAreRefusedNamingTheOption(@TempDir Path dir) throws Exception {
        Path npy = dir.resolve("x.npy");
        Npy.write(npy, new double[2 * N], 2, N);
        Path out = dir.resolve("o.parquet");
        Object[] q = run("spark-extract", "--input", npy.toString(), "--output", out.toString(), "--Q", "8");
        assertEquals(2, q[0]);
        assertEquals("scatter4j spark-extract: --Q is for signals (--transform 1d), not --transform translation", err(q).strip());
        Object[] length = run("spark-extract", "--transform", "rototranslation", "--input", npy.toString(), "--output",
                out.toString(), "--length", "64");
        assertEquals(2, length[0]);
        assertTrue(err(length).startsWith("scatter4j spark-extract: --length is for signals"), err(length));
        Object[] l = run("spark-extract", "--transform", "1d", "--input", npy.toString(), "--output", out.toString(), "--L", "8");
        assertEquals(2, l[0]);
        assertEquals("scatter4j spark-extract: --L (orientations) is for images (--transform translation or rototranslation), "
                + "not --transform 1d", err(l).strip());
        Object[] mode = run("spark-extract", "--transform", "2d", "--input", npy.toString(), "--output", out.toString());
        assertEquals(2, mode[0]);
        assertTrue(err(mode).contains("--transform must be one of translation, rototranslation, 1d, got '2d'"), err(mode));
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void badSignalInputGivesOneLineExitCode2AndNoOutput(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("o.parquet");
        double[] signals = noise(new Random(1), 3 * N);
        signals[N + 5] = Double.NaN;
        Npy.write(dir.resolve("nan.npy"), signals, 3, N);
        Object[] nan = run("spark-extract", "--transform", "1d", "--input", dir.resolve("nan.npy").toString(), "--output",
                out.toString(), "--J", "4", "--partitions", "2");
        assertEquals(2, nan[0]);
        assertTrue(err(nan).startsWith("scatter4j spark-extract: row ") && err(nan).contains("sample 5 is NaN"), err(nan));
        assertEquals(1, err(nan).strip().lines().count(), err(nan));
        assertFalse(Files.exists(out), "a failed job leaves no output folder");

        Npy.write(dir.resolve("rank3.npy"), new double[2 * 4 * N], 2, 4, N);
        Npy.write(dir.resolve("empty.npy"), new double[0], 0, N);
        Files.createDirectories(dir.resolve("wavs"));
        Files.writeString(dir.resolve("wavs/notes.wav"), "not a WAV file");
        for (String[] input : List.of(new String[] {"missing.npy", "no such file or folder"},
                new String[] {"rank3.npy", "expected an array of shape (N) or (B, N), got (2, 4, 256)"},
                new String[] {"empty.npy", "empty batch"}, new String[] {"wavs", "notes.wav"})) {
            Object[] r = run("spark-extract", "--transform", "1d", "--input", dir.resolve(input[0]).toString(), "--output",
                    out.toString(), "--J", "4");
            assertEquals(2, r[0], input[0]);
            assertTrue(err(r).startsWith("scatter4j spark-extract: " + dir.resolve(input[0])) && err(r).contains(input[1]), err(r));
            assertEquals(1, err(r).strip().lines().count(), err(r));
            assertFalse(Files.exists(out), input[0]);
        }
    }
}
