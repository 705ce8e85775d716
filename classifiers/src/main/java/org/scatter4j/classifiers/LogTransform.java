package org.scatter4j.classifiers;

/**
 * The element-wise transform {@code x -> log(max(x, 0) + epsilon)}.
 *
 * <p>Why: scattering coefficients are non-negative with heavy-tailed, multiplicative variability
 * (texture contrast, illumination); a logarithm turns those into additive shifts a linear
 * classifier handles better (Bruna and Mallat, "Invariant Scattering Convolution Networks", IEEE
 * PAMI 2013, Section 5, and Sifre and Mallat 2013 use log-scattering features for textures). The
 * small {@code epsilon} keeps zero coefficients finite. Negative inputs are clamped to 0 first:
 * scattering coefficients are non-negative in exact arithmetic, but the periodized Gaussian
 * low-pass has tiny negative side lobes (about 1e-4 of its peak), so a coefficient of a nearly
 * blank region can come out slightly below zero; NaN and infinities are still refused.
 *
 * <p>Immutable. {@link #apply(FeatureMatrix)} works in place.
 */
public final class LogTransform {

  private final double epsilon;

  /**
   * @param epsilon added before the logarithm; must be finite and {@code > 0}
   */
  public LogTransform(double epsilon) {
    if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
      throw new IllegalArgumentException("epsilon = " + epsilon + " must be finite and > 0");
    }
    this.epsilon = epsilon;
  }

  public double epsilon() {
    return epsilon;
  }

  /** {@code log(max(v, 0) + epsilon)} computed in double, rounded to float (NaN stays NaN). */
  public float apply(float v) {
    return (float) Math.log((v < 0 ? 0.0 : v) + epsilon);
  }

  /**
   * Replaces every element of every row of {@code x} (of the view only, if a view) by {@code
   * log(max(x, 0) + epsilon)}, in place.
   *
   * @throws IllegalArgumentException if an element gives a non-finite result (NaN or infinity)
   */
  public void apply(FeatureMatrix x) {
    float[] data = x.data();
    int d = x.cols();
    for (int i = 0; i < x.rows(); i++) {
      applyRow(data, x.offset(i), d, i);
    }
  }

  /** In-place transform of one row. */
  public void apply(float[] row) {
    applyRow(row, 0, row.length, 0);
  }

  private void applyRow(float[] data, int off, int d, int row) {
    for (int j = 0; j < d; j++) {
      float v = data[off + j];
      float t = apply(v);
      if (!Float.isFinite(t)) {
        throw new IllegalArgumentException("log(x[" + row + "][" + j + "] + epsilon) with x = " + v
            + ", epsilon = " + epsilon + " is not finite: features must be finite");
      }
      data[off + j] = t;
    }
  }

  @Override
  public String toString() {
    return "LogTransform[epsilon=" + epsilon + "]";
  }
}
