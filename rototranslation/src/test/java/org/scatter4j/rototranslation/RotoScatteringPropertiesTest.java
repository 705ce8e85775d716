package org.scatter4j.rototranslation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scatter4j.testsupport.TestImages;
import org.scatter4j.testsupport.ThreadSafety;
import org.scatter4j.wavelets.MorletParameters;

/** Paths, options, determinism, thread safety and input checking of RotoScattering2D. */
class RotoScatteringPropertiesTest {

    @Test
    void pathCountFollowsTheFormula() {
        assertEquals(341, RotoScattering2D.pathCount(5, 8, 3));
        RotoScattering2D s = RotoScattering2D.of(5, 200, 200);
        assertEquals(341, s.featureCount());
        assertEquals(341, s.paths().size());
        for (int J = 1; J <= 4; J++) {
            for (int L : new int[] {2, 4, 8}) {
                for (int K = 1; (1 << K) <= L; K++) {
                    RotoScattering2D t = RotoScattering2D.builder().J(J).L(L).K(K).shape(33, 40).build();
                    assertEquals(1 + J + J * K + L * (K + 1) * J * (J - 1) / 2, t.featureCount());
                    assertEquals(t.paths().size(), t.paths().stream().distinct().count(), "paths are distinct");
                    RotoScattering2D win = RotoScattering2D.builder().J(J).L(L).K(K).shape(33, 40).averaging(Averaging.WINDOW)
                            .build();
                    assertEquals(t.featureCount() * win.outputHeight() * win.outputWidth(), win.featureCount());
                }
            }
        }
        List<RotoPath> p = s.paths();
        assertEquals(RotoPath.zeroth(), p.get(0));
        assertEquals(RotoPath.first(4), p.get(5));
        assertEquals(RotoPath.firstAngular(0, 5, 0), p.get(6));
        assertEquals(RotoPath.second(0, 1, 0, -1), p.get(9));
        assertEquals(RotoPath.second(3, 4, 7, 2), p.get(p.size() - 4));
        assertEquals(RotoPath.firstAngular(4, 5, 2), p.get(p.size() - 1));
        // the translation coefficients come after, J L + L^2 J (J - 1) / 2 of them
        List<RotoPath> q = RotoScattering2D.builder().J(5).shape(200, 200).translationCoefficients(true).build().paths();
        assertEquals(341 + 40 + 640, q.size());
        assertEquals(p, q.subList(0, 341));
        assertEquals(RotoPath.translationFirst(0, 0), q.get(341));
        assertEquals(RotoPath.translationSecond(0, 0, 1, 0), q.get(341 + 8));
        assertEquals(RotoPath.translationSecond(3, 7, 4, 7), q.get(q.size() - 1 - 8));
        assertEquals(RotoPath.translationFirst(4, 7), q.get(q.size() - 1));
        assertEquals(q.size(), q.stream().distinct().count(), "paths are distinct");
    }

    @Test
    void orientationMapMatchesKymatioAngles() {
        for (int L : new int[] {2, 4, 6, 8, 16}) {
            for (int a = 0; a < 2 * L; a++) {
                int t = Orientations.kymatioIndex(a, L);
                double theta = MorletParameters.of(0, t, L).theta() + (Orientations.conjugate(a, L) ? Math.PI : 0);
                double diff = Math.IEEEremainder(theta - a * Math.PI / L, 2 * Math.PI);
                assertEquals(0.0, diff, 1e-12, "L=" + L + " a=" + a);
            }
        }
    }

    @Test
    void globalAveragingIsTheSpatialMeanOfTheWindowMaps() {
        // S0 and the phi_J x psi_k paths are linear in the window grid; the others differ (global mean on the
        // level grid vs low-passed window) but have the same order of magnitude: a consistency check of the two modes
        int n = 48;
        double[] x = TestImages.gratingsInDisc(n, 4);
        RotoScattering2D g = RotoScattering2D.builder().J(3).shape(n, n).build();
        RotoScattering2D w = RotoScattering2D.builder().J(3).shape(n, n).averaging(Averaging.WINDOW).build();
        double[] sg = g.transform(x);
        double[] sw = w.transform(x);
        int plane = w.outputHeight() * w.outputWidth();
        for (int c = 0; c < g.paths().size(); c++) {
            double mean = 0;
            for (int q = 0; q < plane; q++) {
                mean += sw[c * plane + q];
            }
            mean /= plane;
            RotoPath p = g.paths().get(c);
            if (p.kind() == RotoPath.Kind.FIRST_ANGULAR) {
                assertEquals(sg[c], mean, 1e-12 * Math.abs(sg[c]), p.toString());
            } else {
                assertTrue(mean > 0.2 * sg[c] && mean < 5 * sg[c] || p.kind() == RotoPath.Kind.ZEROTH, p + ": " + sg[c] + " vs " + mean);
            }
        }
    }

    @Test
    void renormalizationAndLogFollowTheirDefinitions() {
        int n = 40;
        double[] x = TestImages.gratingsInDisc(n, 2);
        // with the translation coefficients too: their order-2 means divide by their oriented order-1 parent
        RotoScattering2D plain = RotoScattering2D.builder().J(3).shape(n, n).translationCoefficients(true).build();
        RotoScattering2D renorm = RotoScattering2D.builder().J(3).shape(n, n).translationCoefficients(true).renormalize(true).build();
        RotoScattering2D both = RotoScattering2D.builder().J(3).shape(n, n).translationCoefficients(true).renormalize(true).log(true)
                .logEpsilon(1e-3).build();
        double[] s = plain.transform(x);
        double[] r = renorm.transform(x);
        double[] b = both.transform(x);
        List<RotoPath> paths = plain.paths();
        for (int c = 0; c < s.length; c++) {
            RotoPath p = paths.get(c);
            int parent = p.kind() == RotoPath.Kind.TRANSLATION_SECOND ? paths.indexOf(RotoPath.translationFirst(p.j1(), p.a1()))
                    : 1 + p.j1();
            double expected = p.order() == 2 ? s[c] / s[parent] : s[c];
            assertEquals(expected, r[c], 1e-15 * Math.abs(expected), p.toString());
            assertEquals(p.order() == 0 ? expected : Math.log(expected + 1e-3), b[c], 1e-14, p.toString());
        }
        // a blank image: log stays finite, renormalization gives 0 / 0 = 0
        double[] blank = both.transform(new double[n * n]);
        for (double v : blank) {
            assertTrue(Double.isFinite(v));
        }
        assertTrue(both.describe().contains("renormalized") && both.describe().contains("log"));
    }

    @Test
    void scalingTheImageScalesTheCoefficients() {
        int n = 40;
        double[] x = TestImages.gratingsInDisc(n, 3);
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] *= 2.5;
        }
        RotoScattering2D s = RotoScattering2D.builder().J(3).shape(n, n).build();
        double[] sx = s.transform(x);
        double[] sy = s.transform(y);
        for (int i = 0; i < sx.length; i++) {
            sx[i] *= 2.5;
        }
        assertTrue(TestImages.distance(sx, sy) <= 1e-13 * TestImages.norm(sx));
    }

    @Test
    void resultsAreIdenticalWhateverTheThreadsLanesOrCallPath() {
        int n = 24;
        int count = 23; // not a multiple of the lane block
        Random r = new Random(11);
        float[] images = new float[count * n * n];
        for (int i = 0; i < images.length; i++) {
            images[i] = r.nextFloat();
        }
        RotoScattering2D auto = RotoScattering2D.builder().J(2).L(8).shape(n, n).build();
        RotoScattering2D oneLane = RotoScattering2D.builder().J(2).L(8).shape(n, n).lanes(1).build();
        RotoScattering2D fiveLanes = RotoScattering2D.builder().J(2).L(8).shape(n, n).lanes(5).build();
        assertTrue(auto.blockLanes() > 1, "the test should exercise several lanes");
        int f = auto.featureCount();
        float[] a = new float[count * f];
        float[] b = new float[count * f];
        float[] c = new float[count * f];
        float[] d = new float[count * f];
        auto.transformBatch(images, count, a, 1);
        auto.transformBatch(images, count, b, 2);
        oneLane.transformBatch(images, count, c, 3);
        fiveLanes.extract(images, count, d, 4);
        assertArrayEquals(a, b);
        assertArrayEquals(a, c);
        assertArrayEquals(a, d);
        float[] single = auto.transform(java.util.Arrays.copyOfRange(images, 22 * n * n, 23 * n * n));
        assertArrayEquals(java.util.Arrays.copyOfRange(a, 22 * f, 23 * f), single);
        // the float64 cascade (float64 input and output): deterministic in the same way, and within
        // float32 rounding of the float32 cascade (relative to each image's largest coefficient)
        double[] d64 = new double[count * n * n];
        for (int i = 0; i < d64.length; i++) {
            d64[i] = images[i];
        }
        double[] o64 = new double[count * f];
        double[] p64 = new double[count * f];
        auto.transformBatch(d64, count, o64, 2);
        oneLane.transformBatch(d64, count, p64, 1);
        assertArrayEquals(o64, p64);
        for (int img = 0; img < count; img++) {
            double scale = 0;
            for (int q = img * f; q < (img + 1) * f; q++) {
                scale = Math.max(scale, Math.abs(o64[q]));
            }
            for (int q = img * f; q < (img + 1) * f; q++) {
                assertEquals(o64[q], a[q], 1e-5 * scale, "image " + img + ", coefficient " + (q - img * f));
            }
        }
    }

    @Test
    void sharedInstanceIsThreadSafe() throws Exception {
        RotoScattering2D s = RotoScattering2D.builder().J(2).shape(28, 28).build();
        double[] x = TestImages.blob(28, 0, 28, 9);
        double[] expected = s.transform(x);
        ThreadSafety.assertSameOnAllThreads(expected, () -> s.transform(x), 4, 10);
    }

    @Test
    void badInputGetsClearErrors() {
        assertMessage(() -> RotoScattering2D.of(0, 28, 28), "J=0");
        assertMessage(() -> RotoScattering2D.builder().shape(28, 28).build(), "J is required");
        assertMessage(() -> RotoScattering2D.builder().J(2).L(5).shape(28, 28).build(), "L=5");
        assertMessage(() -> RotoScattering2D.builder().J(2).L(5).shape(28, 28).build(), "even");
        assertMessage(() -> RotoScattering2D.builder().J(2).L(0).shape(28, 28).build(), "L=0");
        assertMessage(() -> RotoScattering2D.builder().J(2).L(66).shape(28, 28).build(), "[2, 64]");
        assertMessage(() -> RotoScattering2D.builder().J(2).K(0).shape(28, 28).build(), "K=0");
        assertMessage(() -> RotoScattering2D.builder().J(2).L(8).K(4).shape(28, 28).build(), "[1, 3] for L=8, got K=4");
        assertMessage(() -> RotoScattering2D.of(5, 28, 40), "2^J = 2^5 = 32");
        assertMessage(() -> RotoScattering2D.of(5, 28, 40), "J <= 4");
        assertMessage(() -> RotoScattering2D.builder().J(2).shape(28, 28).log(true).logEpsilon(0).build(), "logEpsilon=0");
        assertMessage(() -> RotoScattering2D.builder().J(2).shape(28, 28).logEpsilon(Double.NaN).build(), "logEpsilon=NaN");
        assertMessage(() -> RotoScattering2D.builder().J(2).shape(28, 28).lanes(-1).build(), "lanes=-1");
        assertMessage(() -> RotoScattering2D.builder().J(2).shape(28, 28).averaging(Averaging.WINDOW).coarseSecondLayer(true).build(),
                "averaging=WINDOW");
        assertMessage(() -> RotoScattering2D.builder().J(2).shape(28, 28).averaging(Averaging.WINDOW).translationCoefficients(true)
                .build(), "translationCoefficients(true) needs Averaging.GLOBAL");
        RotoScattering2D s = RotoScattering2D.of(2, 8, 8);
        double[] nan = new double[64];
        nan[9] = Double.NaN;
        assertMessage(() -> s.transform(nan), "NaN at (row 1, column 1)");
        float[] inf = new float[2 * 64];
        inf[64 + 3] = Float.POSITIVE_INFINITY;
        assertMessage(() -> s.transformBatch(inf, 2), "image 1 has a non-finite pixel Infinity");
        assertMessage(() -> s.transformBatch(new float[64], 0), "empty batch");
        assertMessage(() -> s.transformBatch(new float[64], 1, new float[s.featureCount()], 0), "threads=0");
        assertMessage(() -> s.transform(new double[63]), "too short");
        assertMessage(() -> s.transformBatch(new float[64], 2, new float[2 * s.featureCount()], 1), "images array of length 64 is too short");
        assertMessage(() -> s.transformBatch(new float[64], 1, new float[1], 1), "output array of length 1 is too short");
        assertMessage(() -> s.firstLayer(new double[64], 2), "j1=2");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
