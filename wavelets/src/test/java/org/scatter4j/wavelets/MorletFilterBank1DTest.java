package org.scatter4j.wavelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The 1D Morlet filter bank: Kymatio's numbers for a known case, Littlewood-Paley bounds, padding. */
class MorletFilterBank1DTest {

    @Test
    void littlewoodPaleySumIsBoundedOnTheWaveletBand() {
        // Kymatio's filters (J=8, Q=12, N=8192) give a first-order sum in [0.464, 1.126] between the lowest
        // and the highest centre frequency, a second-order (Q=1) one in [0.872, 1.240]
        Padding1D pad = Padding1D.of(8192, 8, 256);
        MorletFilterBank1D bank = MorletFilterBank1D.of(pad.paddedLength(), 8, 12, 1, 256);
        for (int order = 1; order <= 2; order++) {
            List<MorletFilterBank1D.Filter> psi = order == 1 ? bank.psi1() : bank.psi2();
            double lo = psi.get(psi.size() - 1).xi(), hi = psi.get(0).xi();
            double[] lp = bank.littlewoodPaley(order, false);
            double min = Double.POSITIVE_INFINITY, max = 0;
            for (int k = 0; k < lp.length; k++) {
                double f = (double) k / lp.length;
                if (f >= lo && f <= hi) {
                    min = Math.min(min, lp[k]);
                }
                max = Math.max(max, lp[k]);
            }
            assertEquals(order == 1 ? 0.4642571454987961 : 0.8717714179345439, min, 1e-9, "band minimum, order " + order);
            assertEquals(order == 1 ? 1.1263321610006416 : 1.239559524128324, max, 1e-9, "maximum, order " + order);
        }
    }

    @Test
    void kymatioPaddingAndFilterCounts() {
        Padding1D pad = Padding1D.of(1024, 6, 64);
        assertEquals(2048, pad.paddedLength());
        assertEquals(512, pad.padLeft());
        assertEquals(512, pad.padRight());
        assertEquals(16, pad.end(6) - pad.start(6));
        MorletFilterBank1D bank = MorletFilterBank1D.of(2048, 6, 8, 1, 64);
        assertEquals(38, bank.psi1().size());
        assertEquals(6, bank.phi().j());
        for (MorletFilterBank1D.Filter f : bank.psi1()) {
            // Kymatio's _check_filterbanks: no aliasing at the first order
            assertTrue(f.xi() < 0.5 / (1 << f.j()), "xi " + f.xi() + " j " + f.j());
            assertEquals(0.0, f.level(0)[0], 1e-12, "zero mean");
        }
        // reflect padding does not repeat the edge sample
        assertEquals(1, pad.source(pad.padLeft() - 1));
        assertEquals(1022, pad.source(pad.padLeft() + 1024));
    }

    @Test
    void exactLog2Helpers() {
        assertEquals(1, MorletFilterBank1D.floorMinusLog2(0.5));
        assertEquals(1, MorletFilterBank1D.floorMinusLog2(0.3));
        assertEquals(2, MorletFilterBank1D.floorMinusLog2(0.25));
        assertEquals(10, MorletFilterBank1D.ceilLog2(1000));
        assertEquals(10, MorletFilterBank1D.ceilLog2(1024));
        assertEquals(9, MorletFilterBank1D.floorLog2(1023));
    }
}
