package org.scatter4j.cli;

import org.scatter4j.io.OutputTransaction;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scatter4j.classifiers.AffinePcaClassifier;
import org.scatter4j.classifiers.Classifier;
import org.scatter4j.classifiers.ConfusionMatrix;
import org.scatter4j.classifiers.CrossValidation;
import org.scatter4j.classifiers.FeatureMatrix;
import org.scatter4j.classifiers.LinearSvm;
import org.scatter4j.classifiers.FeatureTransform;
import org.scatter4j.classifiers.LogTransform;
import org.scatter4j.classifiers.ModelFile;
import org.scatter4j.classifiers.Pipeline;
import org.scatter4j.classifiers.PowerTransform;
import org.scatter4j.classifiers.Standardizer;
import org.scatter4j.io.IdxImages;
import org.scatter4j.io.LabelledImages;
import org.scatter4j.io.MnistDataset;
import org.scatter4j.experiments.LearningCurve;
import org.scatter4j.scattering.Scattering2D;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scatter4j mnist}: scattering features of MNIST (or any data set in its IDX layout), a
 * standardization fitted on the training set, a linear SVM (or the affine PCA model of Bruna and
 * Mallat 2013), and the test error.
 */
@Command(name = "mnist", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scattering features + linear classifier on MNIST (or any data set in MNIST's IDX layout).",
            "Data: --data, else $SCATTER4J_DATA, else data/mnist (scatter4j download mnist), else ../shared/data/mnist,",
            "else the 5000/1000-image subset of MNIST bundled in the jar."})
final class MnistCommand implements Callable<Integer> {
    @Option(names = "--data", description = "Folder with train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-...")
    Path data;

    @Option(names = "--J", defaultValue = "2", description = "Scattering scale (default: ${DEFAULT-VALUE}).")
    int J;

    @Option(names = "--L", defaultValue = "8", description = "Orientations (default: ${DEFAULT-VALUE}).")
    int L;

    @Option(names = "--classifier", defaultValue = "svm", description = "svm or pca (default: ${DEFAULT-VALUE}).")
    String classifier;

    @Option(names = "--C", defaultValue = "0.003",
            description = {"SVM regularization: a positive number, or auto = chosen by 3-fold cross-validation on (at most)",
                "10000 training images (default: ${DEFAULT-VALUE}, best with the square root on the full set: 0.52 %% test error;",
                "Kymatio's MNIST benchmark uses 0.01 on raw coefficients)."})
    String c;

    @Option(names = "--power", paramLabel = "P",
            description = {"Classify S^P, P in (0, 1] (default: 0.5, the square root, which compresses strong edges so weak",
                "second-order paths count; 1 = the raw coefficients, as Kymatio's benchmark). Not with --log."})
    Double power;

    @Option(names = "--log", arity = "0..1", fallbackValue = "1e-4", paramLabel = "EPS",
            description = "Classify log(S + EPS) instead of S^P (EPS default when given without a value: ${FALLBACK-VALUE}).")
    Double logEps;

    @Option(names = "--train-size", description = "Use the first N training images (default: all).")
    Integer trainSize;

    @Option(names = "--train-sizes", split = ",", paramLabel = "N,N,...",
            description = "Learning curve: test error at each training size (both classifiers, parameters cross-validated), written as CSV, JSON and PNG to --out.")
    int[] trainSizes;

    @Option(names = "--out", defaultValue = "mnist-learning-curve", description = "Folder of the learning curve files (default: ${DEFAULT-VALUE}).")
    Path out;

    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the SVM and of cross-validation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    JsonOption json;

    @Option(names = "--save-model", description = "Save the trained pipeline (scattering parameters, standardization, classifier).")
    Path saveModel;

    @Option(names = "--overwrite", description = "Replace existing --json / --save-model files.")
    boolean overwrite;

    /** C grid of the cross-validation (LIBLINEAR's C: loss summed over examples). */
    static final double[] C_GRID = {0.001, 0.003, 0.01, 0.03, 0.1};
    /** Cross-validation of C runs on at most this many training images (stratified by the folds). */
    static final int CV_MAX_IMAGES = 10000;

    @Override
    public Integer call() throws Exception {
        int t = threads.resolve();
        if (!classifier.equals("svm") && !classifier.equals("pca")) {
            throw new IllegalArgumentException("--classifier must be svm or pca, got '" + classifier + "'");
        }
        Double fixedC = parseC(c);
        FeatureTransform transform = featureTransform();
        OptionChecks.scattering(J, L, 2);
        if (trainSize != null && trainSize < 2) {
            throw new IllegalArgumentException("--train-size must be >= 2 (training needs two classes), got " + trainSize);
        }
        if (trainSizes != null) {
            if (trainSize != null) {
                throw new IllegalArgumentException("use either --train-size or --train-sizes, not both");
            }
            for (int n : trainSizes) {
                if (n < 50) {
                    throw new IllegalArgumentException("--train-sizes values must be >= 50 (5-fold cross-validation needs 5 images of every class), got " + n);
                }
            }
        }
        try (OutputTransaction outputs = new OutputTransaction(overwrite)) {
            if (json.file != null) {
                outputs.declare(json.file, "--json");
            }
            if (saveModel != null) {
                outputs.declare(saveModel, "--save-model");
            }
            if (trainSizes != null) {
                LearningCurveFiles.declare(outputs, out);
            }
            if (data != null) {
                outputs.refuseInput(data, "--data");
            }
            int code = run(outputs, t, fixedC, transform);
            outputs.commit();
            for (Path p : new Path[] {saveModel, json.file}) {
                if (p != null) {
                    System.out.println((p == saveModel ? "model saved to " : "wrote ") + p);
                }
            }
            if (trainSizes != null) {
                System.out.println("wrote " + String.join(", ", LearningCurveFiles.files(out).stream().map(Path::toString).toList()));
            }
            return code;
        }
    }

    private int run(OutputTransaction outputs, int t, Double fixedC, FeatureTransform transform) throws java.io.IOException {
        Path folder = DataLocator.find("mnist", data, "train-images-idx3-ubyte");
        MnistDataset ds;
        String source;
        if (folder == null) {
            ds = MnistDataset.bundledSubset();
            source = "bundled subset (first 5000 training and 1000 test images of MNIST)";
            System.out.println("note: no MNIST folder found; using the subset bundled in the jar. For the full set run"
                    + " ./scatter4j download mnist (or pass --data DIR).");
        } else {
            ds = MnistDataset.inFolder(folder);
            source = folder.toString();
        }
        // the image size from the first record, so that --J is checked before the whole set is read
        IdxImages first = ds.train(1).images();
        OptionChecks.scatteringShape(J, L, 2, first.rows(), first.cols(), "the " + first.rows() + "x" + first.cols() + " images of " + source);
        if (trainSizes != null) {
            trainSize = java.util.Arrays.stream(trainSizes).max().orElse(0);
        }
        LabelledImages train = trainSize == null ? ds.train() : ds.train(trainSize);
        if (trainSize != null && (trainSize < 2 || train.size() < trainSize)) {
            throw new IllegalArgumentException("--train-size must be in [2, " + ds.train().size() + "], got " + trainSize);
        }
        LabelledImages test = ds.test();
        int rows = train.images().rows();
        int cols = train.images().cols();
        if (test.images().rows() != rows || test.images().cols() != cols) {
            throw new IllegalArgumentException("training images are " + rows + "x" + cols + " but test images are "
                    + test.images().rows() + "x" + test.images().cols());
        }
        System.out.printf("data: %s: %d training, %d test images of %dx%d%n", source, train.size(), test.size(), rows, cols);

        Scattering2D scattering = Scattering2D.builder().J(J).L(L).maxOrder(2).shape(rows, cols).build();
        int d = scattering.featureCount();
        long t0 = System.nanoTime();
        float[] trainFeatures = Extraction.run(scattering, train.images().pixels(), train.size(), t, "train features");
        float[] testFeatures = Extraction.run(scattering, test.images().pixels(), test.size(), t, "test features");
        double extractSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("features: %s = %d per image, %.1f s (%.0f images/s)%n", scattering.describe(), d, extractSeconds,
                (train.size() + test.size()) / extractSeconds);

        if (trainSizes != null) {
            java.util.List<Map<String, Object>> curve = LearningCurve.run(scattering, train.images().pixels(),
                    test.images().pixels(), trainFeatures, train.labels(), testFeatures, test.labels(), trainSizes, transform,
                    new LearningCurve.Settings(C_GRID, CV_MAX_IMAGES, seed), t,
                    (fx, images, count, task) -> Extraction.run(fx, images, count, t, task), LearningCurveFiles::print);
            LearningCurveFiles.write(outputs, curve, out, String.format("MNIST learning curve, scattering J=%d L=%d, %s", J, L,
                    describe(transform)));
            if (json.file != null) {
                JsonOutput.write(outputs, json.file, curve);
            }
            return 0;
        }
        long t1 = System.nanoTime();
        FeatureMatrix xTrain = FeatureMatrix.wrap(trainFeatures, train.size(), d);
        Standardizer standardizer = Standardizer.fitTransform(xTrain, transform);
        int[] yTrain = train.labels();
        Classifier model;
        Map<String, Object> selection = new LinkedHashMap<>();
        double chosenC = Double.NaN;
        int chosenD = -1;
        if (classifier.equals("svm")) {
            LinearSvm base = LinearSvm.builder().threads(t).seed(seed).build();
            if (fixedC == null) {
                chosenC = chooseC(xTrain, yTrain, base, selection);
            } else {
                chosenC = fixedC;
            }
            model = LinearSvm.builder().from(base).c(chosenC).build();
        } else {
            chosenD = chooseDimension(xTrain, yTrain, selection);
            model = new AffinePcaClassifier(chosenD);
        }
        model.fit(xTrain, yTrain);
        double trainSeconds = (System.nanoTime() - t1) / 1e9;

        long t2 = System.nanoTime();
        FeatureMatrix xTest = FeatureMatrix.wrap(testFeatures, test.size(), d);
        standardizer.transform(xTest);
        int[] predicted = model.predict(xTest);
        double testSeconds = (System.nanoTime() - t2) / 1e9;
        ConfusionMatrix cm = ConfusionMatrix.of(test.labels(), predicted);

        System.out.println();
        System.out.println(cm);
        System.out.printf("%-22s %s%n", "data", source);
        System.out.printf("%-22s %d train / %d test%n", "images", train.size(), test.size());
        System.out.printf("%-22s J=%d, L=%d, order 2, %d features, classified as %s%n", "scattering", J, L, d,
                describe(transform));
        System.out.printf("%-22s %s%n", "classifier", classifier.equals("svm")
                ? String.format("linear SVM (squared hinge), C=%s%s", fmt(chosenC), fixedC == null ? " (cross-validated)" : "")
                : String.format("affine PCA, d=%d (cross-validated)", chosenD));
        System.out.printf("%-22s %.2f %% (accuracy %.2f %%)%n", "test error", 100 * cm.errorRate(), 100 * cm.accuracy());
        System.out.printf("%-22s extract %.1f s, train %.1f s, test %.1f s, %d threads%n", "time", extractSeconds, trainSeconds,
                testSeconds, t);

        if (saveModel != null) {
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("transform", "translation");
            meta.put("J", Integer.toString(J));
            meta.put("L", Integer.toString(L));
            meta.put("max_order", "2");
            meta.put("height", Integer.toString(rows));
            meta.put("width", Integer.toString(cols));
            ModelFile.save(outputs.temporary(saveModel), new Pipeline(standardizer, model, meta));
        }
        if (json.file != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dataset", source);
            m.put("train_size", train.size());
            m.put("test_size", test.size());
            m.put("J", J);
            m.put("L", L);
            m.put("classifier", classifier);
            m.put("C", classifier.equals("svm") ? chosenC : null);
            m.put("pca_dimension", classifier.equals("pca") ? chosenD : null);
            m.put("feature_dim", d);
            m.put("log_eps", logEps);
            m.put("power", transform instanceof PowerTransform pt ? pt.exponent() : logEps == null ? 1.0 : null);
            m.put("feature_transform", describe(transform));
            m.put("test_accuracy", cm.accuracy());
            m.put("test_error", cm.errorRate());
            m.put("extract_seconds", extractSeconds);
            m.put("train_seconds", trainSeconds);
            m.put("test_seconds", testSeconds);
            m.put("images_per_second", (train.size() + test.size()) / extractSeconds);
            m.put("threads", t);
            m.put("selection", selection);
            m.put("confusion_matrix", confusion(cm));
            JsonOutput.write(outputs, json.file, m);
        }
        return 0;
    }

    /**
     * The element-wise map applied before standardization: log(S + eps) with --log, else S^P
     * (P = --power, default 0.5); null for P = 1 (raw coefficients).
     */
    FeatureTransform featureTransform() {
        if (logEps != null) {
            if (power != null) {
                throw new IllegalArgumentException("--log and --power are exclusive: give one of them");
            }
            if (!(logEps > 0) || !Double.isFinite(logEps)) {
                throw new IllegalArgumentException("--log EPS must be finite and > 0, got " + logEps);
            }
            return new LogTransform(logEps);
        }
        double p = power == null ? 0.5 : power;
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("--power must be in (0, 1], got " + p);
        }
        return p == 1 ? null : new PowerTransform(p);
    }

    static String describe(FeatureTransform transform) {
        return transform == null ? "S (raw)" : transform.describe();
    }

    static Double parseC(String text) {
        if (text.equals("auto")) {
            return null;
        }
        try {
            double v = Double.parseDouble(text);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--C must be auto or a positive number, got '" + text + "'");
        }
    }

    /** 3-fold cross-validation of C on (at most) the first CV_MAX_IMAGES training images. */
    private double chooseC(FeatureMatrix x, int[] y, LinearSvm base, Map<String, Object> selection) {
        int n = Math.min(x.rows(), CV_MAX_IMAGES);
        FeatureMatrix sub = FeatureMatrix.wrap(x.data(), n, x.cols());
        int[] ySub = java.util.Arrays.copyOf(y, n);
        CrossValidation.Result<Double> r = new CrossValidation(3, seed).selectC(sub, ySub, C_GRID, base);
        System.out.printf("cross-validation of C on %d training images, 3 folds: %s -> C=%s%n", n, table(C_GRID, r.meanAccuracy()),
                fmt(r.best()));
        selection.put("cv_images", n);
        selection.put("cv_folds", 3);
        selection.put("C_grid", C_GRID);
        selection.put("cv_accuracy", r.meanAccuracy());
        return r.best();
    }

    private int chooseDimension(FeatureMatrix x, int[] y, Map<String, Object> selection) {
        int n = Math.min(x.rows(), CV_MAX_IMAGES);
        FeatureMatrix sub = FeatureMatrix.wrap(x.data(), n, x.cols());
        int[] ySub = java.util.Arrays.copyOf(y, n);
        int[] grid = {5, 10, 20, 40, 80};
        CrossValidation.Result<Integer> r = new CrossValidation(3, seed).selectDimension(sub, ySub, grid);
        double[] g = java.util.Arrays.stream(grid).asDoubleStream().toArray();
        System.out.printf("cross-validation of d on %d training images, 3 folds: %s -> d=%d%n", n, table(g, r.meanAccuracy()), r.best());
        selection.put("cv_images", n);
        selection.put("cv_folds", 3);
        selection.put("d_grid", grid);
        selection.put("cv_accuracy", r.meanAccuracy());
        return r.best();
    }

    private static String table(double[] values, double[] accuracy) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(fmt(values[i])).append(": ").append(String.format("%.2f %%", 100 * accuracy[i]));
        }
        return b.toString();
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? Long.toString((long) v) : Double.toString(v);
    }

    private static long[][] confusion(ConfusionMatrix cm) {
        int[] labels = cm.labels();
        long[][] m = new long[labels.length][labels.length];
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < labels.length; j++) {
                m[i][j] = cm.count(labels[i], labels[j]);
            }
        }
        return m;
    }
}
