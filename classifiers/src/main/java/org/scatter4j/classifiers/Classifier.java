package org.scatter4j.classifiers;

/**
 * A multi-class classifier of dense float rows, with classes labelled by arbitrary non-negative
 * ints.
 *
 * <p>Implementations are configured at construction, trained by {@link #fit}, and then only read
 * (predictions are thread-safe after {@code fit} returns). Neither {@code fit} nor the predictions
 * copy or modify the feature matrix.
 */
public interface Classifier {

    /**
     * Trains on the rows of {@code x} with the given labels (one per row, each {@code >= 0}).
     *
     * @throws IllegalArgumentException for an empty training set, {@code labels.length != x.rows()},
     *     a negative label, a non-finite feature, or too few classes or examples for the model
     */
    void fit(FeatureMatrix x, int[] labels);

    /** Whether {@link #fit} has completed (or the model was loaded). */
    boolean isFitted();

    /** Sorted distinct class labels seen in training; decision values are in this order. */
    int[] classes();

    /** Number of features per row the model expects. */
    int dimension();

    /**
     * One score per class (ordered as {@link #classes()}), larger meaning more likely; the
     * prediction is the class of the largest score, ties going to the smallest label.
     *
     * @throws IllegalArgumentException if the row length differs from {@link #dimension()} or the
     *     row is not finite
     */
    double[] decisionValues(float[] row);

    /** The predicted label of one row. */
    default int predict(float[] row) {
        return classes()[Labels.argmax(decisionValues(row))];
    }

    /** The predicted label of every row of {@code x}. */
    int[] predict(FeatureMatrix x);
}
