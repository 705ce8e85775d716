package org.scatter4j.rototranslation;

import org.scatter4j.scattering.ScatteringConfig;
import org.scatter4j.wavelets.MorletFilterBank;

/**
 * The parameters of a {@link RotoScattering2D}, validated once here so that the cascade can trust
 * them. J, the image shape and the lanes are the translation transform's and are checked by
 * {@link ScatteringConfig}; the rest is the roto-translation's own (see {@link RotoScattering2D.Builder}
 * for what each option does).
 *
 * @param J                       scale: 1 &lt;= J, 2^J &lt;= min(height, width)
 * @param L                       orientations over [0, pi), even, 2..64
 * @param K                       angular wavelets (octaves), 1..log2(L)
 * @param height                  input image height
 * @param width                   input image width
 * @param averaging               global (one number per path) or window (an H' x W' map per path)
 * @param log                     log(S + eps) of the order 1 and 2 coefficients
 * @param logEpsilon              the eps of the log, finite and &gt; 0
 * @param renormalize             order-2 coefficients divided by their parent
 * @param coarseSecondLayer       second layer on the level-(j2 + 1) grid (global averaging only)
 * @param translationCoefficients the translation coefficients appended (global averaging only)
 * @param lanes                   images per batch block (0: chosen from the image size)
 */
public record RotoConfig(int J, int L, int K, int height, int width, Averaging averaging, boolean log, double logEpsilon,
        boolean renormalize, boolean coarseSecondLayer, boolean translationCoefficients, int lanes) {
    public RotoConfig {
        if (L < 2 || L > MorletFilterBank.MAX_L || L % 2 != 0) { // before the translation checks: their L may be odd
            throw new IllegalArgumentException("L must be even and in [2, " + MorletFilterBank.MAX_L
                    + "] (2L angles over [0, 2 pi) use psi_{a + L} = conj(psi_a)), got L=" + L);
        }
        new ScatteringConfig(J, L, 2, height, width, lanes); // J, shape and lanes: the translation transform's checks
        int maxK = 31 - Integer.numberOfLeadingZeros(L);
        if (K < 1 || K > maxK) {
            throw new IllegalArgumentException("K (angular octaves) must be in [1, log2(L)] = [1, " + maxK + "] for L="
                    + L + ", got K=" + K);
        }
        if (!(logEpsilon > 0) || !Double.isFinite(logEpsilon)) {
            throw new IllegalArgumentException("logEpsilon must be finite and > 0, got logEpsilon=" + logEpsilon);
        }
        if (averaging == null) {
            throw new IllegalArgumentException("averaging must not be null");
        }
        if (translationCoefficients && averaging != Averaging.GLOBAL) {
            throw new IllegalArgumentException("translationCoefficients(true) needs Averaging.GLOBAL, got averaging=" + averaging);
        }
        if (coarseSecondLayer && averaging != Averaging.GLOBAL) {
            throw new IllegalArgumentException("coarseSecondLayer(true) needs Averaging.GLOBAL (it samples the second layer"
                    + " on a grid twice as coarse, which only a global mean tolerates), got averaging=" + averaging);
        }
    }
}
