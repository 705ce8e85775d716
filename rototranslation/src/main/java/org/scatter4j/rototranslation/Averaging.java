package org.scatter4j.rototranslation;

/** How the moduli of a {@link RotoScattering2D} are averaged into coefficients. */
public enum Averaging {
    /**
     * The mean over the whole padded grid of the path's resolution level and over the 2L angles:
     * one number per path. The cascade computes circular convolutions on the padded grid, so every
     * map is a function on a discrete torus x circle, and this mean is the (normalized) integral
     * over the whole roto-translation group acting on it: exactly invariant to circular translations
     * of the padded image and to the rotations by multiples of pi / L that map the sampling grid onto
     * itself, with no window centre to choose. The texture protocol of Sifre and Mallat (a spatial
     * mean of every path after removing margins) is this averaging up to the margins.
     */
    GLOBAL,
    /**
     * The Gaussian low-pass phi_J over a 2^J window (Kymatio's, subsampled by 2^J and unpadded:
     * output grid H' x W' as {@code Scattering2D}), then the mean over the angle: each path keeps
     * an H' x W' map, locally invariant to translations and invariant to rotations only up to
     * the rotation of that map. The "phi_J x psi_k" first-layer paths already carry the 2^J
     * low-pass and are not filtered a second time.
     */
    WINDOW
}
