package org.scatter4j.classifiers;

import java.util.Arrays;

/** Validation of training input and mapping of arbitrary non-negative labels to class indices. */
final class Labels {

    /** Sorted distinct labels. */
    final int[] classes;
    /** Class index (into {@link #classes}) of each row. */
    final int[] index;
    /** Number of rows of each class. */
    final int[] counts;

    private Labels(int[] classes, int[] index, int[] counts) {
        this.classes = classes;
        this.index = index;
        this.counts = counts;
    }

    /**
     * Validates {@code x} and {@code labels} for training: non-empty, same length, non-negative
     * labels, finite features.
     */
    static Labels of(FeatureMatrix x, int[] labels) {
        if (x == null) {
            throw new IllegalArgumentException("x must not be null");
        }
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        if (x.rows() == 0) {
            throw new IllegalArgumentException("x.rows() = 0: the training set must not be empty");
        }
        if (labels.length != x.rows()) {
            throw new IllegalArgumentException(
                    "labels.length = " + labels.length + " but x.rows() = " + x.rows() + "; they must be equal");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + " must be >= 0");
            }
        }
        x.requireFinite("x");
        int[] classes = Arrays.stream(labels).distinct().sorted().toArray();
        int[] index = new int[labels.length];
        int[] counts = new int[classes.length];
        for (int i = 0; i < labels.length; i++) {
            index[i] = Arrays.binarySearch(classes, labels[i]);
            counts[index[i]]++;
        }
        return new Labels(classes, index, counts);
    }

    void requireClasses(int min, String who) {
        if (classes.length < min) {
            throw new IllegalArgumentException(
                    who + " needs at least " + min + " distinct classes in labels but got " + classes.length
                            + " (" + Arrays.toString(classes) + ")");
        }
    }

    void requireExamplesPerClass(int min, String who) {
        for (int c = 0; c < classes.length; c++) {
            if (counts[c] < min) {
                throw new IllegalArgumentException(
                        who + " needs at least " + min + " examples per class but class " + classes[c] + " has "
                                + counts[c]);
            }
        }
    }

    /** Index of the largest value; ties go to the lowest index (the smallest label). */
    static int argmax(double[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
    }
}
