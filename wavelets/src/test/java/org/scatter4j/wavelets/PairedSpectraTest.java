package org.scatter4j.wavelets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jtransforms.fft.DoubleFFT_2D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the bank computes and stores its spectra. It computes two wavelet spectra per complex FFT
 * (psi_n in the real part, psi_{n+1} in the imaginary part); each must equal the real part of its own
 * FFT up to the other's imaginary rounding residue, far below the 1e-5 agreement with Kymatio. It
 * stores them column-major, periodized on the transposed grid.
 */
class PairedSpectraTest {
    @ParameterizedTest
    @CsvSource({"40, 48, 2, 8", "32, 32, 1, 3", "64, 64, 3, 6"}) // the middle one has an odd number of wavelets
    void pairedSpectraEqualSeparateOnes(int M, int N, int J, int L) {
        MorletFilterBank bank = new MorletFilterBank(M, N, J, L);
        double worst = 0;
        for (int j = 0; j < J; j++) {
            for (int t = 0; t < L; t++) {
                MorletParameters w = bank.wavelet(j, t);
                double[] re = new double[M * N];
                double[] im = new double[M * N];
                Gabor2D.morlet(M, N, w.sigma(), w.theta(), w.xi(), w.slant(), re, im);
                double[] buf = new double[2 * M * N];
                for (int p = 0; p < M * N; p++) {
                    buf[2 * p] = re[p];
                    buf[2 * p + 1] = im[p];
                }
                new DoubleFFT_2D(M, N).complexForward(buf);
                double[] got = bank.psi(j, t, 0);
                double peak = 0;
                for (int p = 0; p < M * N; p++) {
                    peak = Math.max(peak, Math.abs(buf[2 * p]));
                    worst = Math.max(worst, Math.abs(got[p] - buf[2 * p]));
                }
                assertTrue(peak > 0.5, "peak " + peak);
            }
        }
        System.out.printf("paired vs separate spectra (%dx%d, J=%d, L=%d): max abs difference %.2e%n", M, N, J, L, worst);
        assertTrue(worst < 1e-13, "max abs difference " + worst);
    }

    /**
     * The bank stores the wavelets column-major and periodizes the transposed grid (N x M); the
     * row-major view of every level must be the row-major periodization of the level-0 filter
     * (periodization folds each axis on its own, so it commutes with the transpose; only the order of
     * the sums differs). Non-square grids, so that a swapped M and N would show.
     */
    @ParameterizedTest
    @CsvSource({"40, 48, 3, 4", "48, 32, 3, 2", "64, 32, 4, 3"})
    void storedLevelsAreThePeriodizationsOfLevelZero(int M, int N, int J, int L) {
        MorletFilterBank bank = new MorletFilterBank(M, N, J, L);
        int checked = 0;
        for (int j = 0; j < J; j++) {
            for (int t = 0; t < L; t++) {
                double[] level0 = bank.psi(j, t, 0);
                for (int r = 1; r < bank.psiLevels(j); r++) {
                    double[] want = Periodization.periodize(level0, M, N, r);
                    double[] got = bank.psi(j, t, r);
                    double[] columnMajor = bank.psiColumnMajor(j, t, r);
                    int m = M >> r;
                    int n = N >> r;
                    for (int row = 0; row < m; row++) {
                        for (int col = 0; col < n; col++) {
                            double w = want[row * n + col];
                            assertTrue(Math.abs(got[row * n + col] - w) <= 1e-12 * (1 + Math.abs(w)),
                                    "j=" + j + " t=" + t + " level " + r + " at " + row + "," + col);
                            assertTrue(columnMajor[col * m + row] == got[row * n + col], "column-major view");
                        }
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked > 0, "no periodized level was checked");
    }
}
