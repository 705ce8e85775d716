package org.scatter4j.scattering;

import java.util.Arrays;

/**
 * Describes one output channel of a scattering transform: its order (0, 1 or 2), the scales
 * j_1 &lt; j_2 and the orientation indices theta_1, theta_2 of the wavelets along the path.
 * Order 0 is the low-pass average x * phi_J; order 1 is |x * psi_{j1,t1}| * phi_J; order 2 is
 * ||x * psi_{j1,t1}| * psi_{j2,t2}| * phi_J (Bruna and Mallat 2013, eq. 7). Immutable.
 */
public final class ScatteringPath {
    private final int[] scales;
    private final int[] thetas;

    private ScatteringPath(int[] scales, int[] thetas) {
        this.scales = scales;
        this.thetas = thetas;
    }

    public static ScatteringPath zeroth() {
        return new ScatteringPath(new int[0], new int[0]);
    }

    public static ScatteringPath first(int j1, int theta1) {
        return new ScatteringPath(new int[] {j1}, new int[] {theta1});
    }

    public static ScatteringPath second(int j1, int theta1, int j2, int theta2) {
        if (j2 <= j1) {
            throw new IllegalArgumentException("second-order paths need j2 > j1, got j1=" + j1 + ", j2=" + j2);
        }
        return new ScatteringPath(new int[] {j1, j2}, new int[] {theta1, theta2});
    }

    /** 0, 1 or 2. */
    public int order() {
        return scales.length;
    }

    /** The scales along the path ([] / [j1] / [j1, j2]); a copy. */
    public int[] scales() {
        return scales.clone();
    }

    /** The orientation indices along the path ([] / [t1] / [t1, t2]); a copy. */
    public int[] thetas() {
        return thetas.clone();
    }

    /** Scale of the k-th wavelet (k = 0 or 1). */
    public int j(int k) {
        return scales[k];
    }

    /** Orientation index of the k-th wavelet (k = 0 or 1). */
    public int theta(int k) {
        return thetas[k];
    }

    /** JSON object in the layout of Kymatio's reference manifest: {"order":..,"j":[..],"theta":[..]}. */
    public String toJson() {
        return "{\"order\": " + order() + ", \"j\": " + Arrays.toString(scales) + ", \"theta\": "
                + Arrays.toString(thetas) + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScatteringPath p && Arrays.equals(scales, p.scales) && Arrays.equals(thetas, p.thetas);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(scales) + Arrays.hashCode(thetas);
    }

    @Override
    public String toString() {
        return "S" + order() + (order() == 0 ? "" : " j=" + Arrays.toString(scales) + " theta=" + Arrays.toString(thetas));
    }
}
