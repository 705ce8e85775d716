package org.scatter4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scatter4j.io.IdxWriter;
import org.scatter4j.io.LabelledImages;
import org.scatter4j.io.MnistDataset;
import org.scatter4j.io.Npy;

/** {@code predict} with models saved by {@code mnist --save-model}: the same accuracy, every input form, refusals. */
class PredictCommandTest {
    @TempDir
    static Path tmp;
    static Path data;
    static Path model;
    static JsonObject trained;

    /** An MNIST-layout folder from the bundled subset (no ../shared needed) and a model trained on 300 of its images. */
    @BeforeAll
    static void trainAModel() throws Exception {
        MnistDataset subset = MnistDataset.bundledSubset();
        data = Files.createDirectories(tmp.resolve("mnist"));
        IdxWriter.writeImages(data.resolve("train-images-idx3-ubyte.gz"), subset.train().images().first(300), true);
        IdxWriter.writeLabels(data.resolve("train-labels-idx1-ubyte.gz"), java.util.Arrays.copyOf(subset.train().labels(), 300), true);
        IdxWriter.writeImages(data.resolve("t10k-images-idx3-ubyte.gz"), subset.test().images().first(200), true);
        IdxWriter.writeLabels(data.resolve("t10k-labels-idx1-ubyte.gz"), java.util.Arrays.copyOf(subset.test().labels(), 200), true);
        model = tmp.resolve("m.model");
        Path json = tmp.resolve("m.json");
        ScatterCommandTest.Run r = ScatterCommandTest.run("mnist", "--data", data.toString(), "--train-size", "300", "--threads", "2",
                "--save-model", model.toString(), "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        trained = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    }

    @Test
    void theSavedModelGivesTheSameTestAccuracyAsTheRunThatSavedIt() throws Exception {
        Path json = tmp.resolve("p.json");
        Path csv = tmp.resolve("p.csv");
        ScatterCommandTest.Run r = ScatterCommandTest.run("predict", "--model", model.toString(), "--threads", "2", "--json", json.toString(),
                "--out", csv.toString(), data.toString());
        assertEquals(0, r.exit(), r.err());
        JsonObject p = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(200, p.get("count").getAsInt());
        double accuracy = trained.get("test_accuracy").getAsDouble();
        assertTrue(accuracy > 0.7, "300 digits train a useful model: " + accuracy);
        assertEquals(accuracy, p.get("test_accuracy").getAsDouble(), 0.0, "the same features, standardization and classifier");
        List<String> lines = Files.readAllLines(csv);
        assertEquals("index,name,prediction,label", lines.get(0));
        assertEquals(201, lines.size());
        JsonArray predictions = p.getAsJsonArray("predictions");
        JsonArray labels = p.getAsJsonArray("labels");
        int correct = 0;
        for (int i = 0; i < 200; i++) {
            String[] f = lines.get(i + 1).split(",");
            assertEquals(Integer.toString(i), f[0]);
            assertEquals("t10k-images-idx3-ubyte[" + i + "]", f[1]);
            assertEquals(predictions.get(i).getAsInt(), Integer.parseInt(f[2]));
            assertEquals(labels.get(i).getAsInt(), Integer.parseInt(f[3]));
            correct += f[2].equals(f[3]) ? 1 : 0;
        }
        assertEquals(accuracy, correct / 200.0, 1e-12);
    }

    /** The same images as a (B, M, N) .npy give the same predictions, printed as CSV on standard output. */
    @Test
    void anNpyOfTheSameImagesGivesTheSamePredictions() throws Exception {
        LabelledImages test = MnistDataset.inFolder(data).test();
        Path npy = tmp.resolve("test.npy");
        Npy.write(npy, test.images().pixels(), 200, 28, 28);
        ScatterCommandTest.Run fromFolder = ScatterCommandTest.run("predict", "--model", model.toString(), data.toString(),
                "--json", tmp.resolve("f.json").toString());
        assertEquals(0, fromFolder.exit(), fromFolder.err());
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.out;
        System.setOut(new java.io.PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8));
        ScatterCommandTest.Run fromNpy;
        try {
            fromNpy = ScatterCommandTest.run("predict", "--model", model.toString(), npy.toString());
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, fromNpy.exit(), fromNpy.err());
        List<String> lines = stdout.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertEquals("index,name,prediction", lines.get(0), "standard output holds only the CSV");
        assertEquals(201, lines.size());
        JsonArray expected = JsonParser.parseString(Files.readString(tmp.resolve("f.json"))).getAsJsonObject().getAsJsonArray("predictions");
        int[] a = new int[200];
        int[] b = new int[200];
        for (int i = 0; i < 200; i++) {
            a[i] = expected.get(i).getAsInt();
            b[i] = Integer.parseInt(lines.get(i + 1).split(",")[2]);
        }
        assertArrayEquals(a, b);
    }

    /** A bad pixel is named by its image's place in INPUT, past the first chunk too, and nothing is written. */
    @Test
    void badPixelsAreNamedByTheirImageInTheInput() throws Exception {
        int n = PredictCommand.CHUNK + 3;
        double[] x = new double[n * 28 * 28];
        x[(n - 1) * 784 + 2 * 28 + 9] = Double.NaN;
        Path npy = tmp.resolve("bad.npy");
        Npy.write(npy, x, n, 28, 28);
        Path csv = tmp.resolve("bad.csv");
        assertRefused("image " + (n - 1) + " (bad.npy[" + (n - 1) + "]): pixel at (row 2, column 9) is NaN; pixels must be finite",
                "predict", "--model", model.toString(), "--out", csv.toString(), npy.toString());
        x[(n - 1) * 784 + 2 * 28 + 9] = 1e100;
        Npy.write(npy, x, n, 28, 28);
        assertRefused("is 1.0E100, beyond float32's range (|x| <= 3.4028235E38); predict reads pixels as float32: scale the images down",
                "predict", "--model", model.toString(), "--out", csv.toString(), npy.toString());
        assertTrue(!Files.exists(csv));
    }

    private static void assertRefused(String expected, String... args) {
        ScatterCommandTest.Run r = ScatterCommandTest.run(args);
        assertEquals(2, r.exit(), r.out() + r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(expected), "'" + err + "' lacks '" + expected + "'");
        assertFalse(err.contains("Exception"), err);
    }

    @Test
    void corruptMissingOrMismatchedModelsAndClashingOutputsAreRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 0x10;
        Path corrupt = Files.write(tmp.resolve("corrupt.model"), bytes);
        assertRefused("corrupt: CRC-32 checksum mismatch", "predict", "--model", corrupt.toString(), data.toString());
        Path cut = Files.write(tmp.resolve("cut.model"), java.util.Arrays.copyOf(Files.readAllBytes(model), 100));
        assertRefused("truncated", "predict", "--model", cut.toString(), data.toString());
        assertRefused("--model " + tmp.resolve("none.model") + ": no such file", "predict", "--model", tmp.resolve("none.model").toString(),
                data.toString());
        Path small = tmp.resolve("small.npy");
        Npy.write(small, new double[2 * 20 * 20], 2, 20, 20);
        assertRefused("INPUT images are 20x20 but the model was trained on 28x28 images", "predict", "--model", model.toString(),
                small.toString());
        Path same = tmp.resolve("same.csv");
        assertRefused("--json and --out name the same file", "predict", "--model", model.toString(), "--out", same.toString(), "--json",
                same.toString(), data.toString());
        assertFalse(Files.exists(same));
    }
}
