package org.scatter4j.classifiers;

import java.util.SplittableRandom;

/** Synthetic data sets for the tests. */
final class Synthetic {

    private Synthetic() {}

    /** A labelled data set. */
    record Data(FeatureMatrix x, int[] y) {}

    /** Gaussian rows; label = class of the largest of K random linear scores plus noise. */
    static Data linear(int n, int d, int k, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] w = new double[k][d];
        for (double[] row : w) {
            for (int j = 0; j < d; j++) {
                row[j] = gaussian(r);
            }
        }
        FeatureMatrix x = new FeatureMatrix(n, d);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x.set(i, j, (float) (gaussian(r) + 0.5));
            }
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double s = noise * gaussian(r);
                for (int j = 0; j < d; j++) {
                    s += w[c][j] * x.get(i, j);
                }
                if (s > bestScore) {
                    bestScore = s;
                    best = c;
                }
            }
            y[i] = best;
        }
        return new Data(x, y);
    }

    /**
     * Linearly separable data with a margin: K class centres far apart, small Gaussian clouds, labels
     * mapped to the given label values.
     */
    static Data separable(int perClass, int d, int[] labels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int k = labels.length;
        FeatureMatrix x = new FeatureMatrix(perClass * k, d);
        int[] y = new int[perClass * k];
        for (int c = 0; c < k; c++) {
            double[] centre = new double[d];
            for (int j = 0; j < d; j++) {
                centre[j] = 6 * gaussian(r);
            }
            for (int p = 0; p < perClass; p++) {
                int i = c * perClass + p;
                y[i] = labels[c];
                for (int j = 0; j < d; j++) {
                    x.set(i, j, (float) (centre[j] + 0.3 * gaussian(r)));
                }
            }
        }
        return new Data(x, y);
    }

    static double gaussian(SplittableRandom r) {
        // Box-Muller; SplittableRandom has no nextGaussian in Java 17's interface for older targets
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static double accuracy(int[] predicted, int[] truth) {
        int ok = 0;
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] == truth[i]) {
                ok++;
            }
        }
        return (double) ok / truth.length;
    }
}
