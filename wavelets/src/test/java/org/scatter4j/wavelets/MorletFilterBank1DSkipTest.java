package org.scatter4j.wavelets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scatter4j.wavelets.fft.LaneFft1D;

/**
 * {@link MorletFilterBank1D#morlet} evaluates each Gaussian only where exp does not underflow to 0,
 * and a bank builds its filters in parallel with reused scratch. Both must give the bits of the plain
 * computation (every term of every period row summed, a fresh FFT per filter), here written out as
 * Kymatio's morlet_1d reads.
 */
class MorletFilterBank1DSkipTest {

    /** morlet_1d with every term computed: the code before the skipping. */
    static double[] everyTerm(int N, double xi, double sigma) {
        int P = Math.min(MorletFilterBank1D.adaptiveP(sigma), 5);
        int periods = 2 * P - 1;
        double twoSigma2 = 2 * (sigma * sigma);
        double[] low = new double[N];
        double[] gabor = new double[N];
        for (int row = 0; row < periods; row++) {
            for (int k = 0; k < N; k++) {
                double f = (double) ((long) (1 - P) * N + (long) row * N + k) / N;
                int half = (N - 1) / 2;
                double fl = P == 1 ? (double) (k <= half ? k : k - N) / N : f;
                low[k] += Math.exp(-(fl * fl) / twoSigma2);
                if (xi != 0) {
                    double d = f - xi;
                    gabor[k] += Math.exp(-(d * d) / twoSigma2);
                }
            }
        }
        double[] filter = new double[N];
        for (int k = 0; k < N; k++) {
            low[k] /= periods;
            gabor[k] /= periods;
        }
        if (xi != 0) {
            double kappa = gabor[0] / low[0];
            for (int k = 0; k < N; k++) {
                filter[k] = gabor[k] - kappa * low[k];
            }
        } else {
            System.arraycopy(low, 0, filter, 0, N);
        }
        // the norm is not what is skipped: the bank's, from this spectrum (or shorter ones, the same terms)
        double l1 = MorletFilterBank1D.l1InTime(xi, sigma, filter, new MorletFilterBank1D.Scratch(N));
        for (int k = 0; k < N; k++) {
            filter[k] /= l1;
        }
        return filter;
    }

    /**
     * The norm from a real-input FFT and half the moduli is morlet_1d's sum of all N moduli of the
     * complex inverse DFT, to rounding, for even and odd lengths.
     */
    @Test
    void theL1NormFromHalfTheFrequenciesIsTheFullSum() {
        java.util.Random rng = new java.util.Random(5);
        for (int N : new int[] {2, 3, 64, 1000, 1001, 4096, 32768}) {
            double[] filter = new double[N];
            for (int k = 0; k < N; k++) {
                filter[k] = rng.nextGaussian();
            }
            double[] re = filter.clone(), im = new double[N];
            new LaneFft1D(N, 1).inverse(re, im, N, 1);
            double full = 0;
            for (int t = 0; t < N; t++) {
                full += Math.hypot(re[t], im[t]);
            }
            double half = MorletFilterBank1D.l1InTime(filter, N, new MorletFilterBank1D.Scratch(N));
            assertEquals(full, half, 1e-13 * full, "N=" + N);
        }
    }

    @Test
    void skippingTheUnderflowingTermsChangesNoBit() {
        int zeros = 0;
        // narrow and wide, high and low, P = 1 (sigma large) to P = 5, odd and even lengths
        double[][] cases = {{0.35, 0.06}, {0.2, 0.004}, {0.05, 0.0007}, {0.001, 0.0001}, {0, 0.1 / 256}, {0, 0.1 / 4},
            {0.4, 0.3}, {0.25, 0.002}, {0, 0.9}};
        for (int N : new int[] {64, 1000, 4096, 32768}) {
            for (double[] c : cases) {
                double[] fast = MorletFilterBank1D.morlet(N, c[0], c[1]);
                assertArrayEquals(everyTerm(N, c[0], c[1]), fast, 0.0, "N=" + N + " xi=" + c[0] + " sigma=" + c[1]);
                for (double v : fast) {
                    zeros += v == 0 ? 1 : 0;
                }
            }
        }
        assertTrue(zeros > 10000, "the cases include filters with underflowed bins: " + zeros);
    }

    /**
     * The norm taken from shorter lengths (the impulse response wrapped around fewer samples) is the
     * norm at N to 1e-12: wavelets from the highest to the lowest centre of a long signal's bank, the
     * low-passes of T = 2^8 and of T = 2^14, whose responses span a good part of N.
     */
    @Test
    void theNormFromShorterLengthsIsTheNormAtN() {
        int N = 1 << 18;
        MorletFilterBank1D.Scratch w = new MorletFilterBank1D.Scratch(N);
        // the narrow low wavelets have responses wider than the first lengths, whose wrapped (and
        // cancelling) norms agree with each other and not with N's
        double[][] cases = {{0.4, 0.1}, {0.35, 0.06}, {0.05, 0.0007}, {0.0026, 0.00035},
            {0.001102771741303718, 5.7346485250366916E-5}, {0.0004, 0.00005}, {0, 0.1 / 256}, {0, 0.1 / 16384}, {0, 0.9}};
        for (double[] c : cases) {
            double[] raw = new double[N];
            MorletFilterBank1D.spectrum(c[0], c[1], N, w, raw);
            double full = MorletFilterBank1D.l1InTime(raw, N, w);
            double shorter = MorletFilterBank1D.l1InTime(c[0], c[1], raw, w);
            assertEquals(full, shorter, 1e-12 * full, "xi=" + c[0] + " sigma=" + c[1]);
            double[] normalized = MorletFilterBank1D.morlet(N, c[0], c[1]);
            assertEquals(1.0, MorletFilterBank1D.l1InTime(normalized, N, w), 1e-12, "unit norm at N: xi=" + c[0] + " sigma=" + c[1]);
        }
    }

    @Test
    void aBankBuiltInParallelHoldsThePlainFilters() {
        MorletFilterBank1D bank = MorletFilterBank1D.of(16384, 8, 12, 2, 256);
        for (MorletFilterBank1D.Filter f : bank.psi1()) {
            assertArrayEquals(everyTerm(16384, f.xi(), f.sigma()), f.level(0), 0.0, "psi1 xi=" + f.xi());
        }
        for (MorletFilterBank1D.Filter f : bank.psi2()) {
            assertArrayEquals(everyTerm(16384, f.xi(), f.sigma()), f.level(0), 0.0, "psi2 xi=" + f.xi());
        }
        assertArrayEquals(everyTerm(16384, 0, bank.phi().sigma()), bank.phi().level(0), 0.0, "phi");
    }
}
