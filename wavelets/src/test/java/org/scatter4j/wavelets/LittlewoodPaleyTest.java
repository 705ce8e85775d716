package org.scatter4j.wavelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jtransforms.fft.DoubleFFT_2D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Frame properties of the Morlet bank (Mallat 2012, section 2.2): the Littlewood-Paley sum
 * A(w) = |phi(w)|^2 + sum (|psi(w)|^2 + |psi(-w)|^2) / 2 is bounded above by about 1, so the wavelet
 * transform does not amplify energy, and bounded away from 0, so it loses no frequency; in the band
 * the bank is designed for (|w| &lt;= pi/2) it is close to 1.
 */
class LittlewoodPaleyTest {

    @ParameterizedTest
    @CsvSource({"36,2,8", "64,3,8", "64,3,4", "64,3,6", "96,4,8", "128,4,12"})
    void littlewoodPaleySumIsBounded(int M, int J, int L) {
        MorletFilterBank bank = new MorletFilterBank(M, M, J, L);
        double[] lp = bank.littlewoodPaley();
        double min = Double.MAX_VALUE;
        double max = 0;
        double minLowBand = Double.MAX_VALUE;
        for (int r = 0; r < M; r++) {
            for (int c = 0; c < M; c++) {
                double v = lp[r * M + c];
                min = Math.min(min, v);
                max = Math.max(max, v);
                double wr = 2 * Math.PI * (r <= M / 2 ? r : r - M) / M;
                double wc = 2 * Math.PI * (c <= M / 2 ? c : c - M) / M;
                if (Math.hypot(wr, wc) <= Math.PI / 2) {
                    minLowBand = Math.min(minLowBand, v);
                }
            }
        }
        assertTrue(max <= 1.1, "upper frame bound " + max + " > 1.1");
        assertTrue(min >= 0.05, "lower frame bound " + min + " < 0.05 (a frequency is lost)");
        assertTrue(minLowBand >= 0.6, "in |w| <= pi/2 the sum falls to " + minLowBand);
        // phi(0) = 1 (the low-pass keeps the mean) and every wavelet has zero mean.
        assertEquals(1.0, bank.phi(0)[0], 1e-3);
        for (MorletParameters w : bank.wavelets()) {
            assertEquals(0.0, bank.psi(w.j(), w.thetaIndex(), 0)[0], 1e-12, "mean of psi " + w);
        }
    }

    /**
     * The sum as the formula reads, from the row-major filters psi() and phi(0), on grids where a
     * mix-up of rows and columns would show: non-square ones, and an orientation count (L = 5) whose
     * set is not symmetric about the diagonal (for L = 4, 6, 8, 12 a transposed filter set has the
     * same sum, so the bound test above cannot see one).
     */
    @ParameterizedTest
    @CsvSource({"40,48,2,5", "48,32,3,8", "36,36,2,5"})
    void littlewoodPaleySumIsTheFormulaOfTheFilters(int M, int N, int J, int L) {
        MorletFilterBank bank = new MorletFilterBank(M, N, J, L);
        double[] lp = bank.littlewoodPaley();
        double[] phi = bank.phi(0);
        double[][] psi = new double[J * L][];
        for (MorletParameters w : bank.wavelets()) {
            psi[w.j() * L + w.thetaIndex()] = bank.psi(w.j(), w.thetaIndex(), 0);
        }
        for (int r = 0; r < M; r++) {
            for (int c = 0; c < N; c++) {
                int p = r * N + c;
                int q = ((M - r) % M) * N + (N - c) % N;
                double want = phi[p] * phi[p];
                for (double[] f : psi) {
                    want += 0.5 * (f[p] * f[p] + f[q] * f[q]);
                }
                assertEquals(want, lp[p], 1e-12, "Littlewood-Paley sum at (" + r + ", " + c + ")");
            }
        }
    }

    /**
     * Energy of one wavelet layer of a real random image, by actual FFT convolutions: between the
     * frame bounds times ||x||^2 (Parseval on the periodic grid).
     */
    @ParameterizedTest
    @CsvSource({"64,3,8", "48,2,6"})
    void waveletLayerEnergyIsWithinFrameBounds(int M, int J, int L) {
        MorletFilterBank bank = new MorletFilterBank(M, M, J, L);
        double[] lp = bank.littlewoodPaley();
        double a = Double.MAX_VALUE;
        double b = 0;
        for (double v : lp) {
            a = Math.min(a, v);
            b = Math.max(b, v);
        }
        Random rnd = new Random(7);
        double[] x = new double[2 * M * M];
        double energy = 0;
        for (int p = 0; p < M * M; p++) {
            x[2 * p] = rnd.nextGaussian();
            energy += x[2 * p] * x[2 * p];
        }
        new DoubleFFT_2D(M, M).complexForward(x);
        double layer = filteredEnergy(x, bank.phi(0), M);
        for (MorletParameters w : bank.wavelets()) {
            // psi_theta and its mirror psi_{theta + pi} (same modulus for a real x) share the energy.
            layer += 0.5 * (filteredEnergy(x, bank.psi(w.j(), w.thetaIndex(), 0), M)
                    + filteredEnergy(x, mirrored(bank.psi(w.j(), w.thetaIndex(), 0), M), M));
        }
        assertTrue(layer <= b * energy * (1 + 1e-12), "layer energy " + layer + " > " + b + " ||x||^2 = " + b * energy);
        assertTrue(layer >= a * energy, "layer energy " + layer + " < " + a + " ||x||^2");
        // White noise spreads energy over all frequencies: the ratio is the mean of A(w).
        double meanA = java.util.Arrays.stream(lp).average().orElseThrow();
        assertEquals(meanA, layer / energy, 0.1 * meanA);
    }

    /** Spatial energy of x * f, by Parseval: sum |X f|^2 / (M M). */
    private static double filteredEnergy(double[] spectrum, double[] filter, int M) {
        double e = 0;
        for (int p = 0; p < M * M; p++) {
            double re = spectrum[2 * p] * filter[p];
            double im = spectrum[2 * p + 1] * filter[p];
            e += re * re + im * im;
        }
        return e / (M * (double) M);
    }

    private static double[] mirrored(double[] filter, int M) {
        double[] out = new double[M * M];
        for (int r = 0; r < M; r++) {
            for (int c = 0; c < M; c++) {
                out[r * M + c] = filter[((M - r) % M) * M + (M - c) % M];
            }
        }
        return out;
    }
}
