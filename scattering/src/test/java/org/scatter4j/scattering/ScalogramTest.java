package org.scatter4j.scattering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scatter4j.wavelets.Padding1D;

/** The scalogram against a direct time-domain convolution of the padded signal with each wavelet. */
class ScalogramTest {

    @Test
    void matchesDirectTimeDomainConvolution() {
        int n = 300;
        Random rng = new Random(7);
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = Math.cos(0.002 * t * t) + 0.3 * rng.nextGaussian();
        }
        for (int resolution : new int[] {0, 2}) {
            Scalogram sg = Scalogram.of(n, 4, 4, resolution);
            double[] rows = sg.compute(x);
            Padding1D pad = Scattering1D.builder().J(4).Q(4).length(n).build().padding();
            int np = pad.paddedLength();
            double[] xp = new double[np];
            for (int p = 0; p < np; p++) {
                xp[p] = x[pad.source(p)];
            }
            double worst = 0, scale = 0;
            for (int r = 0; r < sg.rowCount(); r++) {
                double[] spec = sg.filterBank().psi1().get(r).level(0);
                // the wavelet in time by a direct inverse DFT
                double[] hr = new double[np], hi = new double[np];
                for (int t = 0; t < np; t++) {
                    for (int k = 0; k < np; k++) {
                        double a = 2 * Math.PI * (((long) k * t) % np) / np;
                        hr[t] += spec[k] * Math.cos(a) / np;
                        hi[t] += spec[k] * Math.sin(a) / np;
                    }
                }
                for (int c = 0; c < sg.columnCount(); c++) {
                    int t = (pad.start(resolution) + c) << resolution;
                    double yr = 0, yi = 0;
                    for (int s = 0; s < np; s++) {
                        int d = Math.floorMod(t - s, np);
                        yr += xp[s] * hr[d];
                        yi += xp[s] * hi[d];
                    }
                    double direct = Math.hypot(yr, yi);
                    worst = Math.max(worst, Math.abs(direct - rows[r * sg.columnCount() + c]));
                    scale = Math.max(scale, direct);
                }
            }
            assertTrue(worst <= 1e-12 * scale, "resolution " + resolution + ": " + worst + " of " + scale);
            assertEquals((n + (1 << resolution) - 1) >> resolution, sg.columnCount(), "columns at resolution " + resolution);
        }
    }

    @Test
    void rowsAreTheFirstOrderWaveletsWithTheirFrequenciesInHz() {
        Scalogram sg = Scalogram.of(4096, 8, 12, 3);
        Scattering1D s = Scattering1D.builder().J(8).Q(12).maxOrder(1).length(4096).build();
        assertEquals(s.channelCount() - 1, sg.rowCount());
        double[] hz = sg.frequenciesHz(16000);
        for (int r = 0; r < sg.rowCount(); r++) {
            assertEquals(s.paths().get(1 + r).xi1() * 16000, hz[r], 1e-9);
            if (r > 0) {
                assertTrue(hz[r] < hz[r - 1], "decreasing frequency");
            }
        }
        assertTrue(hz[0] < 8000 && hz[0] > 5000, "highest row below Nyquist: " + hz[0]);
    }

    @Test
    void refusesBadInput() {
        Scalogram sg = Scalogram.of(256, 4, 4, 0);
        String m = assertThrows(IllegalArgumentException.class, () -> sg.compute(new double[255])).getMessage();
        assertTrue(m.contains("255") && m.contains("256"), m);
        double[] x = new double[256];
        x[9] = Double.NaN;
        m = assertThrows(IllegalArgumentException.class, () -> sg.compute(x)).getMessage();
        assertTrue(m.contains("NaN") && m.contains("9"), m);
        m = assertThrows(IllegalArgumentException.class, () -> Scalogram.of(256, 4, 4, 5)).getMessage();
        assertTrue(m.contains("resolution=5"), m);
        m = assertThrows(IllegalArgumentException.class, () -> sg.frequenciesHz(0)).getMessage();
        assertTrue(m.contains("sample rate"), m);
        // finite but huge (1e307 gave 66 non-finite values): a refusal naming the sample
        double[] huge = new double[256];
        huge[40] = 1e307;
        m = assertThrows(IllegalArgumentException.class, () -> sg.compute(huge)).getMessage();
        assertTrue(m.startsWith("signal 0: sample 40 is 1.0E307, above the largest magnitude"), m);
        // float32 at full scale, alternating sign: finite (unit L1 norm wavelets)
        float[] loud = new float[256];
        for (int t = 0; t < 256; t++) {
            loud[t] = t % 2 == 0 ? -Float.MAX_VALUE : Float.MAX_VALUE;
        }
        for (float v : sg.compute(loud)) {
            assertTrue(Float.isFinite(v));
        }
        float[] big = new float[256];
        big[40] = 1e30f;
        for (float v : sg.compute(big)) {
            assertTrue(Float.isFinite(v));
        }
    }
}
