package org.scatter4j.rototranslation;

/**
 * The description of one roto-translation scattering coefficient (one path).
 *
 * @param kind  which family of wavelets the path goes through
 * @param order number of moduli on the path (0, 1 or 2)
 * @param j1    first-layer spatial scale, 0..J-1 (-1 for order 0)
 * @param j2    second-layer spatial scale, j1 &lt; j2 &lt; J, for {@link Kind#SECOND}; J for
 *              {@link Kind#FIRST_ANGULAR} (the spatial low-pass phi_J, ScatNet's convention); -1 otherwise
 * @param a2    relative angle index of the second spatial wavelet, 0..L-1 (angle a2 pi / L), for
 *              {@link Kind#SECOND}; -1 otherwise
 * @param k     angular filter: -1 for the angular low-pass phi, 0..K-1 for the angular wavelet psi_k
 *              (width 0.8 * 2^k angle samples); -1 where no angular filter is applied
 * @param a1    absolute angle index of the first wavelet, 0..L-1 (angle a1 pi / L), for the
 *              {@link Kind#TRANSLATION_FIRST} and {@link Kind#TRANSLATION_SECOND} paths; -1 otherwise
 */
public record RotoPath(Kind kind, int order, int j1, int j2, int a2, int k, int a1) {

    /** Path families. */
    public enum Kind {
        /** S0 = mean of x. */
        ZEROTH,
        /** S1_{j1} = mean over u and the 2L angles of Y1_{j1}(u, a) = |x * psi_{j1, a}|(u). */
        FIRST,
        /** mean over u and a of |(Y1_{j1} *_u phi_J) *_a psi_k|: ScatNet's "spatial low-pass x angular wavelet". */
        FIRST_ANGULAR,
        /** mean over u and a of |Y1_{j1} (*) psi_{j2, a2} psi_k|: the roto-translation convolution, k = -1 for phi. */
        SECOND,
        /**
         * mean over u of Y1_{j1}(u, a1): the translation scattering coefficient of orientation a1,
         * not averaged over the angle (optional, see {@link RotoScattering2D.Builder#translationCoefficients}).
         */
        TRANSLATION_FIRST,
        /** mean over u of |Y1_{j1}(., a1) * psi_{j2, a1 + a2}|: the translation order-2 coefficient (optional). */
        TRANSLATION_SECOND
    }

    public static RotoPath zeroth() {
        return new RotoPath(Kind.ZEROTH, 0, -1, -1, -1, -1, -1);
    }

    public static RotoPath first(int j1) {
        return new RotoPath(Kind.FIRST, 1, j1, -1, -1, -1, -1);
    }

    public static RotoPath firstAngular(int j1, int J, int k) {
        return new RotoPath(Kind.FIRST_ANGULAR, 2, j1, J, -1, k, -1);
    }

    public static RotoPath second(int j1, int j2, int a2, int k) {
        return new RotoPath(Kind.SECOND, 2, j1, j2, a2, k, -1);
    }

    public static RotoPath translationFirst(int j1, int a1) {
        return new RotoPath(Kind.TRANSLATION_FIRST, 1, j1, -1, -1, -1, a1);
    }

    public static RotoPath translationSecond(int j1, int a1, int j2, int a2) {
        return new RotoPath(Kind.TRANSLATION_SECOND, 2, j1, j2, a2, -1, a1);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ZEROTH -> "S0";
            case FIRST -> "S1[j1=" + j1 + "]";
            case FIRST_ANGULAR -> "S2[j1=" + j1 + ", phi_J, psi_k k=" + k + "]";
            case SECOND -> "S2[j1=" + j1 + ", j2=" + j2 + ", a2=" + a2 + ", " + (k < 0 ? "phi_angle" : "psi_k k=" + k) + "]";
            case TRANSLATION_FIRST -> "S1[j1=" + j1 + ", a1=" + a1 + "]";
            case TRANSLATION_SECOND -> "S2[j1=" + j1 + ", a1=" + a1 + ", j2=" + j2 + ", a2=" + a2 + "]";
        };
    }
}
