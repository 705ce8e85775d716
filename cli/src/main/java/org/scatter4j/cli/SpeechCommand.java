package org.scatter4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scatter4j.classifiers.ConfusionMatrix;
import org.scatter4j.experiments.SpokenDigitExperiment;
import org.scatter4j.io.OutputTransaction;
import org.scatter4j.io.SpokenDigits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scatter4j speech}: spoken-digit classification with 1D scattering features and a linear
 * SVM ({@link SpokenDigitExperiment}) on the Free Spoken Digit Dataset's official split, or on any
 * training and test folders of labelled WAV recordings.
 */
@Command(name = "speech", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Spoken-digit classification: 1D scattering (J=8, Q=6, T=256 samples at 8",
            "kHz; at other rates J and T scale to keep 32 ms frames; recordings padded",
            "to the power of two holding 95 %% of the training ones), log, 4 time",
            "segments, linear SVM with C cross-validated on the training set. Data: the",
            "Free Spoken Digit Dataset, official split (recordings 0-4 of each speaker",
            "and digit are the test set), found by --data, else $SCATTER4J_DATA, else",
            "data/fsdd, else ../shared/data/fsdd, else the 420-recording subset bundled",
            "in the jar. Or --train DIR --test DIR: files {label}_{anything}.wav, or",
            "one sub-folder of .wav files per label."})
final class SpeechCommand implements Callable<Integer> {
    @Option(names = "--data", description = "FSDD folder (holding recordings/ or the .wav files).")
    Path data;

    @Option(names = "--train", description = "Training folder of labelled .wav files (with --test).")
    Path train;

    @Option(names = "--test", description = "Test folder of labelled .wav files (with --train).")
    Path test;

    @Option(names = "--json", description = "Write the results as one JSON object to this file.")
    Path json;

    @Option(names = "--overwrite", description = "Replace an existing --json file.")
    boolean overwrite;

    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        try (OutputTransaction outputs = new OutputTransaction(overwrite)) {
            int result = run(outputs);
            outputs.commit();
            return result;
        }
    }

    private int run(OutputTransaction outputs) throws Exception {
        int t = threads.resolve();
        if ((train == null) != (test == null)) {
            throw new IllegalArgumentException("--train and --test go together: give both folders");
        }
        if (train != null && data != null) {
            throw new IllegalArgumentException("use either --data or --train/--test, not both");
        }
        if (json != null) {
            outputs.declare(json, "--json");
        }
        long start = System.nanoTime();
        SpokenDigits.Split split;
        if (train != null) {
            split = SpokenDigits.folders(train, test);
        } else {
            Path folder = DataLocator.find(SpokenDigits.NAME, data, "recordings");
            if (folder == null && data == null) {
                System.out.println("note: no FSDD folder found; using the subset bundled in the jar. For the full set pass"
                        + " --data DIR (github.com/Jakobovski/free-spoken-digit-dataset).");
                split = SpokenDigits.bundledSubset();
            } else {
                split = SpokenDigits.inFolder(folder);
            }
        }
        double readSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("data: %s: %d training, %d test recordings, %d classes, %d Hz (read in %.1f s)%n", split.source(),
                split.train().size(), split.test().size(), split.train().classes().size(), split.train().sampleRate(),
                readSeconds);

        // the defaults carried over to the training set's rate and lengths (FSDD's: the defaults themselves)
        SpokenDigitExperiment.Settings settings = SpokenDigitExperiment.Settings.forTraining(split.train());
        SpokenDigitExperiment.Result r;
        try (ProgressListener progress = new ProgressListener()) {
            r = SpokenDigitExperiment.run(split, settings, t, progress);
        }
        double total = (System.nanoTime() - start) / 1e9;
        ConfusionMatrix cm = r.confusion();
        System.out.println();
        System.out.println("confusion matrix (rows: true class, columns: predicted; classes " + r.classes() + ")");
        System.out.println(cm);
        System.out.printf("%-22s %s%n", "data", r.dataset());
        System.out.printf("%-22s %d train / %d test%n", "recordings", r.trainSize(), r.testSize());
        System.out.printf("%-22s J=%d, Q=%d, T=%d samples (%.0f ms), N=%d, %d segments of log(S + %g), %d features%n",
                "scattering", settings.J(), settings.Q(), settings.T(), 1000.0 * settings.T() / split.train().sampleRate(),
                settings.length(), settings.segments(), settings.logEpsilon(), r.featureDim());
        System.out.printf("%-22s %s, C=%s (%d-fold cross-validation on the training set: %.2f %%)%n",
                "classifier", classifier(settings), r.c(), settings.folds(), 100 * r.crossValidationAccuracy());
        System.out.printf("%-22s %.2f %%%n", "test accuracy", 100 * r.testAccuracy());
        System.out.printf("%-22s read %.1f s, extract %.1f s (%.2f ms per recording), train %.1f s, total %.1f s, %d threads%n",
                "time", readSeconds, r.extractSeconds(), r.msPerRecording(), r.trainSeconds(), total, t);
        if (json != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dataset", r.dataset());
            m.put("train_size", r.trainSize());
            m.put("test_size", r.testSize());
            m.put("J", settings.J());
            m.put("Q", settings.Q());
            m.put("T", settings.T());
            m.put("N", settings.length());
            m.put("segments", settings.segments());
            m.put("log_eps", settings.logEpsilon());
            m.put("feature_dim", r.featureDim());
            m.put("classifier", classifier(settings));
            m.put("C", r.c());
            m.put("cv_accuracy", r.crossValidationAccuracy());
            m.put("test_accuracy", r.testAccuracy());
            m.put("extract_seconds", r.extractSeconds());
            m.put("train_seconds", r.trainSeconds());
            m.put("read_seconds", readSeconds);
            m.put("total_seconds", total);
            m.put("ms_per_recording", r.msPerRecording());
            m.put("threads", t);
            m.put("classes", r.classes());
            m.put("confusion_matrix", confusion(cm, r.classes().size()));
            JsonOutput.write(outputs, json, m);
        }
        return 0;
    }

    /** The classifier as the summary and the JSON name it. */
    static String classifier(SpokenDigitExperiment.Settings settings) {
        return "linear SVM (squared hinge, one-vs-rest, trust-region Newton, eps=" + settings.svmEpsilon() + ")";
    }

    /** Rows: true class, columns: predicted class, in class order. */
    static long[][] confusion(ConfusionMatrix cm, int classes) {
        long[][] m = new long[classes][classes];
        for (int i = 0; i < classes; i++) {
            for (int j = 0; j < classes; j++) {
                m[i][j] = cm.count(i, j);
            }
        }
        return m;
    }

    /** A progress bar per stage on a terminal (nothing in a log). */
    static final class ProgressListener implements SpokenDigitExperiment.Listener, AutoCloseable {
        private Progress bar;
        private String stage;
        private int done;

        @Override
        public void progress(String name, int d, int total) {
            if (!name.equals(stage)) {
                close();
                stage = name;
                done = 0;
                bar = Progress.start(name, total, name.endsWith("features") ? "recordings" : "values of C");
            }
            bar.stepBy(d - done);
            done = d;
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
