package org.scatter4j.cli;

import org.scatter4j.io.OutputTransaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scatter4j.classifiers.AffinePcaClassifier;
import org.scatter4j.classifiers.Classifier;
import org.scatter4j.classifiers.ConfusionMatrix;
import org.scatter4j.classifiers.FeatureMatrix;
import org.scatter4j.classifiers.LinearSvm;
import org.scatter4j.classifiers.Standardizer;
import org.scatter4j.io.GreyImage;
import org.scatter4j.io.ImageFolder;
import org.scatter4j.io.LabelledGreyImages;
import org.scatter4j.rototranslation.Averaging;
import org.scatter4j.rototranslation.RotoScattering2D;
import org.scatter4j.scattering.FeatureExtractor;
import org.scatter4j.scattering.Scattering2D;
import org.scatter4j.scattering.SpatialAverage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scatter4j textures}: Sifre and Mallat's texture protocol (KTH-TIPS in the papers): every
 * image resized to a common size, scattering features averaged over the whole image, random splits
 * with a fixed number of training images per class (the rest of each class for testing), the mean
 * and standard deviation of the accuracy over the splits.
 */
@Command(name = "textures", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Texture classification with scattering features (KTH-TIPS protocol of Sifre and Mallat 2013).",
            "--data DIR holds one folder per class of images (PNG, JPEG, GIF, BMP, PGM); default ../shared/data/textures/kth-tips-grey.",
            "Or --train DIR --test DIR for a fixed split."})
final class TexturesCommand implements Callable<Integer> {
    @Option(names = "--data", description = "Folder with one sub-folder of images per class.")
    Path data;

    @Option(names = "--train", description = "Fixed split: training folder (one sub-folder per class).")
    Path trainDir;

    @Option(names = "--test", description = "Fixed split: test folder (same class names as --train).")
    Path testDir;

    @Option(names = "--transform", defaultValue = "combined",
            description = {"rototranslation (Sifre and Mallat, rotation invariant), translation (Kymatio's, global mean), or combined:",
                "the roto-translation coefficients and the oriented translation means that its cascade computes on the way",
                "(best measured on KTH-TIPS, which has little rotation; default: ${DEFAULT-VALUE})."})
    String transform;

    @Option(names = "--J", defaultValue = "5", description = "Scattering scale (default: ${DEFAULT-VALUE}).")
    int J;

    @Option(names = "--L", defaultValue = "8", description = "Orientations (default: ${DEFAULT-VALUE}).")
    int L;

    @Option(names = "--log", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = {"log(S + 1e-6) features (translation: log before the spatial mean, as ScatNet; rototranslation: log of the",
                "averaged coefficients). On by default (best measured with roto-translation at 5 images per class); --no-log turns it off."})
    boolean log;

    @Option(names = "--renormalize", negatable = true,
            description = {"rototranslation and combined: ScatNet's renormalization, every order-2 coefficient divided by its order-1",
                "parent before the log (on by default: 81 vs 77 %% at 5 images per class); --no-renormalize turns it off."})
    Boolean renormalize;

    @Option(names = "--coarse-second-layer", negatable = true,
            description = {"rototranslation and combined: second layer on a grid twice as coarse (a quarter of the work, same",
                "accuracy measured; on by default); --no-coarse-second-layer keeps Kymatio's grid."})
    Boolean coarse;

    @Option(names = "--augment-scales", defaultValue = "0.70710678,1.41421356",
            description = {"Training-set augmentation (Sifre and Mallat's multiscale training): every training image is also",
                "used rescaled by these factors (> 1: centre crop of SIZE / s resized to SIZE; < 1: resized to SIZE * s);",
                "test images never are. 'none' turns it off (default: ${DEFAULT-VALUE})."})
    String augmentScales;

    @Option(names = "--standardize", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = {"Scale every feature to zero mean and unit variance on the training rows (default: ${DEFAULT-VALUE}: affine",
                "PCA on the unscaled log features measured best, 87.3 / 98.7 / 99.6 vs 88.3 / 98.1 / 99.4 %%)."})
    boolean standardize;

    @Option(names = "--classifier", defaultValue = "pca",
            description = "pca (affine PCA with d = training images per class, as ScatNet) or svm (default: ${DEFAULT-VALUE}).")
    String classifier;

    @Option(names = "--C", defaultValue = "1", description = "SVM regularization (default: ${DEFAULT-VALUE}).")
    double c;

    @Option(names = "--train-per-class", defaultValue = "5,20,40", split = ",",
            description = "Training images per class, one experiment each (default: ${DEFAULT-VALUE}).")
    List<Integer> trainPerClass;

    @Option(names = "--splits", defaultValue = "10", description = "Random splits per training size (default: ${DEFAULT-VALUE}).")
    int splits;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random splits (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", defaultValue = "200", description = "Images are resized to SIZE x SIZE when they differ (default: ${DEFAULT-VALUE}).")
    int size;

    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Mixin
    JsonOption json;

    @Option(names = "--overwrite", description = "Replace an existing --json file.")
    boolean overwrite;

    static final double LOG_EPSILON = 1e-6;

    @Override
    public Integer call() throws Exception {
        int t = threads.resolve();
        if (!classifier.equals("svm") && !classifier.equals("pca")) {
            throw new IllegalArgumentException("--classifier must be svm or pca, got '" + classifier + "'");
        }
        if (splits < 1) {
            throw new IllegalArgumentException("--splits must be >= 1, got " + splits);
        }
        if (size < 2) {
            throw new IllegalArgumentException("--size must be >= 2, got " + size);
        }
        if (!List.of("translation", "rototranslation", "combined").contains(transform)) {
            throw new IllegalArgumentException("--transform must be translation, rototranslation or combined, got '" + transform + "'");
        }
        boolean roto = !transform.equals("translation");
        if (!roto && Boolean.TRUE.equals(renormalize)) {
            throw new IllegalArgumentException("--renormalize is for --transform rototranslation or combined, got translation");
        }
        if (!roto && Boolean.TRUE.equals(coarse)) {
            throw new IllegalArgumentException("--coarse-second-layer is for --transform rototranslation or combined, got translation");
        }
        OptionChecks.scattering(J, L, 2);
        OptionChecks.positive("--C", c);
        for (int n : trainPerClass) {
            if (n < 1) {
                throw new IllegalArgumentException("--train-per-class must be >= 1, got " + n);
            }
        }
        double[] scales = TextureScales.parse(augmentScales, size, J);
        boolean fixedSplit = trainDir != null || testDir != null;
        if (fixedSplit && (trainDir == null || testDir == null)) {
            throw new IllegalArgumentException("--train and --test go together");
        }
        if (fixedSplit && data != null) {
            throw new IllegalArgumentException("use either --data or --train/--test, not both");
        }
        try (OutputTransaction outputs = new OutputTransaction(overwrite)) {
            if (json.file != null) {
                outputs.declare(json.file, "--json");
            }
            run(outputs, t, scales, roto, fixedSplit);
            outputs.commit();
        }
        if (json.file != null) {
            System.out.println("wrote " + json.file);
        }
        return 0;
    }

    private void run(OutputTransaction outputs, int t, double[] scales, boolean roto, boolean fixedSplit) throws java.io.IOException {
        // the transform first: --J against --size is checked before any image is read
        FeatureExtractor fx = extractor(size);

        List<LabelledGreyImages> sets = new ArrayList<>();
        Path source = data;
        if (fixedSplit) {
            sets.add(ImageFolder.readLabelled(trainDir));
            sets.add(ImageFolder.readLabelled(testDir));
            if (!sets.get(0).classNames().equals(sets.get(1).classNames())) {
                throw new IllegalArgumentException("--train classes " + sets.get(0).classNames() + " differ from --test classes "
                        + sets.get(1).classNames());
            }
        } else {
            Path folder = data != null ? data : DataLocator.find("textures/kth-tips-grey", null, "aluminium_foil");
            if (folder == null) {
                throw new IllegalArgumentException("no texture folder: pass --data DIR (one sub-folder of images per class)");
            }
            sets.add(ImageFolder.readLabelled(folder));
            source = folder;
            System.out.printf("data: %s%n", folder);
        }
        LabelledGreyImages first = sets.get(0);
        if (first.classCount() < 2) {
            throw new IllegalArgumentException((fixedSplit ? "--train " + trainDir : "--data " + source)
                    + " has " + first.classCount() + " class" + (first.classCount() == 1 ? " ('" + first.classNames().get(0) + "')" : "es")
                    + "; classification needs at least 2 (one sub-folder of images per class)");
        }
        // every --train-per-class must leave a test image in every class: checked before the features are computed
        if (fixedSplit) {
            TextureSplits.requireTrainable(first, 1);
        } else {
            for (int n : trainPerClass) {
                TextureSplits.requireTrainable(first, n);
            }
        }
        int resized = 0;
        List<float[]> features = new ArrayList<>();
        long t0 = System.nanoTime();
        for (LabelledGreyImages set : sets) {
            float[] pixels = new float[Math.multiplyExact(set.size(), size * size)];
            for (int i = 0; i < set.size(); i++) {
                GreyImage img = set.image(i);
                if (img.width() != size || img.height() != size) {
                    img = TextureScales.resize(img, size);
                    resized++;
                }
                System.arraycopy(img.toFloatArray(), 0, pixels, i * size * size, size * size);
            }
            features.add(Extraction.run(fx, pixels, set.size(), t, "features"));
        }
        double extractSeconds = (System.nanoTime() - t0) / 1e9;
        int total = sets.stream().mapToInt(LabelledGreyImages::size).sum();
        System.out.printf("features: %s, %d images (%d resized to %dx%d), %.1f s%n", fx.describe(), total, resized, size, size,
                extractSeconds);
        int d = fx.featureCount();

        // training-set augmentation: features of the rescaled copies of every image that some split trains on
        LabelledGreyImages trainSet = sets.get(0);
        boolean[] trains = new boolean[trainSet.size()];
        if (fixedSplit) {
            java.util.Arrays.fill(trains, true);
        } else {
            for (int n : trainPerClass) {
                TextureSplits.requireTrainable(trainSet, n);
                for (int sp = 0; sp < splits; sp++) {
                    for (int i : TextureSplits.split(trainSet.labels(), trainSet.classCount(), n, TextureSplits.random(seed, n, sp))[0]) {
                        trains[i] = true;
                    }
                }
            }
        }
        int[] augmented = java.util.stream.IntStream.range(0, trains.length).filter(i -> trains[i]).toArray();
        float[][] augment = new float[scales.length][];
        long ta = System.nanoTime();
        for (int k = 0; k < scales.length; k++) {
            int side = scales[k] > 1 ? size : (int) Math.round(size * scales[k]);
            FeatureExtractor fs = side == size ? fx : extractor(side);
            float[] pixels = new float[Math.multiplyExact(augmented.length, side * side)];
            for (int r = 0; r < augmented.length; r++) {
                GreyImage img = trainSet.image(augmented[r]);
                if (img.width() != size || img.height() != size) {
                    img = TextureScales.resize(img, size);
                }
                System.arraycopy(TextureScales.rescale(img, scales[k]).toFloatArray(), 0, pixels, r * side * side, side * side);
            }
            float[] f = Extraction.run(fs, pixels, augmented.length, t, "scale " + scales[k]);
            augment[k] = new float[Math.multiplyExact(trainSet.size(), d)]; // rows of the images no split trains on stay unused
            for (int r = 0; r < augmented.length; r++) {
                System.arraycopy(f, r * d, augment[k], augmented[r] * d, d);
            }
        }
        double augmentSeconds = (System.nanoTime() - ta) / 1e9;
        if (scales.length > 0) {
            System.out.printf("augmentation: %d training images x %d scales %s, %.1f s%n", augmented.length, scales.length,
                    java.util.Arrays.toString(scales), augmentSeconds);
        }

        List<Map<String, Object>> results = new ArrayList<>();
        long t1 = System.nanoTime();
        if (fixedSplit) {
            LabelledGreyImages train = sets.get(0);
            LabelledGreyImages test = sets.get(1);
            TextureSplits.requireTrainable(train, 1);
            int[] all = java.util.stream.IntStream.range(0, train.size()).toArray();
            ConfusionMatrix cm = evaluate(TextureSplits.withAugmented(features.get(0), augment, all, d),
                    TextureSplits.pick(train.labels(), all, 1 + scales.length), features.get(1), test.labels(), d,
                    TextureSplits.minClassSize(train), t);
            System.out.println(cm);
            results.add(TextureSplits.result(null, new double[] {cm.accuracy()}));
        } else {
            LabelledGreyImages all = sets.get(0);
            for (int n : trainPerClass) {
                TextureSplits.requireTrainable(all, n);
                double[] acc = new double[splits];
                long[][] confusion = null;
                ConfusionMatrix last = null;
                for (int s = 0; s < splits; s++) {
                    int[][] split = TextureSplits.split(all.labels(), all.classCount(), n, TextureSplits.random(seed, n, s));
                    ConfusionMatrix cm = evaluate(TextureSplits.withAugmented(features.get(0), augment, split[0], d),
                            TextureSplits.pick(all.labels(), split[0], 1 + scales.length), TextureSplits.rows(features.get(0), split[1], d),
                            TextureSplits.pick(all.labels(), split[1], 1), d, n, t);
                    acc[s] = cm.accuracy();
                    last = cm;
                }
                Map<String, Object> r = TextureSplits.result(n, acc);
                results.add(r);
                System.out.printf("%3d training images per class: accuracy %.2f %% +- %.2f %% over %d splits%n", n,
                        100 * (double) r.get("mean_accuracy"), 100 * (double) r.get("std_accuracy"), splits);
                if (n == trainPerClass.get(trainPerClass.size() - 1)) {
                    System.out.println("confusion matrix of the last split (rows: " + String.join(", ", all.classNames()) + "):");
                    System.out.println(last);
                }
            }
        }
        double trainSeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf("time: extraction %.1f s, training and testing %.1f s, %d threads%n", extractSeconds, trainSeconds, t);
        if (json.file != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("transform", transform);
            m.put("J", J);
            m.put("L", L);
            m.put("log", log);
            m.put("classifier", classifier);
            m.put("standardize", standardize);
            m.put("feature_dim", d);
            m.put("images", total);
            m.put("resized", resized);
            m.put("size", size);
            m.put("splits", fixedSplit ? 1 : splits);
            m.put("seed", seed);
            m.put("renormalize", roto && !Boolean.FALSE.equals(renormalize));
            m.put("coarse_second_layer", roto && !Boolean.FALSE.equals(coarse));
            m.put("augment_scales", scales);
            m.put("augmented_images", scales.length == 0 ? 0 : augmented.length);
            m.put("extract_seconds", extractSeconds);
            m.put("augment_seconds", augmentSeconds);
            m.put("train_seconds", trainSeconds);
            m.put("threads", t);
            m.put("results", results);
            JsonOutput.write(outputs, json.file, m);
        }
    }

    /** The feature extractor of the chosen transform for side x side images. */
    private FeatureExtractor extractor(int side) {
        return switch (transform) {
            case "translation" -> new SpatialAverage(Scattering2D.builder().J(J).L(L).maxOrder(2).shape(side, side).build(),
                    log ? LOG_EPSILON : 0);
            case "rototranslation", "combined" -> RotoScattering2D.builder().J(J).L(L).shape(side, side).averaging(Averaging.GLOBAL)
                    .translationCoefficients(transform.equals("combined")).coarseSecondLayer(!Boolean.FALSE.equals(coarse))
                    .renormalize(!Boolean.FALSE.equals(renormalize)).log(log).logEpsilon(LOG_EPSILON).build();
            default -> throw new IllegalArgumentException("--transform must be translation, rototranslation or combined, got '"
                    + transform + "'");
        };
    }

    /** Standardize on the training rows (unless --no-standardize), fit, predict the test rows. */
    private ConfusionMatrix evaluate(float[] train, int[] yTrain, float[] test, int[] yTest, int d, int perClass, int t) {
        FeatureMatrix xTrain = FeatureMatrix.wrap(train, yTrain.length, d);
        FeatureMatrix xTest = FeatureMatrix.wrap(test, yTest.length, d);
        if (standardize) {
            Standardizer.fitTransform(xTrain, null).transform(xTest);
        }
        Classifier model = classifier.equals("pca") ? new AffinePcaClassifier(perClass)
                : LinearSvm.builder().c(c).threads(t).seed(seed).build();
        model.fit(xTrain, yTrain);
        return ConfusionMatrix.of(yTest, model.predict(xTest));
    }

}
