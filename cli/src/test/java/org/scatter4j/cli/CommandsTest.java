package org.scatter4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scatter4j.classifiers.ModelFile;
import org.scatter4j.classifiers.Pipeline;
import org.scatter4j.io.IdxWriter;
import org.scatter4j.io.MnistDataset;

/** mnist, filters, bench and download end to end on small inputs; the JSON keys other tools read. */
class CommandsTest {
    @TempDir
    Path tmp;

    /** A folder in MNIST's layout with the first images of the bundled subset, gzipped or not. */
    private Path subsetFolder(String name, int train, int test, boolean gzip) throws java.io.IOException {
        MnistDataset subset = MnistDataset.bundledSubset();
        Path data = Files.createDirectories(tmp.resolve(name));
        String gz = gzip ? ".gz" : "";
        IdxWriter.writeImages(data.resolve("train-images-idx3-ubyte" + gz), subset.train().images().first(train), gzip);
        IdxWriter.writeLabels(data.resolve("train-labels-idx1-ubyte" + gz), java.util.Arrays.copyOf(subset.train().labels(), train), gzip);
        IdxWriter.writeImages(data.resolve("t10k-images-idx3-ubyte" + gz), subset.test().images().first(test), gzip);
        IdxWriter.writeLabels(data.resolve("t10k-labels-idx1-ubyte" + gz), java.util.Arrays.copyOf(subset.test().labels(), test), gzip);
        return data;
    }

    @Test
    void mnistOnTheBundledSubsetWritesTheContractKeysAndAModel() throws Exception {
        // A folder with only part of the bundled subset, so the test does not depend on ../shared.
        Path data = subsetFolder("mnist", 600, 300, true);
        Path json = tmp.resolve("m.json");
        Path model = tmp.resolve("m.model");
        ScatterCommandTest.Run r = ScatterCommandTest.run("mnist", "--data", data.toString(), "--C", "auto", "--threads", "2", "--json",
                json.toString(), "--save-model", model.toString());
        assertEquals(0, r.exit(), r.err());
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        for (String key : new String[] {"dataset", "train_size", "test_size", "J", "L", "classifier", "C", "feature_dim",
            "test_accuracy", "test_error", "extract_seconds", "train_seconds", "test_seconds", "images_per_second", "threads"}) {
            assertTrue(o.has(key), "JSON lacks " + key);
        }
        assertEquals(600, o.get("train_size").getAsInt());
        assertEquals(3969, o.get("feature_dim").getAsInt());
        double accuracy = o.get("test_accuracy").getAsDouble();
        assertEquals(1.0, accuracy + o.get("test_error").getAsDouble(), 1e-12);
        assertTrue(accuracy > 0.85, "600 MNIST digits should give > 85 % accuracy, got " + accuracy);
        assertEquals("sqrt(S)", o.get("feature_transform").getAsString(), "the square root is the default");
        Pipeline p = ModelFile.load(model);
        assertEquals(new org.scatter4j.classifiers.PowerTransform(0.5), p.standardizer().transform());
        assertEquals("2", p.metadata().get("J"));
        assertEquals(3969, p.dimension());
        // never overwrite unasked
        ScatterCommandTest.Run again = ScatterCommandTest.run("mnist", "--data", data.toString(), "--json", json.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("exists; pass --overwrite"), again.err());
    }

    @Test
    void learningCurveComparesEveryCandidateAndWritesItsFiles() throws Exception {
        Path data = subsetFolder("mnist-curve", 200, 200, false);
        Path out = tmp.resolve("curve");
        ScatterCommandTest.Run r = ScatterCommandTest.run("mnist", "--data", data.toString(), "--train-sizes", "200,100", "--threads", "2",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        for (String f : new String[] {"learning_curve.csv", "learning_curve.json", "learning_curve.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 100, f);
        }
        com.google.gson.JsonArray rows = JsonParser.parseString(Files.readString(out.resolve("learning_curve.json"))).getAsJsonArray();
        assertEquals(2, rows.size());
        for (int i = 0; i < 2; i++) {
            JsonObject row = rows.get(i).getAsJsonObject();
            assertEquals(i == 0 ? 100 : 200, row.get("train_size").getAsInt(), "sorted by size");
            String chosen = row.get("chosen_by_cv").getAsString();
            String key = switch (chosen) {
                case "svm" -> "svm_test_error";
                case "pca" -> "pca_test_error";
                case "pca_virtual" -> "pca_virtual_test_error";
                default -> throw new AssertionError("unknown candidate " + chosen);
            };
            assertEquals(row.get(key).getAsDouble(), row.get("test_error").getAsDouble(), 0.0);
            double best = Math.min(row.get("svm_test_error").getAsDouble(),
                    Math.min(row.get("pca_test_error").getAsDouble(), row.get("pca_virtual_test_error").getAsDouble()));
            assertEquals(best, row.get("best_test_error").getAsDouble(), 0.0, "the lowest test error of the three");
            assertEquals(best, row.get(row.get("best_classifier_on_test").getAsString() + "_test_error").getAsDouble(), 0.0);
            assertTrue(row.get("best_test_error").getAsDouble() <= row.get("test_error").getAsDouble());
            assertTrue(row.get("pca_virtual_test_error").getAsDouble() < 0.5, "virtual samples are tried at small sizes");
            assertEquals(2, row.get("svm_J").getAsInt(), "the SVM uses the command's J");
            assertEquals(org.scatter4j.experiments.LearningCurve.PCA_J, row.get("pca_J").getAsInt(), "the PCA candidates use J = 3");
        }
        assertTrue(Files.readString(out.resolve("learning_curve.csv")).startsWith("train_size,svm_C,svm_test_error,pca_d"));
    }

    @Test
    void mnistRefusesBadArguments() {
        assertTrue(ScatterCommandTest.run("mnist", "--classifier", "knn").err().contains("--classifier must be svm or pca"));
        assertTrue(ScatterCommandTest.run("mnist", "--C", "-1").err().contains("--C must be auto or a positive number"));
        assertTrue(ScatterCommandTest.run("mnist", "--train-sizes", "40,100").err().contains("--train-sizes values must be >= 50"));
        assertTrue(ScatterCommandTest.run("mnist", "--power", "1.5").err().contains("--power must be in (0, 1], got 1.5"));
        assertTrue(ScatterCommandTest.run("mnist", "--power", "0.5", "--log").err().contains("--log and --power are exclusive"));
        assertTrue(ScatterCommandTest.run("mnist", "--log", "-1").err().contains("--log EPS must be finite and > 0, got -1.0"));
        assertTrue(ScatterCommandTest.run("mnist", "--data", tmp.resolve("none").toString()).err().contains("no such folder"));
    }

    @Test
    void mnistNamesAMissingFile() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("partial"));
        Files.write(data.resolve("train-images-idx3-ubyte"), new byte[] {0, 0, 8, 3});
        ScatterCommandTest.Run r = ScatterCommandTest.run("mnist", "--data", data.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("train-labels-idx1-ubyte"), r.err());
    }

    @Test
    void filtersWritesEveryPicture() throws Exception {
        Path out = tmp.resolve("f");
        ScatterCommandTest.Run r = ScatterCommandTest.run("filters", "--size", "32", "--J", "2", "--L", "4", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        try (var files = Files.list(out)) {
            assertEquals(2 * 4 * 4 + 4, files.count()); // 4 pictures per wavelet, phi x2, Littlewood-Paley, montage
        }
        assertTrue(Files.size(out.resolve("montage.png")) > 1000);
        assertTrue(ScatterCommandTest.run("filters", "--size", "30", "--J", "2", "--out", out.toString()).err()
                .contains("multiple of 2^J = 4"));
    }

    @Test
    void benchWritesTheContractKeys() throws Exception {
        Path json = tmp.resolve("b.json");
        ScatterCommandTest.Run r = ScatterCommandTest.run("bench", "--case", "b", "--repeats", "1", "--warmup", "0",
                "--warmup-seconds", "0", "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertTrue(o.has("threads") && o.has("java"));
        JsonObject c = o.getAsJsonArray("cases").get(0).getAsJsonObject();
        for (String key : new String[] {"case", "ms_per_image", "ms_per_image_min", "ms_per_image_max", "build_seconds",
            "fft_floor_ms_per_image", "ratio_to_floor"}) {
            assertTrue(c.has(key), "case lacks " + key);
        }
        assertTrue(c.get("ms_per_image").getAsDouble() > 0);
        assertTrue(ScatterCommandTest.run("bench", "--case", "z").err().contains("unknown bench case 'z'"));
        assertTrue(ScatterCommandTest.run("bench", "--case", "b", "--warmup-seconds", "-1").err()
                .contains("--warmup-seconds must be in [0, 600], got -1.0"));
    }

    @Test
    void downloadRefusesUnknownDataSets() {
        assertTrue(ScatterCommandTest.run("download", "cifar").err().contains("unknown DATASET 'cifar'"));
    }
}
