package org.scatter4j.classifiers;

/**
 * The element-wise transform {@code x -> log(max(x, 0) + epsilon)}.
 *
 * <p>Why: a logarithm turns the multiplicative variability of scattering coefficients (texture
 * contrast, illumination) into additive shifts a linear classifier handles better (Bruna and
 * Mallat, "Invariant Scattering Convolution Networks", IEEE PAMI 2013, Section 5; Sifre and Mallat
 * 2013 use log-scattering features for textures). The small {@code epsilon} keeps zero
 * coefficients finite. See {@link FeatureTransform} for the clamping of negative inputs.
 */
public record LogTransform(double epsilon) implements FeatureTransform {

    /**
     * @param epsilon added before the logarithm; must be finite and {@code > 0}
     */
    public LogTransform {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon = " + epsilon + " must be finite and > 0");
        }
    }

    /** {@code log(max(v, 0) + epsilon)} computed in double, rounded to float (NaN stays NaN). */
    @Override
    public float apply(float v) {
        return (float) Math.log((v < 0 ? 0.0 : v) + epsilon);
    }

    @Override
    public String describe() {
        return "log(S + " + epsilon + ")";
    }
}
