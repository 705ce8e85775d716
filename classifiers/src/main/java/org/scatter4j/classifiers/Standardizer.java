package org.scatter4j.classifiers;

import java.util.Arrays;

/**
 * Per-column standardization {@code x_j -> (x_j - mean_j) / std_j}, with an optional element-wise
 * {@link FeatureTransform} (square root, logarithm) applied first.
 *
 * <p>Why: the dual coordinate descent of {@link LinearSvm} and a single regularization constant C
 * work best when features have comparable scales; scattering coefficients of different orders
 * differ by orders of magnitude.
 *
 * <p>Mean and (population, divide-by-n) standard deviation are fitted on training rows only, in two
 * passes with double accumulation. A column with zero variance (constant in the training set) gets
 * scale 1, so it is only centred (to 0) and can never produce a division by zero. Immutable once
 * fitted; {@link #transform(FeatureMatrix)} works <em>in place</em>, to avoid a second copy of a
 * possibly 1 GB feature matrix.
 */
public final class Standardizer {

    private final FeatureTransform transform; // nullable
    private final double[] mean;
    private final double[] scale; // std, or 1 for a constant column
    private final double[] inverseScale;

    private Standardizer(FeatureTransform transform, double[] mean, double[] scale) {
        this.transform = transform;
        this.mean = mean;
        this.scale = scale;
        this.inverseScale = new double[scale.length];
        for (int j = 0; j < scale.length; j++) {
            inverseScale[j] = 1.0 / scale[j];
        }
    }

    /** Fits on the rows of {@code x} without modifying it. */
    public static Standardizer fit(FeatureMatrix x) {
        return fit(x, null);
    }

    /**
     * Fits on the transformed rows of {@code x} (without modifying {@code x}); the fitted
     * standardizer applies the same transform before standardizing.
     *
     * @param transform the element-wise map to apply first, or {@code null} for none
     */
    public static Standardizer fit(FeatureMatrix x, FeatureTransform transform) {
        if (x == null) {
            throw new IllegalArgumentException("x must not be null");
        }
        if (x.rows() == 0) {
            throw new IllegalArgumentException("x.rows() = 0: cannot fit a standardizer on no rows");
        }
        x.requireFinite("x");
        int n = x.rows();
        int d = x.cols();
        float[] data = x.data();
        float[] buffer = new float[d];
        double[] sum = new double[d];
        for (int i = 0; i < n; i++) {
            float[] row = rowOf(x, i, transform, buffer);
            int off = row == data ? x.offset(i) : 0;
            for (int j = 0; j < d; j++) {
                sum[j] += row[off + j];
            }
        }
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = sum[j] / n;
        }
        double[] ss = new double[d];
        for (int i = 0; i < n; i++) {
            float[] row = rowOf(x, i, transform, buffer);
            int off = row == data ? x.offset(i) : 0;
            for (int j = 0; j < d; j++) {
                double t = row[off + j] - mean[j];
                ss[j] += t * t;
            }
        }
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double std = Math.sqrt(ss[j] / n);
            scale[j] = std > 0 && Double.isFinite(1.0 / std) ? std : 1.0;
        }
        return new Standardizer(transform, mean, scale);
    }

    private static float[] rowOf(FeatureMatrix x, int i, FeatureTransform transform, float[] buffer) {
        if (transform == null) {
            return x.data();
        }
        System.arraycopy(x.data(), x.offset(i), buffer, 0, buffer.length);
        try {
            transform.apply(buffer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("row " + i + ": " + e.getMessage(), e);
        }
        return buffer;
    }

    /** Fits on {@code x}, then transforms {@code x} in place; returns the fitted standardizer. */
    public static Standardizer fitTransform(FeatureMatrix x, FeatureTransform transform) {
        Standardizer s = fit(x, transform);
        s.transform(x);
        return s;
    }

    /** Rebuilds a fitted standardizer from stored parameters (see {@link ModelFile}). */
    public static Standardizer of(double[] mean, double[] scale, FeatureTransform transform) {
        if (mean == null || scale == null || mean.length != scale.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and scale must be non-empty and of equal length");
        }
        for (int j = 0; j < scale.length; j++) {
            if (!(scale[j] > 0) || !Double.isFinite(scale[j]) || !Double.isFinite(mean[j])) {
                throw new IllegalArgumentException(
                        "scale[" + j + "] = " + scale[j] + " must be finite and > 0, mean[" + j + "] = " + mean[j]
                                + " finite");
            }
        }
        return new Standardizer(transform, mean.clone(), scale.clone());
    }

    /** Number of columns. */
    public int dimension() {
        return mean.length;
    }

    /** Column means (after the transform, if any). A copy. */
    public double[] mean() {
        return mean.clone();
    }

    /** Column standard deviations, 1 for constant columns. A copy. */
    public double[] scale() {
        return scale.clone();
    }

    /** The element-wise transform applied before standardizing, or {@code null}. */
    public FeatureTransform transform() {
        return transform;
    }

    /**
     * Transforms every row of {@code x} (only the view's rows, if a view) in place.
     *
     * @throws IllegalArgumentException if {@code x.cols()} differs from {@link #dimension()}
     */
    public void transform(FeatureMatrix x) {
        if (x == null) {
            throw new IllegalArgumentException("x must not be null");
        }
        if (x.cols() != mean.length) {
            throw new IllegalArgumentException(
                    "x.cols() = " + x.cols() + " but the standardizer was fitted on " + mean.length + " columns");
        }
        float[] data = x.data();
        for (int i = 0; i < x.rows(); i++) {
            transform(data, x.offset(i));
        }
    }

    /** Transforms one row in place. */
    public void transform(float[] row) {
        if (row == null || row.length != mean.length) {
            throw new IllegalArgumentException("row.length = " + (row == null ? "null" : row.length)
                    + " but the standardizer was fitted on " + mean.length + " columns");
        }
        transform(row, 0);
    }

    private void transform(float[] data, int off) {
        int d = mean.length;
        if (transform != null) {
            for (int j = 0; j < d; j++) {
                data[off + j] = transform.apply(data[off + j]);
            }
        }
        for (int j = 0; j < d; j++) {
            data[off + j] = (float) ((data[off + j] - mean[j]) * inverseScale[j]);
        }
    }

    @Override
    public String toString() {
        return "Standardizer[d=" + mean.length + (transform == null ? "" : ", " + transform.describe()) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardizer s && Arrays.equals(mean, s.mean) && Arrays.equals(scale, s.scale)
                && java.util.Objects.equals(transform, s.transform);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean) * 31 + Arrays.hashCode(scale);
    }
}
