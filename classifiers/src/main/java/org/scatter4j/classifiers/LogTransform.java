package org.scatter4j.classifiers;

/**
 * The element-wise transform {@code x -> log(x + epsilon)}.
 *
 * <p>Why: scattering coefficients are non-negative with heavy-tailed, multiplicative variability
 * (texture contrast, illumination); a logarithm turns those into additive shifts a linear
 * classifier handles better (Bruna and Mallat, "Invariant Scattering Convolution Networks", IEEE
 * PAMI 2013, Section 5, and Sifre and Mallat 2013 use log-scattering features for textures). The
 * small {@code epsilon} keeps zero coefficients finite.
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

  /** {@code log(v + epsilon)} computed in double, rounded to float. */
  public float apply(float v) {
    return (float) Math.log(v + epsilon);
  }

  /**
   * Replaces every element of every row of {@code x} (of the view only, if a view) by {@code
   * log(x + epsilon)}, in place.
   *
   * @throws IllegalArgumentException if an element gives a non-finite result ({@code x <=
   *     -epsilon}, NaN or infinity)
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
            + ", epsilon = " + epsilon + " is not finite: x must be > -epsilon");
      }
      data[off + j] = t;
    }
  }

  @Override
  public String toString() {
    return "LogTransform[epsilon=" + epsilon + "]";
  }
}
