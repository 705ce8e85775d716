package org.scatter4j.rototranslation;

/**
 * The map between our uniform angle index a (angle a pi / L, a = 0..2L-1, increasing
 * counter-clockwise in Kymatio's frame) and Kymatio's wavelets psi_t, whose angles
 * theta_t = (L/2 - 1 - t) pi / L decrease with t and cover [-pi/2, pi/2).
 *
 * <p>a pi / L = theta_t + s pi with t = (L/2 - 1 - a) mod L and an integer s; since a Morlet wavelet
 * has an even envelope and a real correction, psi_{theta + pi}(u) = psi_theta(-u) = conj(psi_theta(u)),
 * so psi_a = psi_t for even s and conj(psi_t) for odd s. For a real map Y, Y * conj(psi) = conj(Y * psi).
 */
public final class Orientations {
    private Orientations() {
    }

    /** Kymatio's orientation index t of the wavelet at uniform angle index a (L even). */
    public static int kymatioIndex(int a, int L) {
        return Math.floorMod(L / 2 - 1 - a, L);
    }

    /** Whether psi_a is the complex conjugate of Kymatio's psi_t, t = {@link #kymatioIndex}. */
    public static boolean conjugate(int a, int L) {
        int t = kymatioIndex(a, L);
        int s = Math.floorDiv(a - (L / 2 - 1 - t), L);
        return (s & 1) != 0;
    }
}
