package org.scatter4j.rototranslation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scatter4j.testsupport.TestImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scatter4j.scattering.Scattering2D;

/** Rotation invariance of the roto-translation coefficients, exact and approximate. */
class RotationInvarianceTest {

    /**
     * 2c with c the rotation centre in image coordinates such that the rotation maps the padded grid,
     * every subsampled level grid and the window samples 2^J (i + 1) onto themselves (as in the
     * translation test): 2 (c + top) = Mp - 2^J.
     */
    static int twiceCentre(RotoScattering2D s) {
        return s.padding().paddedHeight() - (1 << s.J()) - 2 * s.padding().top();
    }

    @ParameterizedTest
    @CsvSource({"40, 3, 8, 3", "36, 2, 4, 2", "64, 4, 8, 3"})
    void ninetyDegreeRotationLeavesGlobalCoefficientsUnchanged(int n, int J, int L, int K) {
        RotoScattering2D s = RotoScattering2D.builder().J(J).L(L).K(K).shape(n, n).build();
        int pad = s.padding().top();
        int tc = twiceCentre(s);
        // support [lo, hi) with a zero border wider than the padding on every side, before and after rotation
        int lo = pad + 1;
        int hi = tc - pad;
        assertTrue(hi - lo >= 10 && hi <= n - (s.padding().paddedHeight() - n + 1) / 2 - 1, "support " + lo + ".." + hi);
        double[] x = TestImages.blob(n, lo, hi, 5);
        double[] rotated = TestImages.rotate90(x, n, tc);
        double[] sx = s.transform(x);
        double[] sr = s.transform(rotated);
        double err = TestImages.distance(sx, sr) / TestImages.norm(sx);
        System.out.printf("90-degree rotation, %dx%d J=%d L=%d K=%d (%d coefficients): relative change %.3e%n", n, n, J, L,
                K, sx.length, err);
        assertTrue(err <= 1e-6, "relative change " + err);
        // the image is not rotation-symmetric: translation scattering does move (a sanity check of the test)
        Scattering2D t = Scattering2D.builder().J(J).L(L).shape(n, n).build();
        double[] tx = t.transform(x);
        double[] tr = t.transform(rotated);
        assertTrue(TestImages.distance(tx, tr) / TestImages.norm(tx) > 1e-3);
    }

    @Test
    void ninetyDegreeRotationRotatesWindowMaps() {
        int n = 40;
        RotoScattering2D s = RotoScattering2D.builder().J(3).L(8).K(3).shape(n, n).averaging(Averaging.WINDOW).build();
        int pad = s.padding().top();
        int tc = twiceCentre(s);
        double[] x = TestImages.blob(n, pad + 1, tc - pad, 7);
        double[] sx = s.transform(x);
        double[] sr = s.transform(TestImages.rotate90(x, n, tc));
        int h = s.outputHeight();
        int w = s.outputWidth();
        assertEquals(h, w);
        double num = 0;
        double den = 0;
        for (int c = 0; c < s.paths().size(); c++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    double expected = sx[(c * h + j) * w + (h - 1 - i)];
                    double actual = sr[(c * h + i) * w + j];
                    num += (actual - expected) * (actual - expected);
                    den += expected * expected;
                }
            }
        }
        double err = Math.sqrt(num / den);
        System.out.printf("90-degree rotation, window averaging: relative error of the rotated maps %.3e%n", err);
        assertTrue(err <= 1e-6, "window maps: relative error " + err);
    }

    @Test
    void firstLayerIsCovariant() {
        // Y1_rot(u, a) = Y1(r^-1 u, a + L/2) (mod 2L; the sign of the shift is immaterial since Y1(., a + L) = Y1(., a))
        int n = 40;
        int L = 8;
        RotoScattering2D s = RotoScattering2D.builder().J(3).L(L).K(3).shape(n, n).build();
        int pad = s.padding().top();
        int tc = twiceCentre(s);
        double[] x = TestImages.blob(n, pad + 1, tc - pad, 9);
        double[] rotated = TestImages.rotate90(x, n, tc);
        int twicePadded = s.padding().paddedHeight() - (1 << s.J()); // 2 (c + top)
        double worst = 0;
        for (int j1 = 0; j1 < s.J(); j1++) {
            double[][] y = s.firstLayer(x, j1);
            double[][] yr = s.firstLayer(rotated, j1);
            int rows = s.padding().paddedHeight() >> j1;
            int shift = twicePadded >> j1;
            for (int a = 0; a < 2 * L; a++) {
                double[] before = y[(a + L / 2) % (2 * L)];
                double num = 0;
                double den = 0;
                for (int i = 0; i < rows; i++) {
                    for (int l = 0; l < rows; l++) {
                        double expected = before[l * rows + Math.floorMod(shift - i, rows)];
                        double actual = yr[a][i * rows + l];
                        num += (actual - expected) * (actual - expected);
                        den += expected * expected;
                    }
                }
                worst = Math.max(worst, Math.sqrt(num / den));
            }
            // and the conjugate symmetry of the extension to [0, 2 pi): Y1(., a + L) = Y1(., a)
            for (int a = 0; a < L; a++) {
                assertTrue(TestImages.distance(y[a], y[a + L]) <= 1e-12 * TestImages.norm(y[a]));
            }
        }
        System.out.printf("first-layer 90-degree covariance: worst relative error %.3e%n", worst);
        assertTrue(worst <= 1e-9, "first layer covariance error " + worst);
    }

    @Test
    void arbitraryRotationsMoveRotoCoefficientsLessThanTranslationCoefficients() {
        int n = 96;
        int J = 4;
        int L = 8;
        RotoScattering2D roto = RotoScattering2D.builder().J(J).L(L).K(3).shape(n, n).build();
        Scattering2D trans = Scattering2D.builder().J(J).L(L).shape(n, n).build();
        double worstRatio = Double.MAX_VALUE;
        for (long seed = 1; seed <= 2; seed++) {
            double[] x = TestImages.gratingsInDisc(n, seed);
            double[] r0 = roto.transform(x);
            double[] t0 = spatialMeans(trans, x);
            for (double degrees : new double[] {30, 45}) {
                double[] y = TestImages.rotateBilinear(x, n, Math.toRadians(degrees));
                double dr = TestImages.distance(roto.transform(y), r0) / TestImages.norm(r0);
                double dt = TestImages.distance(spatialMeans(trans, y), t0) / TestImages.norm(t0);
                System.out.printf("texture %d rotated %.0f deg: relative change roto %.4f, translation %.4f, ratio %.1f%n", seed,
                        degrees, dr, dt, dt / dr);
                worstRatio = Math.min(worstRatio, dt / dr);
            }
        }
        assertTrue(worstRatio >= 3, "translation/roto change ratio only " + worstRatio);
    }

    /** Translation scattering averaged over space: one number per channel. */
    static double[] spatialMeans(Scattering2D s, double[] x) {
        double[] out = s.transform(x);
        int plane = s.outputHeight() * s.outputWidth();
        double[] m = new double[s.channelCount()];
        for (int c = 0; c < m.length; c++) {
            double sum = 0;
            for (int q = 0; q < plane; q++) {
                sum += out[c * plane + q];
            }
            m[c] = sum / plane;
        }
        return m;
    }
}
