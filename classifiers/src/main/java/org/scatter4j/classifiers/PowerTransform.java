package org.scatter4j.classifiers;

/**
 * The element-wise transform {@code x -> max(x, 0)^exponent} with {@code 0 < exponent <= 1}: the
 * "power normalization" of Perronnin, Sanchez and Mensink ("Improving the Fisher kernel for
 * large-scale image classification", ECCV 2010), whose square root ({@code exponent = 0.5}) is
 * the default of {@code scatter4j mnist}.
 *
 * <p>Why: like the logarithm it compresses the large coefficients of strong edges so that many
 * weak second-order paths weigh in a linear classifier, but it keeps 0 at 0 and needs no epsilon,
 * so blank regions (most of an MNIST digit's 7 x 7 grid) stay exactly uninformative. Measured on
 * MNIST (J=2, L=8, standardized, linear SVM): 0.52 % test error with the square root against
 * 0.59 % with raw coefficients (README, "MNIST").
 */
public record PowerTransform(double exponent) implements FeatureTransform {

    /**
     * @param exponent in {@code (0, 1]}; {@code 1} is the identity on non-negative values
     */
    public PowerTransform {
        if (!(exponent > 0 && exponent <= 1)) {
            throw new IllegalArgumentException("exponent = " + exponent + " must be in (0, 1]");
        }
    }

    /** {@code max(v, 0)^exponent} computed in double, rounded to float (NaN stays NaN). */
    @Override
    public float apply(float v) {
        double x = v < 0 ? 0.0 : v;
        return (float) (exponent == 0.5 ? Math.sqrt(x) : Math.pow(x, exponent));
    }

    @Override
    public String describe() {
        return exponent == 0.5 ? "sqrt(S)" : "S^" + exponent;
    }
}
