package org.scatter4j.rototranslation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scatter4j.wavelets.Gabor2D;
import org.scatter4j.wavelets.MorletParameters;

/**
 * The fast cascade (FFT products on the translation cascade's maps, conjugate symmetry, angular FFT)
 * against an obvious, slow implementation of the definitions: circular convolutions on the padded
 * grid by explicit sums, the wavelet at angle a pi / L built directly from its angle (no index map,
 * no symmetry), and the angular convolution by explicit loops over the 2L angles. A map on the
 * level-r grid (the padded grid subsampled by 2^r) is convolved with the level-r filter: the
 * filter's spectrum restricted to the band [-m/2, m/2] that grid represents (the two Nyquist
 * aliases with weight 1/2: the symmetric fold of SymmetricPeriodization, written out again here)
 * and folded, brought back to space by an explicit inverse DFT and applied by explicit sums; the
 * low-pass phi uses the filter bank's own level filter (even, so Kymatio's fold is symmetric).
 */
class DirectImplementationTest {

    @ParameterizedTest
    @CsvSource({"2, false, false", "3, false, false", "2, true, false", "3, true, false", "3, false, true", "3, true, true"})
    void groupConvolutionAgreesWithExplicitSums(int J, boolean coarse, boolean translation) {
        int n = 16;
        int L = 4;
        int K = 2;
        RotoScattering2D s = RotoScattering2D.builder().J(J).L(L).K(K).shape(n, n).coarseSecondLayer(coarse)
                .translationCoefficients(translation).build();
        double[] x = testImage(n, n, 3);
        double[] fast = s.transform(x);
        double[] slow = direct(s, x);
        assertEquals(slow.length, fast.length);
        assertEquals(RotoScattering2D.pathCount(J, L, K) + (translation ? J * L + L * L * J * (J - 1) / 2 : 0), fast.length);
        double worst = 0;
        double scale = 0;
        for (double v : slow) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < fast.length; i++) {
            worst = Math.max(worst, Math.abs(fast[i] - slow[i]));
            if (Math.abs(fast[i] - slow[i]) > (coarse ? 1e-7 : 1e-10) * Math.max(1e-300, Math.abs(slow[i]))) {
                System.out.println("  differs: " + s.paths().get(i) + " fast " + fast[i] + " direct " + slow[i]);
            }
        }
        System.out.printf("direct vs fast (16x16, J=%d, L=4, K=2, coarse %b, translation %b, %d coefficients): max abs error %.3e"
                + " (max |S| %.3e)%n", J, coarse, translation, fast.length, worst, scale);
        assertEquals(coarse, s.coarseSecondLayer());
        if (coarse) { // the coarse grid changes the order-2 means, a little
            double[] exact = RotoScattering2D.builder().J(J).L(L).K(K).shape(n, n).translationCoefficients(translation).build()
                    .transform(x);
            double change = 0;
            for (int i = 1 + J + J * K; i < RotoScattering2D.pathCount(J, L, K); i++) {
                change = Math.max(change, Math.abs(exact[i] - fast[i]) / exact[i]);
            }
            System.out.printf("  coarse vs Kymatio-grid second layer: max relative change %.3e%n", change);
            assertTrue(change > 1e-6 && change < 0.5, "relative change " + change);
        }
        // the coarse option also skips second-layer filter entries below 1e-6 of the peak: a change of
        // ~1e-9 here, still 10^7 times below what the coarse grid changes (see below)
        double tolerance = coarse ? 1e-7 : 1e-10;
        assertTrue(worst <= tolerance * scale, "fast and direct differ by " + worst);
        // and every order-2 coefficient is a genuine, non-trivial number
        for (int i = 0; i < fast.length; i++) {
            assertTrue(Double.isFinite(fast[i]));
        }
    }

    /**
     * A non-square image: the fast transform keeps spectra and filters column-major (rows and
     * columns swapped against the image), which a square grid cannot check.
     */
    @ParameterizedTest
    @CsvSource({"2, 16, 24, false", "3, 24, 16, true"})
    void groupConvolutionAgreesWithExplicitSumsOnANonSquareImage(int J, int height, int width, boolean translation) {
        RotoScattering2D s = RotoScattering2D.builder().J(J).L(4).K(2).shape(height, width)
                .translationCoefficients(translation).build();
        double[] x = testImage(height, width, 5);
        double[] fast = s.transform(x);
        double[] slow = direct(s, x);
        assertEquals(slow.length, fast.length);
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < fast.length; i++) {
            worst = Math.max(worst, Math.abs(fast[i] - slow[i]));
            scale = Math.max(scale, Math.abs(slow[i]));
        }
        System.out.printf("direct vs fast (%dx%d, J=%d, L=4, K=2, translation %b): max abs error %.3e (max |S| %.3e)%n",
                height, width, J, translation, worst, scale);
        assertTrue(worst <= 1e-10 * scale, "fast and direct differ by " + worst);
    }

    /** Noise plus a slanted ripple, so that no orientation is trivially zero. */
    private static double[] testImage(int height, int width, long seed) {
        Random r = new Random(seed);
        double[] x = new double[height * width];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble() + 0.3 * Math.sin(0.9 * (i / width) + 0.4 * (i % width));
        }
        return x;
    }

    /** The transform by the definitions; returns the coefficients in the order of s.paths(). */
    static double[] direct(RotoScattering2D s, double[] x) {
        int J = s.J();
        int L = s.L();
        int n = 2 * L;
        int Mp = s.padding().paddedHeight();
        int Np = s.padding().paddedWidth();
        double[] xp = new double[Mp * Np];
        s.padding().pad(x, 0, xp);
        // spatial wavelets at angle a pi / L, straight from the Morlet formula
        double[][][][] psi = new double[J][n][][];
        for (int j = 0; j < J; j++) {
            MorletParameters p = MorletParameters.of(j, 0, L);
            for (int a = 0; a < n; a++) {
                double[] re = new double[Mp * Np];
                double[] im = new double[Mp * Np];
                Gabor2D.morlet(Mp, Np, p.sigma(), a * Math.PI / L, p.xi(), p.slant(), re, im);
                psi[j][a] = new double[][] {re, im};
            }
        }
        // level-r versions (r >= 1) of every wavelet: spectrum (explicit DFT), crop-and-fold, explicit inverse DFT
        double[][][][][] psiLevel = new double[J][J][n][][];
        for (int j = 0; j < J; j++) {
            for (int a = 0; a < n; a++) {
                psiLevel[j][0][a] = psi[j][a];
                double[] spectrum = dft2(psi[j][a][0], psi[j][a][1], Mp, Np, -1)[0]; // real up to rounding
                for (int r = 1; r < J; r++) {
                    int m = Mp >> r;
                    int mc = Np >> r;
                    double[] folded = new double[m * mc];
                    for (int fr = -Mp / 2; fr < Mp / 2; fr++) {
                        for (int fc = -Np / 2; fc < Np / 2; fc++) {
                            double wgt = (2 * Math.abs(fr) < m ? 1 : 2 * Math.abs(fr) == m ? 0.5 : 0)
                                    * (2 * Math.abs(fc) < mc ? 1 : 2 * Math.abs(fc) == mc ? 0.5 : 0);
                            folded[Math.floorMod(fr, m) * mc + Math.floorMod(fc, mc)] +=
                                    wgt * spectrum[Math.floorMod(fr, Mp) * Np + Math.floorMod(fc, Np)];
                        }
                    }
                    double[][] sp = dft2(folded, new double[folded.length], Mp >> r, Np >> r, +1);
                    double inv = 1.0 / ((Mp >> r) * (Np >> r));
                    for (int q = 0; q < folded.length; q++) {
                        sp[0][q] *= inv;
                        sp[1][q] *= inv;
                    }
                    psiLevel[j][r][a] = sp;
                }
            }
        }
        AngularFilterBank ang = s.angularFilters();
        double[][][] h = new double[s.K() + 1][][];
        for (int f = 0; f <= s.K(); f++) {
            h[f] = ang.spatial(f);
        }
        List<RotoPath> paths = s.paths();
        double[] out = new double[paths.size()];
        double mean = 0;
        for (double v : xp) {
            mean += v;
        }
        out[0] = mean / xp.length;
        int H = s.outputHeight();
        int W = s.outputWidth();
        for (int j1 = 0; j1 < J; j1++) {
            int step1 = 1 << j1;
            int r1 = Mp / step1;
            int c1 = Np / step1;
            // Y1(a)(i, l) = |sum_v xp(v) psi(2^j1 (i, l) - v)|, all 2L angles computed directly
            double[][] y1 = new double[n][r1 * c1];
            for (int a = 0; a < n; a++) {
                for (int i = 0; i < r1; i++) {
                    for (int l = 0; l < c1; l++) {
                        double re = 0;
                        double im = 0;
                        for (int vr = 0; vr < Mp; vr++) {
                            for (int vc = 0; vc < Np; vc++) {
                                int q = Math.floorMod(step1 * i - vr, Mp) * Np + Math.floorMod(step1 * l - vc, Np);
                                re += xp[vr * Np + vc] * psi[j1][a][0][q];
                                im += xp[vr * Np + vc] * psi[j1][a][1][q];
                            }
                        }
                        y1[a][i * c1 + l] = Math.hypot(re, im);
                    }
                }
            }
            double sum = 0;
            for (double[] m : y1) {
                for (double v : m) {
                    sum += v;
                }
            }
            out[1 + j1] = sum / (n * (double) r1 * c1);
            if (s.translationCoefficients()) {
                for (int a1 = 0; a1 < L; a1++) {
                    double m = 0;
                    for (double v : y1[a1]) {
                        m += v;
                    }
                    out[indexOf(paths, RotoPath.translationFirst(j1, a1))] = m / ((double) r1 * c1);
                }
            }
            // phi_J x psi_k: (Y1 * phi)(2^(J-j1) (i + 1), 2^(J-j1) (k + 1)) on the level-j1 grid, then the angle
            double[] phi = dft2(s.filterBank().phi(j1), new double[r1 * c1], r1, c1, +1)[0];
            for (int q = 0; q < phi.length; q++) {
                phi[q] /= (double) r1 * c1;
            }
            int kLow = 1 << (J - j1);
            double[][] low = new double[n][H * W];
            for (int a = 0; a < n; a++) {
                for (int i = 0; i < H; i++) {
                    for (int l = 0; l < W; l++) {
                        double acc = 0;
                        for (int vi = 0; vi < r1; vi++) {
                            for (int vl = 0; vl < c1; vl++) {
                                int q = Math.floorMod(kLow * (i + 1) - vi, r1) * c1 + Math.floorMod(kLow * (l + 1) - vl, c1);
                                acc += y1[a][vi * c1 + vl] * phi[q];
                            }
                        }
                        low[a][i * W + l] = acc;
                    }
                }
            }
            for (int k = 0; k < s.K(); k++) {
                double[][] zr = low;
                double[][] zi = new double[n][H * W];
                out[indexOf(paths, RotoPath.firstAngular(j1, J, k))] = angularMean(zr, zi, h[1 + k]);
            }
            for (int j2 = j1 + 1; j2 < J; j2++) {
                int level2 = s.coarseSecondLayer() ? j2 + 1 : j2; // the coarse option samples every second point
                int step2 = 1 << level2;
                int r2 = Mp / step2;
                int c2 = Np / step2;
                int k2 = 1 << (level2 - j1);
                for (int a2 = 0; a2 < L; a2++) {
                    // Z(a')(u) = sum_v Y1(a')(v) psi^{level j1}_{j2, a' + a2}(2^(j2-j1) u - v), level-j1 coordinates
                    double[][] zr = new double[n][r2 * c2];
                    double[][] zi = new double[n][r2 * c2];
                    for (int ap = 0; ap < n; ap++) {
                        double[][] w = psiLevel[j2][j1][(ap + a2) % n];
                        for (int i = 0; i < r2; i++) {
                            for (int l = 0; l < c2; l++) {
                                double re = 0;
                                double im = 0;
                                for (int vi = 0; vi < r1; vi++) {
                                    for (int vl = 0; vl < c1; vl++) {
                                        int q = Math.floorMod(k2 * i - vi, r1) * c1 + Math.floorMod(k2 * l - vl, c1);
                                        double y = y1[ap][vi * c1 + vl];
                                        re += y * w[0][q];
                                        im += y * w[1][q];
                                    }
                                }
                                zr[ap][i * c2 + l] = re;
                                zi[ap][i * c2 + l] = im;
                            }
                        }
                    }
                    for (int k = -1; k < s.K(); k++) {
                        out[indexOf(paths, RotoPath.second(j1, j2, a2, k))] = angularMean(zr, zi, h[k + 1]);
                    }
                    if (s.translationCoefficients()) { // |Y1(a1) * psi_{j2, a1 + a2}| averaged over u
                        for (int a1 = 0; a1 < L; a1++) {
                            double m = 0;
                            for (int q = 0; q < r2 * c2; q++) {
                                m += Math.hypot(zr[a1][q], zi[a1][q]);
                            }
                            out[indexOf(paths, RotoPath.translationSecond(j1, a1, j2, a2))] = m / ((double) r2 * c2);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Unnormalized 2D DFT by explicit separable sums: sum_x f(x) exp(sign 2 pi i (k r / rows + l c / cols)). */
    static double[][] dft2(double[] re, double[] im, int rows, int cols, int sign) {
        double[] tr = new double[rows * cols];
        double[] ti = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int l = 0; l < cols; l++) {
                double ar = 0;
                double ai = 0;
                for (int c = 0; c < cols; c++) {
                    double ang = sign * 2 * Math.PI * ((long) l * c % cols) / cols;
                    double cs = Math.cos(ang);
                    double sn = Math.sin(ang);
                    ar += re[r * cols + c] * cs - im[r * cols + c] * sn;
                    ai += re[r * cols + c] * sn + im[r * cols + c] * cs;
                }
                tr[r * cols + l] = ar;
                ti[r * cols + l] = ai;
            }
        }
        double[] or = new double[rows * cols];
        double[] oi = new double[rows * cols];
        for (int k = 0; k < rows; k++) {
            for (int l = 0; l < cols; l++) {
                double ar = 0;
                double ai = 0;
                for (int r = 0; r < rows; r++) {
                    double ang = sign * 2 * Math.PI * ((long) k * r % rows) / rows;
                    double cs = Math.cos(ang);
                    double sn = Math.sin(ang);
                    ar += tr[r * cols + l] * cs - ti[r * cols + l] * sn;
                    ai += tr[r * cols + l] * sn + ti[r * cols + l] * cs;
                }
                or[k * cols + l] = ar;
                oi[k * cols + l] = ai;
            }
        }
        return new double[][] {or, oi};
    }

    /** mean over pixels and a of |sum_{a'} z(a') f(a - a')|, by explicit loops. */
    static double angularMean(double[][] zr, double[][] zi, double[][] f) {
        int n = zr.length;
        int size = zr[0].length;
        double sum = 0;
        for (int p = 0; p < size; p++) {
            for (int a = 0; a < n; a++) {
                double re = 0;
                double im = 0;
                for (int ap = 0; ap < n; ap++) {
                    int d = Math.floorMod(a - ap, n);
                    re += zr[ap][p] * f[0][d] - zi[ap][p] * f[1][d];
                    im += zr[ap][p] * f[1][d] + zi[ap][p] * f[0][d];
                }
                sum += Math.hypot(re, im);
            }
        }
        return sum / ((double) n * size);
    }

    private static int indexOf(List<RotoPath> paths, RotoPath p) {
        int i = paths.indexOf(p);
        assertTrue(i >= 0, "missing path " + p);
        return i;
    }
}
