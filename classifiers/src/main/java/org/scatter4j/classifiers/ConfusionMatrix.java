package org.scatter4j.classifiers;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Counts of (true label, predicted label) pairs, with accuracy, error rate and per-class precision
 * and recall. Immutable.
 *
 * <p>Rows are true labels, columns predicted labels, both over the sorted union of the labels seen
 * in either array.
 */
public final class ConfusionMatrix {

    private final int[] labels;
    private final long[][] counts;
    private final long total;

    private ConfusionMatrix(int[] labels, long[][] counts, long total) {
        this.labels = labels;
        this.counts = counts;
        this.total = total;
    }

    /**
     * Tallies {@code truth[i]} against {@code predicted[i]}.
     *
     * @throws IllegalArgumentException if the arrays are empty or of different lengths
     */
    public static ConfusionMatrix of(int[] truth, int[] predicted) {
        if (truth == null || predicted == null) {
            throw new IllegalArgumentException("truth and predicted must not be null");
        }
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth.length = " + truth.length + " but predicted.length = "
                    + predicted.length + "; they must be equal");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("truth.length = 0: nothing to evaluate");
        }
        int[] labels = IntStream.concat(Arrays.stream(truth), Arrays.stream(predicted)).distinct().sorted()
                .toArray();
        long[][] counts = new long[labels.length][labels.length];
        for (int i = 0; i < truth.length; i++) {
            counts[Arrays.binarySearch(labels, truth[i])][Arrays.binarySearch(labels, predicted[i])]++;
        }
        return new ConfusionMatrix(labels, counts, truth.length);
    }

    /** Sorted labels indexing rows and columns. A copy. */
    public int[] labels() {
        return labels.clone();
    }

    /** Number of rows with true label {@code truth} predicted as {@code predicted}. */
    public long count(int truth, int predicted) {
        int a = Arrays.binarySearch(labels, truth);
        int b = Arrays.binarySearch(labels, predicted);
        return a < 0 || b < 0 ? 0 : counts[a][b];
    }

    public long total() {
        return total;
    }

    /** Fraction of correct predictions. */
    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < labels.length; c++) {
            correct += counts[c][c];
        }
        return (double) correct / total;
    }

    /** {@code 1 - accuracy()}. */
    public double errorRate() {
        return 1.0 - accuracy();
    }

    /** Correct among those predicted as {@code label}; NaN if none was. */
    public double precision(int label) {
        int c = index(label);
        long predicted = 0;
        for (long[] row : counts) {
            predicted += row[c];
        }
        return predicted == 0 ? Double.NaN : (double) counts[c][c] / predicted;
    }

    /** Correct among those truly {@code label}; NaN if there is none. */
    public double recall(int label) {
        int c = index(label);
        long actual = Arrays.stream(counts[c]).sum();
        return actual == 0 ? Double.NaN : (double) counts[c][c] / actual;
    }

    private int index(int label) {
        int c = Arrays.binarySearch(labels, label);
        if (c < 0) {
            throw new IllegalArgumentException("label = " + label + " not among " + Arrays.toString(labels));
        }
        return c;
    }

    /** A text table: counts (rows true, columns predicted), recall per row, precision per column. */
    @Override
    public String toString() {
        int w = 6;
        for (int l : labels) {
            w = Math.max(w, Integer.toString(l).length() + 1);
        }
        for (long[] row : counts) {
            for (long v : row) {
                w = Math.max(w, Long.toString(v).length() + 1);
            }
        }
        String cell = "%" + w + "s";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(cell, "true\\pred"));
        for (int l : labels) {
            sb.append(' ').append(String.format(cell, l));
        }
        sb.append(' ').append(String.format(cell, "recall")).append('\n');
        for (int a = 0; a < labels.length; a++) {
            sb.append(String.format(cell, labels[a]));
            for (int b = 0; b < labels.length; b++) {
                sb.append(' ').append(String.format(cell, counts[a][b]));
            }
            sb.append(' ').append(String.format(cell, percent(recall(labels[a])))).append('\n');
        }
        sb.append(String.format(cell, "precision"));
        for (int l : labels) {
            sb.append(' ').append(String.format(cell, percent(precision(l))));
        }
        sb.append('\n');
        sb.append(String.format("accuracy %.2f %%, error rate %.2f %% (%d rows)%n", 100 * accuracy(),
                100 * errorRate(), total));
        return sb.toString();
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.1f%%", 100 * v);
    }
}
