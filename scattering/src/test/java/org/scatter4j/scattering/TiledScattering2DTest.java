package org.scatter4j.scattering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tiled scattering against the whole-image transform: equal away from the border, by the margin. */
class TiledScattering2DTest {

    /** Noise plus a few smooth blobs and an edge: every scale has energy everywhere. */
    static double[] image(int h, int w, long seed) {
        Random r = new Random(seed);
        double[] x = new double[h * w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                x[i * w + j] = r.nextGaussian() + Math.sin(0.3 * i + 0.1 * j) + (j > w / 3 ? 2 : 0)
                        + 3 * Math.exp(-((i - h / 2.0) * (i - h / 2.0) + (j - w / 4.0) * (j - w / 4.0)) / 200);
            }
        }
        return x;
    }

    /** The tiled output gathered into a (K, H', W') array, checking each position is written once. */
    static double[] tiled(TiledScattering2D t, double[] x, int h, int w, boolean float64, int threads) throws Exception {
        int k = t.tileTransform().channelCount();
        int outH = t.outputHeight(h);
        int outW = t.outputWidth(w);
        double[] out = new double[k * outH * outW];
        int[] writes = new int[outH * outW];
        t.transform(TiledScattering2D.source(x, h, w), (row0, col0, rows, cols, values) -> {
            for (int c = 0; c < k; c++) {
                for (int r = 0; r < rows; r++) {
                    for (int q = 0; q < cols; q++) {
                        out[(c * outH + row0 + r) * outW + col0 + q] = values[(c * rows + r) * cols + q];
                        if (c == 0) {
                            writes[(row0 + r) * outW + col0 + q]++;
                        }
                    }
                }
            }
        }, threads, float64);
        for (int p = 0; p < writes.length; p++) {
            assertEquals(1, writes[p], "output position " + p + " written once");
        }
        return out;
    }

    /**
     * The largest |tiled - whole| / (largest |whole| of the channel) over channels [c0, c1) at the
     * outputs at least {@code border} steps from the image border.
     */
    static double maxRelativeError(double[] a, double[] whole, int c0, int c1, int outH, int outW, int border) {
        double worst = 0;
        for (int c = c0; c < c1; c++) {
            double scale = 0;
            for (int p = 0; p < outH * outW; p++) {
                scale = Math.max(scale, Math.abs(whole[c * outH * outW + p]));
            }
            for (int i = border; i < outH - border; i++) {
                for (int j = border; j < outW - border; j++) {
                    int p = (c * outH + i) * outW + j;
                    worst = Math.max(worst, Math.abs(a[p] - whole[p]) / scale);
                }
            }
        }
        return worst;
    }

    @Test
    void equalsTheWholeImageAwayFromTheBorderToTheStatedBound() throws Exception {
        int h = 256;
        int w = 200;
        double[] x = image(h, w, 1);
        for (int J : new int[] {2, 3}) {
            Scattering2D whole = Scattering2D.of(J, h, w);
            double[] ref = whole.transform(x);
            int k = whole.channelCount();
            int m = TiledScattering2D.MARGIN;
            // a tile of 16 output steps: core 8, so the image takes several tiles each way
            TiledScattering2D t = new TiledScattering2D(J, 8, 2, 16 << J);
            assertEquals(whole.outputHeight(), t.outputHeight(h));
            assertEquals(whole.outputWidth(), t.outputWidth(w));
            double[] out = tiled(t, x, h, w, true, 2);
            int outH = whole.outputHeight();
            int outW = whole.outputWidth();
            double all = maxRelativeError(out, ref, 0, k, outH, outW, m);
            assertTrue(all <= 1e-3, "J=" + J + ": " + all);
            // S0 and the first order of j = 0 use level-0 filters only (Gaussian tails): negligible
            double level0 = maxRelativeError(out, ref, 0, 1 + 8, outH, outW, m);
            assertTrue(level0 <= 1e-10, "J=" + J + " level 0: " + level0);
            // the border differs, as the class comment says (so this comparison can see a difference)
            assertTrue(maxRelativeError(out, ref, 0, k, outH, outW, 0) > 1e-2);
        }
    }

    @Test
    void aMarginTooSmallGivesLargeDifferences() throws Exception {
        int h = 256;
        int w = 200;
        double[] x = image(h, w, 2);
        Scattering2D whole = Scattering2D.of(3, h, w);
        double[] ref = whole.transform(x);
        double[] errors = new double[5];
        for (int margin = 1; margin <= 4; margin++) {
            TiledScattering2D t = new TiledScattering2D(3, 8, 2, (2 * margin + 8) << 3, margin);
            double[] out = tiled(t, x, h, w, true, 1);
            errors[margin] = maxRelativeError(out, ref, 0, whole.channelCount(), whole.outputHeight(), whole.outputWidth(), 4);
        }
        assertTrue(errors[1] > 0.1, "margin 1: " + errors[1]);
        assertTrue(errors[1] > errors[2] && errors[2] > errors[3] && errors[3] > errors[4],
                java.util.Arrays.toString(errors));
    }

    @Test
    void float32TilesAgreeWithFloat64AndDoNotDependOnTheThreadCount() throws Exception {
        int h = 100;
        int w = 132;
        double[] x = image(h, w, 3);
        TiledScattering2D t = new TiledScattering2D(2, 4, 2, 48);
        double[] f64 = tiled(t, x, h, w, true, 2);
        double[] one = tiled(t, x, h, w, false, 1);
        double[] three = tiled(t, x, h, w, false, 3);
        assertTrue(java.util.Arrays.equals(one, three), "same bits with 1 and 3 threads");
        int k = t.tileTransform().channelCount();
        assertTrue(maxRelativeError(one, f64, 0, k, t.outputHeight(h), t.outputWidth(w), 0) <= 1e-5);
    }

    @Test
    void aTileLargerThanTheImageReadsTheReflectedImage() throws Exception {
        // 40 x 52 at J = 2 with tiles of 64: every tile reaches beyond the image on all sides
        double[] x = image(40, 52, 4);
        TiledScattering2D t = new TiledScattering2D(2, 8, 2, 64);
        double[] out = tiled(t, x, 40, 52, true, 1);
        Scattering2D whole = Scattering2D.of(2, 40, 52);
        assertEquals(whole.outputLength(), out.length);
        for (double v : out) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void badTileSizesAreRefusedWithTheirNumbers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TiledScattering2D(3, 8, 2, 100));
        assertTrue(e.getMessage().contains("100") && e.getMessage().contains("multiple of 2^J = 8"), e.getMessage());
        // 2^J * 2 margin = 64 is all margin, no core
        assertThrows(IllegalArgumentException.class, () -> new TiledScattering2D(3, 8, 2, 64));
        assertThrows(IllegalArgumentException.class, () -> new TiledScattering2D(3, 8, 2, 128, -1));
    }
}
