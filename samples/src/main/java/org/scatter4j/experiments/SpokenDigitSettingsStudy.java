package org.scatter4j.experiments;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.scatter4j.io.LabelledSignals;
import org.scatter4j.io.SpokenDigits;

/**
 * Compares settings of {@code scatter4j speech} by cross-validation on FSDD's training recordings
 * only ({@link SpokenDigitExperiment#crossValidate}): every T x segments (x Q) given, the other
 * settings, folds and seed as {@link SpokenDigitExperiment.Settings#defaults()}, the C grid too
 * unless one is given (e.g. to look past a best C at the edge of the default grid). The test
 * recordings are never scored. Prints one Markdown table row per setting as it finishes.
 *
 * <pre>
 * java -cp cli/target/scatter4j.jar org.scatter4j.experiments.SpokenDigitSettingsStudy \
 *     FSDD_DIR T_LIST SEGMENT_LIST [Q_LIST [THREADS [C_LIST]]]
 * e.g. ../shared/data/fsdd 128,256,512,1024 1,2,4,8 12 2
 *      ../shared/data/fsdd 256 8 12 2 0.001,0.003,0.01,0.03,0.1
 * </pre>
 */
public final class SpokenDigitSettingsStudy {
    private SpokenDigitSettingsStudy() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length > 6) {
            System.err.println("usage: SpokenDigitSettingsStudy FSDD_DIR T_LIST SEGMENT_LIST [Q_LIST [THREADS [C_LIST]]]"
                    + " (lists comma-separated, e.g. 128,256 1,2,4,8 12 2 0.003,0.01,0.03,0.1)");
            System.exit(2);
        }
        int[] ts = ints(args[1], "T_LIST");
        int[] segmentCounts = ints(args[2], "SEGMENT_LIST");
        SpokenDigitExperiment.Settings d = SpokenDigitExperiment.Settings.defaults();
        int[] qs = args.length > 3 ? ints(args[3], "Q_LIST") : new int[] {d.Q()};
        int threads = args.length > 4 ? ints(args[4], "THREADS")[0] : Runtime.getRuntime().availableProcessors();
        double[] cGrid = args.length > 5 ? doubles(args[5], "C_LIST") : d.cGrid();
        // the training recordings only: the test set of the split is never touched
        LabelledSignals train = SpokenDigits.inFolder(Path.of(args[0])).train();
        System.out.printf(Locale.ROOT, "training recordings: %d; C grid %s, %d folds, seed %d, %d threads%n", train.size(),
                Arrays.toString(cGrid), d.folds(), d.seed(), threads);
        System.out.println("| Q | T | segments | features | CV accuracy per C (%) | best C | best CV (%) | extract s | CV s | load avg |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (int q : qs) {
            for (int t : ts) {
                for (int k : segmentCounts) {
                    SpokenDigitExperiment.Settings s = new SpokenDigitExperiment.Settings(d.J(), q, t, d.length(), k,
                            d.logEpsilon(), cGrid, d.svmEpsilon(), d.folds(), d.seed());
                    SpokenDigitExperiment.CrossValidationResult r = SpokenDigitExperiment.crossValidate(train, s, threads);
                    StringBuilder perC = new StringBuilder();
                    for (double a : r.accuracy()) {
                        perC.append(perC.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.2f", 100 * a));
                    }
                    System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %s | %s | %.2f | %.1f | %.1f | %.1f |%n", q, t, k,
                            r.featureDim(), perC, r.bestC(), 100 * r.bestAccuracy(), r.extractSeconds(), r.cvSeconds(),
                            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                }
            }
        }
    }

    private static double[] doubles(String list, String name) {
        try {
            double[] v = Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
            for (double x : v) {
                if (!(x > 0) || !Double.isFinite(x)) {
                    throw new NumberFormatException();
                }
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be comma-separated finite numbers > 0, got '" + list + "'");
        }
    }

    private static int[] ints(String list, String name) {
        try {
            int[] v = Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
            for (int x : v) {
                if (x < 1) {
                    throw new NumberFormatException();
                }
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be comma-separated integers >= 1, got '" + list + "'");
        }
    }
}
