package org.scatter4j.classifiers;

/**
 * An element-wise map applied to every feature before standardization: {@link LogTransform}
 * {@code log(max(x, 0) + eps)} or {@link PowerTransform} {@code max(x, 0)^p}.
 *
 * <p>Why a family: scattering coefficients are non-negative, heavy-tailed and vary
 * multiplicatively (contrast, stroke width); a concave map compresses large values so a linear
 * classifier with one regularization constant treats weak and strong paths alike. Which map is
 * best is an empirical matter (the log for textures, Sifre and Mallat 2013; the square root for
 * MNIST with a linear SVM, measured in the README), so the standardizer and the model file take
 * any of them.
 *
 * <p>Implementations are immutable. Negative inputs are clamped to 0 first (the periodized
 * Gaussian low-pass has tiny negative side lobes, so a coefficient of a blank region can come out
 * slightly below zero); a non-finite result is refused with a message naming the row and column.
 */
public sealed interface FeatureTransform permits LogTransform, PowerTransform {

    /** The map of one value, computed in double and rounded to float. */
    float apply(float v);

    /** A short description such as {@code "log(S + 0.001)"} or {@code "S^0.5"}. */
    String describe();

    /**
     * Replaces every element of every row of {@code x} (of the view only, if a view) by its image,
     * in place.
     *
     * @throws IllegalArgumentException if an element gives a non-finite result
     */
    default void apply(FeatureMatrix x) {
        float[] data = x.data();
        int d = x.cols();
        for (int i = 0; i < x.rows(); i++) {
            applyRow(data, x.offset(i), d, i);
        }
    }

    /** In-place transform of one row. */
    default void apply(float[] row) {
        applyRow(row, 0, row.length, 0);
    }

    private void applyRow(float[] data, int off, int d, int row) {
        for (int j = 0; j < d; j++) {
            float v = data[off + j];
            float t = apply(v);
            if (!Float.isFinite(t)) {
                throw new IllegalArgumentException(describe() + " of x[" + row + "][" + j + "] = " + v
                        + " is not finite: features must be finite");
            }
            data[off + j] = t;
        }
    }
}
