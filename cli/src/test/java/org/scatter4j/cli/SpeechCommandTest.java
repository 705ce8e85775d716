package org.scatter4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code speech} command on small synthetic recordings: the JSON contract, both folder layouts, refusals. */
class SpeechCommandTest {
    @TempDir
    Path tmp;

    /** A tone of {@code hz} at 8 kHz whose length and phase vary with {@code k}, with a little noise. */
    static float[] tone(double hz, int k) {
        java.util.Random r = new java.util.Random(31L * k + (long) hz);
        float[] x = new float[2000 + 300 * k];
        for (int t = 0; t < x.length; t++) {
            x[t] = (float) (0.5 * Math.sin(2 * Math.PI * hz * t / 8000 + k) + 0.02 * r.nextGaussian());
        }
        return x;
    }

    /** Writes {@code perClass} recordings of each class as {label}_{k}.wav into dir (or label/k.wav if nested). */
    static void recordings(Path dir, int perClass, int offset, boolean nested) throws IOException {
        Files.createDirectories(dir);
        String[] labels = {"low", "high"};
        double[] hz = {300, 1500};
        for (int c = 0; c < 2; c++) {
            for (int k = 0; k < perClass; k++) {
                Path f = nested ? Files.createDirectories(dir.resolve(labels[c])).resolve(k + ".wav")
                        : dir.resolve(labels[c] + "_" + k + ".wav");
                Scatter1dCommandTest.writeWav(f, tone(hz[c], k + offset), 8000);
            }
        }
    }

    @Test
    void trainAndTestFoldersGiveTheJsonKeysOfTheContract() throws Exception {
        recordings(tmp.resolve("train"), 6, 0, false);
        recordings(tmp.resolve("test"), 3, 10, true);
        Path json = tmp.resolve("r.json");
        ScatterCommandTest.Run r = ScatterCommandTest.run("speech", "--train", tmp.resolve("train").toString(), "--test",
                tmp.resolve("test").toString(), "--threads", "2", "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        for (String key : List.of("dataset", "train_size", "test_size", "J", "Q", "T", "feature_dim", "classifier",
                "test_accuracy", "extract_seconds", "train_seconds", "ms_per_recording", "threads")) {
            assertTrue(o.has(key), key + " missing in " + o);
        }
        assertEquals(12, o.get("train_size").getAsInt());
        assertEquals(6, o.get("test_size").getAsInt());
        assertEquals(2, o.get("threads").getAsInt());
        assertTrue(o.get("classifier").getAsString().contains("trust-region Newton, eps=0.001"), o.get("classifier").toString());
        assertEquals(1.0, o.get("test_accuracy").getAsDouble(), 0.0, "a low and a high tone are easy to tell apart");
    }

    @Test
    void oneClassEmptyOrHalfGivenDataIsRefusedWithExitTwo() throws Exception {
        Path one = Files.createDirectories(tmp.resolve("one"));
        for (int k = 0; k < 6; k++) {
            Scatter1dCommandTest.writeWav(one.resolve("7_" + k + ".wav"), tone(400, k), 8000);
        }
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        recordings(tmp.resolve("test"), 2, 0, false);
        // a test class the training set does not have; recordings at another rate; a file given as --data
        Path extra = tmp.resolve("extra");
        recordings(extra, 2, 0, false);
        Scatter1dCommandTest.writeWav(extra.resolve("mid_0.wav"), tone(800, 0), 8000);
        Path train = tmp.resolve("train");
        recordings(train, 6, 10, false);
        Path fast = Files.createDirectories(tmp.resolve("fast"));
        for (String label : new String[] {"low", "high"}) {
            Scatter1dCommandTest.writeWav(fast.resolve(label + "_0.wav"), tone(300, 0), 16000);
        }
        Path file = Files.writeString(tmp.resolve("notes.txt"), "not a folder");
        Path json = tmp.resolve("r.json");
        String[][] cases = {
            {"--train", train.toString(), "--test", extra.toString()},
            {"--train", train.toString(), "--test", fast.toString()},
            {"--data", file.toString()},
            {"--train", file.toString(), "--test", extra.toString()},
            {"--train", one.toString(), "--test", one.toString()}, // one class in both: the test set is no help
            {"--train", empty.toString(), "--test", tmp.resolve("test").toString()},
            {"--train", one.toString()},
            {"--data", tmp.resolve("missing").toString()},
        };
        String[] expected = {"class 'mid' has no training recordings", "high_0.wav (16000 Hz)", "notes.txt: is a file",
            "notes.txt: is a file", "only one class", "no recordings", "--train and --test go together", "no such folder"};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new java.util.ArrayList<>(List.of("speech", "--json", json.toString()));
            args.addAll(List.of(cases[i]));
            ScatterCommandTest.Run r = ScatterCommandTest.run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(expected[i]), r.err());
            if (i == 1) { // a file of each set
                assertTrue(r.err().contains(train.resolve("high_0.wav").toString()), r.err());
            }
            assertFalse(Files.exists(json));
        }
    }
}
