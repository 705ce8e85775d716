package org.scatter4j.scattering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scatter4j.testsupport.TestImages;
import org.scatter4j.testsupport.ThreadSafety;

/** Mathematical properties of S_J (Mallat 2012; Bruna and Mallat 2013), with real assertions. */
class ScatteringPropertiesTest {

    @Test
    void scatteringIsPositivelyHomogeneous() {
        // |.| is homogeneous and every other operation linear: S(a x) = a S(x) for a > 0.
        Scattering2D s = Scattering2D.of(3, 32, 40);
        double[] x = TestImages.roundBlob(40, 0, 40, 1);
        double[] x32 = java.util.Arrays.copyOf(x, 32 * 40);
        double[] scaled = x32.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= 3.7;
        }
        double[] sx = s.transform(x32);
        double[] sax = s.transform(scaled);
        for (int i = 0; i < sx.length; i++) {
            sx[i] *= 3.7;
        }
        assertTrue(TestImages.distance(sx, sax) <= 1e-12 * TestImages.norm(sx), "S(3.7 x) != 3.7 S(x): " + TestImages.distance(sx, sax) / TestImages.norm(sx));
    }

    @Test
    void smallTranslationsChangeSLessAsJGrows() {
        // Translation invariance (Mallat 2012, Thm 2.10): ||S x - S x_c|| = O(|c| / 2^J) ||x||.
        int n = 64;
        double[] x = TestImages.roundBlob(n, 12, 44, 3);
        double[] shifted = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 1; j < n; j++) {
                shifted[i * n + j] = x[i * n + j - 1]; // one pixel to the right; x is zero near the edges
            }
        }
        double previous = Double.MAX_VALUE;
        for (int J = 1; J <= 4; J++) {
            Scattering2D s = Scattering2D.of(J, n, n);
            double[] a = s.transform(x);
            double[] b = s.transform(shifted);
            double change = TestImages.distance(a, b) / TestImages.norm(a);
            assertTrue(change < previous, "J=" + J + ": relative change " + change + " not below J-1's " + previous);
            previous = change;
        }
        assertTrue(previous < 0.1, "J=4: a 1-pixel shift changes S by " + previous + " (>= 10%)");
    }

    @Test
    void rotatingByNinetyDegreesPermutesOrientations() {
        // x rotated about the centre of the output samples: S(r x)[path(t1 + L/2, t2 + L/2)] = r S(x)[path(t1, t2)]
        // exactly, because |x * psi_{theta + pi}| = |x * psi_theta| for a real x, the filters are sampled on a
        // grid that the rotation maps onto itself, and the kept samples k (i + 1), i < H', are symmetric about
        // (Mp - 2^J) / 2. The blob keeps a zero border wider than the padding, so padding commutes with r.
        int n = 32;
        int J = 2;
        int L = 8;
        Scattering2D s = Scattering2D.builder().J(J).L(L).shape(n, n).build();
        int twiceCentre = s.padding().paddedHeight() - (1 << J) - 2 * s.padding().top();
        double[] x = TestImages.roundBlob(n, 7, 22, 5);
        double[] rotated = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int sc = twiceCentre - r; // new(r, c) = old(c, -r) about the centre
                if (sc >= 0 && sc < n) {
                    rotated[r * n + c] = x[c * n + sc];
                }
            }
        }
        double[] sx = s.transform(x);
        double[] sr = s.transform(rotated);
        int h = s.outputHeight();
        int w = s.outputWidth();
        assertEquals(h, w);
        List<ScatteringPath> paths = s.paths();
        double worst = 0;
        for (int ch = 0; ch < paths.size(); ch++) {
            ScatteringPath p = paths.get(ch);
            ScatteringPath q = switch (p.order()) {
                case 0 -> p;
                case 1 -> ScatteringPath.first(p.j(0), (p.theta(0) + L / 2) % L);
                default -> ScatteringPath.second(p.j(0), (p.theta(0) + L / 2) % L, p.j(1), (p.theta(1) + L / 2) % L);
            };
            int chq = paths.indexOf(q);
            double num = 0;
            double den = 0;
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    double expected = sx[(ch * h + j) * w + (h - 1 - i)];
                    double actual = sr[(chq * h + i) * w + j];
                    num += (actual - expected) * (actual - expected);
                    den += expected * expected;
                }
            }
            worst = Math.max(worst, Math.sqrt(num / den));
        }
        assertTrue(worst < 1e-9, "worst channel error of the 90-degree rotation covariance: " + worst);
    }

    @Test
    void resultsAreIdenticalWhateverTheThreadsLanesOrCallPath() {
        int n = 28;
        int count = 21; // not a multiple of the lane block
        Random r = new Random(11);
        float[] images = new float[count * n * n];
        for (int i = 0; i < images.length; i++) {
            images[i] = r.nextFloat();
        }
        Scattering2D auto = Scattering2D.of(2, n, n);
        Scattering2D oneLane = Scattering2D.builder().J(2).shape(n, n).lanes(1).build();
        float[] a = new float[count * auto.outputLength()];
        float[] b = new float[a.length];
        float[] c = new float[a.length];
        auto.transformBatch(images, count, a, 1);
        auto.transformBatch(images, count, b, 2);
        oneLane.transformBatch(images, count, c, 3);
        assertArrayEquals(a, b);
        assertArrayEquals(a, c);
        float[] single = new float[auto.outputLength()];
        auto.transform(images, 20 * n * n, single, 0);
        assertArrayEquals(java.util.Arrays.copyOfRange(a, 20 * single.length, 21 * single.length), single);
        // one image spread over threads by first-order wavelet
        float[] spread = new float[single.length];
        auto.transformBatch(java.util.Arrays.copyOfRange(images, 20 * n * n, 21 * n * n), 1, spread, 3);
        assertArrayEquals(single, spread);
        // the float64 cascade (its own kernels and scratch) is deterministic in the same way
        double[] wide = new double[images.length];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = images[i];
        }
        double[] a64 = new double[a.length];
        double[] b64 = new double[a.length];
        double[] c64 = new double[a.length];
        auto.transformBatch(wide, count, a64, 1);
        auto.transformBatch(wide, count, b64, 2);
        oneLane.transformBatch(wide, count, c64, 3);
        assertArrayEquals(a64, b64);
        assertArrayEquals(a64, c64);
    }

    @Test
    void sharedInstanceIsThreadSafe() throws Exception {
        Scattering2D s = Scattering2D.of(2, 28, 28);
        double[] x = TestImages.roundBlob(28, 0, 28, 9);
        double[] expected = s.transform(x);
        ThreadSafety.assertSameOnAllThreads(expected, () -> s.transform(x), 4, 20);
    }

    @Test
    void channelCountAndShapesFollowTheFormula() {
        for (int J = 1; J <= 4; J++) {
            for (int L : new int[] {4, 6, 8, 12}) {
                Scattering2D s = Scattering2D.builder().J(J).L(L).shape(37, 50).build();
                assertEquals(1 + J * L + L * L * J * (J - 1) / 2, s.channelCount());
                assertEquals(1 + J * L, Scattering2D.builder().J(J).L(L).maxOrder(1).shape(37, 50).build().channelCount());
                assertEquals(s.padding().paddedHeight() / (1 << J) - 2, s.outputHeight());
            }
        }
    }

    @Test
    void badInputGetsClearErrors() {
        assertMessage(() -> Scattering2D.of(0, 28, 28), "J=0");
        assertMessage(() -> Scattering2D.builder().J(2).L(0).shape(28, 28).build(), "L=0");
        assertMessage(() -> Scattering2D.builder().J(2).L(65).shape(28, 28).build(), "L=65");
        assertMessage(() -> Scattering2D.builder().J(2).maxOrder(3).shape(28, 28).build(), "maxOrder=3");
        assertMessage(() -> Scattering2D.of(5, 28, 28), "2^J = 2^5 = 32");
        Scattering2D s = Scattering2D.of(2, 8, 8);
        double[] nan = new double[64];
        nan[9] = Double.NaN;
        assertMessage(() -> s.transform(nan), "NaN at (row 1, column 1)");
        float[] inf = new float[2 * 64];
        inf[64 + 3] = Float.POSITIVE_INFINITY;
        assertMessage(() -> s.transformBatch(inf, 2), "image 1 has a non-finite pixel Infinity");
        assertMessage(() -> s.transformBatch(new float[64], 0), "empty batch");
        assertMessage(() -> s.transform(new double[63]), "too short");
        assertMessage(() -> s.transformBatch(new float[64], 1, new float[1], 1), "too short");
        assertMessage(() -> s.transformBatch(new float[64], 1, new float[s.outputLength()], 0), "threads=0");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
