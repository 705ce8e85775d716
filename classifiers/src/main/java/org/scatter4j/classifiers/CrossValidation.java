package org.scatter4j.classifiers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Stratified k-fold cross-validation on a <em>training</em> set, to choose a hyper-parameter
 * (C of {@link LinearSvm}, d of {@link AffinePcaClassifier}) without ever touching test data: the
 * methods only receive the training matrix and labels.
 *
 * <p>Folds: the rows of each class are shuffled by a {@link SplittableRandom} seeded from {@code
 * seed} and dealt round-robin to the folds, so every fold has the class proportions of the whole
 * set (within one row) and the split depends only on the labels and the seed. Folds are row views
 * ({@link FeatureMatrix#selectRows}) of the training matrix: nothing is copied.
 *
 * <p>Note: if features are standardized, fit the {@link Standardizer} on the whole training set
 * before cross-validating (the held-out fold then contributes to the column mean and variance; the
 * test set never does).
 *
 * <p>The score of a value is the mean, over folds, of the held-out accuracy; the best value is the
 * one with the highest score, ties going to the earliest in the grid (list the grid from the
 * simplest model, e.g. increasing C). Immutable.
 */
public final class CrossValidation {

    private final int folds;
    private final long seed;

    /** Result: the chosen value and every value's mean held-out accuracy. */
    public record Result<P>(P best, List<P> values, double[] meanAccuracy) {
        public Result {
            values = List.copyOf(values);
            meanAccuracy = meanAccuracy.clone();
        }

        /** Mean held-out accuracy of the best value. */
        public double bestAccuracy() {
            return meanAccuracy[values.indexOf(best)];
        }

        @Override
        public double[] meanAccuracy() {
            return meanAccuracy.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result<?> r && java.util.Objects.equals(best, r.best) && values.equals(r.values)
                    && Arrays.equals(meanAccuracy, r.meanAccuracy);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(best, values) * 31 + Arrays.hashCode(meanAccuracy);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("CrossValidation.Result[best=" + best);
            for (int i = 0; i < values.size(); i++) {
                sb.append(String.format(", %s: %.4f", values.get(i), meanAccuracy[i]));
            }
            return sb.append(']').toString();
        }
    }

    /**
     * @param folds number of folds k, {@code >= 2}
     * @param seed seed of the fold assignment
     */
    public CrossValidation(int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("folds = " + folds + " must be >= 2");
        }
        this.folds = folds;
        this.seed = seed;
    }

    public int folds() {
        return folds;
    }

    public long seed() {
        return seed;
    }

    /**
     * The fold (in {@code [0, folds)}) of every row.
     *
     * @throws IllegalArgumentException if a class has fewer than {@code max(2, folds)} rows
     */
    public int[] assignFolds(int[] labels) {
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("labels must not be null or empty");
        }
        int[] classes = Arrays.stream(labels).distinct().sorted().toArray();
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < classes.length; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + " must be >= 0");
            }
            members.get(Arrays.binarySearch(classes, labels[i])).add(i);
        }
        int need = Math.max(2, folds);
        SplittableRandom random = new SplittableRandom(seed);
        int[] fold = new int[labels.length];
        int next = 0; // continue dealing across classes so fold sizes stay balanced
        for (int c = 0; c < classes.length; c++) {
            List<Integer> m = members.get(c);
            if (m.size() < need) {
                throw new IllegalArgumentException("class " + classes[c] + " has " + m.size()
                        + " rows but " + folds + "-fold cross-validation needs at least " + need + " per class");
            }
            for (int i = m.size() - 1; i > 0; i--) { // Fisher-Yates
                Collections.swap(m, i, random.nextInt(i + 1));
            }
            for (int r : m) {
                fold[r] = next;
                next = (next + 1) % folds;
            }
        }
        return fold;
    }

    /**
     * Cross-validates a classifier family: {@code factory} builds an untrained classifier for each
     * grid value; each is trained on k - 1 folds and scored on the remaining one.
     */
    public <P> Result<P> select(FeatureMatrix x, int[] labels, List<P> grid,
            Function<P, Classifier> factory) {
        requireGrid(grid);
        Splits splits = split(x, labels);
        double[] score = new double[grid.size()];
        for (int f = 0; f < folds; f++) {
            for (int g = 0; g < grid.size(); g++) {
                Classifier model = factory.apply(grid.get(g));
                model.fit(splits.train[f], splits.trainLabels[f]);
                score[g] += accuracy(model.predict(splits.test[f]), splits.testLabels[f]) / folds;
            }
        }
        return result(grid, score);
    }

    /**
     * Chooses C of a linear SVM among {@code grid} (e.g. {@code 1e-3, 1e-2, ..., 10}); the other
     * settings (loss, solver, bias, tolerance, threads, seed) are taken from {@code base}.
     */
    public Result<Double> selectC(FeatureMatrix x, int[] labels, double[] grid, LinearSvm base) {
        if (grid == null || base == null) {
            throw new IllegalArgumentException("grid and base must not be null");
        }
        List<Double> values = Arrays.stream(grid).boxed().toList();
        for (double c : grid) {
            LinearSvm.builder().c(c); // validates every value before any training
        }
        // A regularization path per fold: each C starts from the previous C's solution on the same
        // rows (LinearSvm#fit with a warm start: the dual variables for dual coordinate descent, the
        // weights for the Newton solver), which meets the same stopping criterion in fewer
        // iterations than a cold start. Grids listed by increasing C benefit most.
        Splits splits = split(x, labels);
        double[] score = new double[grid.length];
        for (int f = 0; f < folds; f++) {
            LinearSvm previous = null;
            for (int g = 0; g < grid.length; g++) {
                LinearSvm model = LinearSvm.builder().from(base).c(grid[g]).build();
                model.fit(splits.train[f], splits.trainLabels[f], previous);
                score[g] += accuracy(model.predict(splits.test[f]), splits.testLabels[f]) / folds;
                previous = model;
            }
        }
        return result(values, score);
    }

    /**
     * Chooses d of the affine PCA model among {@code grid}; each fold fits once with the largest d
     * and scores every d of the grid in one pass ({@link AffinePcaClassifier#predictForDimensions}).
     */
    public Result<Integer> selectDimension(FeatureMatrix x, int[] labels, int[] grid) {
        return selectDimension(x, labels, grid, null);
    }

    /**
     * As {@link #selectDimension(FeatureMatrix, int[], int[])} on a training set augmented with
     * virtual samples (deformed copies of training images): {@code origin[i]} is the row whose copy
     * row {@code i} is ({@code origin[i] == i} for an original row). Folds are dealt over the
     * original rows only; a copy always lies in the fold of its original and is used for training,
     * never for scoring, so no held-out image is seen through its copies and the score is measured on
     * real images only.
     *
     * @param origin as above, or {@code null} when every row is an original
     */
    public Result<Integer> selectDimension(FeatureMatrix x, int[] labels, int[] grid, int[] origin) {
        if (grid == null) {
            throw new IllegalArgumentException("grid must not be null");
        }
        List<Integer> values = Arrays.stream(grid).boxed().toList();
        requireGrid(values);
        for (int d : grid) {
            if (d < 0) {
                throw new IllegalArgumentException("d = " + d + " in grid must be >= 0");
            }
        }
        int max = Arrays.stream(grid).max().getAsInt();
        Splits splits = split(x, labels, origin);
        double[] score = new double[grid.length];
        for (int f = 0; f < folds; f++) {
            AffinePcaClassifier full = new AffinePcaClassifier(max);
            full.fit(splits.train[f], splits.trainLabels[f]);
            int[][] predicted = full.predictForDimensions(splits.test[f], grid);
            for (int g = 0; g < grid.length; g++) {
                score[g] += accuracy(predicted[g], splits.testLabels[f]) / folds;
            }
        }
        return result(values, score);
    }

    private static void requireGrid(List<?> grid) {
        if (grid == null || grid.isEmpty()) {
            throw new IllegalArgumentException("grid must contain at least one value");
        }
    }

    private static <P> Result<P> result(List<P> grid, double[] score) {
        int best = 0;
        for (int g = 1; g < score.length; g++) {
            if (score[g] > score[best]) {
                best = g;
            }
        }
        return new Result<>(grid.get(best), grid, score);
    }

    private static double accuracy(int[] predicted, int[] truth) {
        int ok = 0;
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] == truth[i]) {
                ok++;
            }
        }
        return (double) ok / truth.length;
    }

    private record Splits(FeatureMatrix[] train, int[][] trainLabels, FeatureMatrix[] test,
            int[][] testLabels) {}

    private Splits split(FeatureMatrix x, int[] labels) {
        return split(x, labels, null);
    }

    private Splits split(FeatureMatrix x, int[] labels, int[] origin) {
        Labels.of(x, labels); // validates sizes, labels, finiteness once
        int n = labels.length;
        int[] fold;
        if (origin == null) {
            fold = assignFolds(labels);
        } else {
            if (origin.length != n) {
                throw new IllegalArgumentException("origin.length = " + origin.length + " but there are " + n + " rows");
            }
            int[] originals = java.util.stream.IntStream.range(0, n).filter(i -> origin[i] == i).toArray();
            int[] originalFold = assignFolds(Arrays.stream(originals).map(i -> labels[i]).toArray());
            int[] foldOfOriginal = new int[n];
            Arrays.fill(foldOfOriginal, -1);
            for (int k = 0; k < originals.length; k++) {
                foldOfOriginal[originals[k]] = originalFold[k];
            }
            fold = new int[n];
            for (int i = 0; i < n; i++) {
                int o = origin[i];
                if (o < 0 || o >= n || origin[o] != o || labels[o] != labels[i]) {
                    throw new IllegalArgumentException("origin[" + i + "] = " + o
                            + " must be an original row (origin[o] == o) of the same label");
                }
                fold[i] = foldOfOriginal[o];
            }
        }
        FeatureMatrix[] train = new FeatureMatrix[folds];
        FeatureMatrix[] test = new FeatureMatrix[folds];
        int[][] trainLabels = new int[folds][];
        int[][] testLabels = new int[folds][];
        for (int f = 0; f < folds; f++) {
            final int ff = f;
            int[] tr = java.util.stream.IntStream.range(0, n).filter(i -> fold[i] != ff).toArray();
            int[] te = java.util.stream.IntStream.range(0, n)
                    .filter(i -> fold[i] == ff && (origin == null || origin[i] == i)).toArray();
            train[f] = x.selectRows(tr);
            test[f] = x.selectRows(te);
            trainLabels[f] = Arrays.stream(tr).map(i -> labels[i]).toArray();
            testLabels[f] = Arrays.stream(te).map(i -> labels[i]).toArray();
        }
        return new Splits(train, trainLabels, test, testLabels);
    }
}
