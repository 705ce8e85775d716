package org.scatter4j.scattering.internal;

/**
 * How many 2D FFTs Kymatio's cascade performs per image, and on which grids: the yardstick for the
 * "FFT floor" of a benchmark (what the FFTs alone of the standard algorithm cost). Per image:
 * <ul>
 * <li>FFT of the padded input (level 0) and the inverse FFT of S0 (level J);</li>
 * <li>per first-order wavelet (j1): inverse FFT of x * psi1 and FFT of U1 (level j1), inverse FFT
 * of S1 (level J);</li>
 * <li>per second-order wavelet (j2 &gt; j1): inverse FFT of U1 * psi2 and FFT of U2 (level j2),
 * inverse FFT of S2 (level J).</li>
 * </ul>
 */
public final class KymatioFftCount {
    private KymatioFftCount() {
    }

    /** counts[r] = FFTs on the grid (Mp / 2^r, Np / 2^r), r = 0..J. */
    public static int[] perLevel(int J, int L, int maxOrder) {
        int[] counts = new int[J + 1];
        counts[0] += 1;
        counts[J] += 1;
        for (int j1 = 0; j1 < J; j1++) {
            counts[j1] += 2 * L;
            counts[J] += L;
            if (maxOrder < 2) {
                continue;
            }
            for (int j2 = j1 + 1; j2 < J; j2++) {
                counts[j2] += 2 * L * L;
                counts[J] += L * L;
            }
        }
        return counts;
    }
}
