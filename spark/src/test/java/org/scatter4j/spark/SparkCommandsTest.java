package org.scatter4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.scatter4j.io.IdxImages;
import org.scatter4j.io.IdxWriter;
import org.scatter4j.io.LabelledImages;
import org.scatter4j.io.MnistDataset;
import org.scatter4j.io.Npy;
import org.scatter4j.scattering.Scattering2D;
import picocli.CommandLine;

class SparkCommandsTest {
    private static SparkSession spark;

    @BeforeAll
    static void setUp() {
        spark = LocalSpark.get(); // the commands use the running session and leave it running
    }

    /** Runs the command line; returns {exit code, stdout, stderr}. */
    static Object[] run(String... args) {
        CommandLine cl = SparkMain.newCommandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Object[] {code, err.toString()};
    }

    /** features[id] from a Parquet folder of spark-extract. */
    private static float[][] readFeatures(Path parquet, int n) {
        float[][] f = new float[n][];
        for (Row r : spark.read().parquet(parquet.toString()).select("id", "features").collectAsList()) {
            Vector v = r.getAs(1);
            float[] x = new float[v.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = (float) v.apply(k);
            }
            f[(int) r.getLong(0)] = x;
        }
        return f;
    }

    @Test
    void sparkExtractOfANpyEqualsTransformBatchAndWritesTheJsonKeys(@TempDir Path dir) throws Exception {
        int n = 45;
        int h = 16;
        int w = 24;
        double[] pixels = new double[n * h * w];
        Random rnd = new Random(7);
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = rnd.nextDouble();
        }
        Path npy = dir.resolve("few.npy");
        Npy.write(npy, pixels, n, h, w);
        Object[] r = run("spark-extract", "--input", npy.toString(), "--output", dir.resolve("f.parquet").toString(),
                "--J", "2", "--L", "6", "--partitions", "4", "--json", dir.resolve("sx.json").toString());
        assertEquals(0, r[0], (String) r[1]);
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("sx.json"))).getAsJsonObject();
        for (String key : List.of("master", "partitions", "rows", "feature_dim", "startup_seconds", "extract_seconds",
                "write_seconds", "rows_per_second")) {
            assertTrue(json.has(key), key);
        }
        assertEquals(n, json.get("rows").getAsInt());
        assertEquals(4, json.get("partitions").getAsInt());

        Scattering2D s = Scattering2D.builder().J(2).L(6).shape(h, w).build();
        float[] in32 = new float[pixels.length];
        for (int k = 0; k < pixels.length; k++) {
            in32[k] = (float) pixels[k];
        }
        float[] expected = s.transformBatch(in32, n);
        float[][] got = readFeatures(dir.resolve("f.parquet"), n);
        assertEquals(s.featureCount(), json.get("feature_dim").getAsInt());
        for (int i = 0; i < n; i++) {
            assertArrayEquals(Arrays.copyOfRange(expected, i * s.featureCount(), (i + 1) * s.featureCount()), got[i], "image " + i);
        }
        assertFalse(Arrays.asList(spark.read().parquet(dir.resolve("f.parquet").toString()).columns()).contains("label"));

        Object[] again = run("spark-extract", "--input", npy.toString(), "--output", dir.resolve("f.parquet").toString());
        assertEquals(2, again[0]);
        assertTrue(((String) again[1]).contains("exists; pass --overwrite"), (String) again[1]);
    }

    @Test
    void sparkExtractOfAnIdxPairKeepsTheLabels(@TempDir Path dir) throws Exception {
        LabelledImages set = MnistDataset.bundledSubset().test(30);
        IdxWriter.writeImages(dir.resolve("t10k-images-idx3-ubyte.gz"), set.images(), true);
        IdxWriter.writeLabels(dir.resolve("t10k-labels-idx1-ubyte.gz"), set.labels(), true);
        Object[] r = run("spark-extract", "--input", dir.resolve("t10k-images-idx3-ubyte.gz").toString(), "--output",
                dir.resolve("m.parquet").toString(), "--partitions", "3");
        assertEquals(0, r[0], (String) r[1]);
        List<Row> rows = spark.read().parquet(dir.resolve("m.parquet").toString()).select("id", "label").collectAsList();
        assertEquals(30, rows.size());
        for (Row row : rows) {
            assertEquals(set.label((int) row.getLong(0)), row.getInt(1));
        }
        IdxImages images = set.images();
        float[] expected = Scattering2D.builder().J(2).shape(28, 28).build().transformBatch(images.pixels(), 30);
        float[][] got = readFeatures(dir.resolve("m.parquet"), 30);
        assertArrayEquals(Arrays.copyOfRange(expected, 29 * 3969, 30 * 3969), got[29]);
    }

    @Test
    void badInputGivesOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        Object[] missing = run("spark-extract", "--input", dir.resolve("nope.npy").toString(), "--output", dir.resolve("o").toString());
        assertEquals(2, missing[0]);
        assertEquals("scatter4j spark-extract: " + dir.resolve("nope.npy") + ": no such file or folder", ((String) missing[1]).strip());

        Npy.write(dir.resolve("small.npy"), new double[128], 2, 8, 8);
        Object[] tooBig = run("spark-extract", "--input", dir.resolve("small.npy").toString(), "--output",
                dir.resolve("o").toString(), "--J", "4");
        assertEquals(2, tooBig[0]);
        assertTrue(((String) tooBig[1]).startsWith("scatter4j spark-extract: image 8x8 is smaller than 2^J"), (String) tooBig[1]);
        assertEquals(1, ((String) tooBig[1]).strip().lines().count());
        assertFalse(Files.exists(dir.resolve("o")), "nothing written");
    }

    @Test
    void sparkMnistFitsThePipelineOnTheBundledSubset(@TempDir Path dir) throws Exception {
        Object[] r = run("spark-mnist", "--data", bundledFolder(dir).toString(), "--train-size", "500", "--max-iter", "10", "--partitions", "2",
                "--json", dir.resolve("m.json").toString());
        assertEquals(0, r[0], (String) r[1]);
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("m.json"))).getAsJsonObject();
        assertEquals(500, json.get("train_size").getAsInt());
        double accuracy = json.get("test_accuracy").getAsDouble();
        assertTrue(accuracy > 0.85 && accuracy <= 1, "test accuracy " + accuracy);
    }

    /** The bundled subset as a folder, as --data expects (MnistDataset.writeSubset copies it). */
    private static Path bundledFolder(Path dir) throws Exception {
        Path m = dir.resolve("mnist");
        Files.createDirectories(m);
        MnistDataset subset = MnistDataset.bundledSubset();
        LabelledImages train = subset.train(1000);
        LabelledImages test = subset.test(300);
        IdxWriter.writeImages(m.resolve(MnistDataset.TRAIN_IMAGES + ".gz"), train.images(), true);
        IdxWriter.writeLabels(m.resolve(MnistDataset.TRAIN_LABELS + ".gz"), train.labels(), true);
        IdxWriter.writeImages(m.resolve(MnistDataset.TEST_IMAGES + ".gz"), test.images(), true);
        IdxWriter.writeLabels(m.resolve(MnistDataset.TEST_LABELS + ".gz"), test.labels(), true);
        return m;
    }
}
