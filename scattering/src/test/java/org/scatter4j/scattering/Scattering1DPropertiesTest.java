package org.scatter4j.scattering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mathematical properties of Scattering1D, its determinism, and its refusal of bad input. */
class Scattering1DPropertiesTest {

    static double[] noise(int count, int n, long seed) {
        Random rng = new Random(seed);
        double[] x = new double[count * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian() * (1 + Math.sin(i * 0.01));
        }
        return x;
    }

    static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    /** The bench cases' blocks (g, e, f), and long signals: at least 4 lanes while a block array stays within 2^20 values. */
    @Test
    void blockLanesFollowThePaddedLength() {
        assertEquals(64, Scattering1D.builder().J(6).Q(8).length(1024).build().blockLanes());
        assertEquals(32, Scattering1D.builder().J(8).Q(12).length(8192).build().blockLanes());
        assertEquals(4, Scattering1D.builder().J(12).Q(8).length(65536).build().blockLanes());
        assertEquals(64, Scattering1D.blockLanes(64, 1));
        assertEquals(2, Scattering1D.blockLanes(1 << 19, 1));
        assertEquals(1, Scattering1D.blockLanes(1 << 21, 1));
    }

    /**
     * A block holds its lanes' outputs, so a large output per signal (small T, many channels) takes
     * fewer lanes: at most 2^21 output values per block, at least one lane. J=12, Q=(24, 4), T=2,
     * N=4096 (5689 channels x 2048) had 64 lanes, 6 GB of float64 output per block even for a batch
     * of two signals, and ran out of a 3 GB heap where Kymatio runs it.
     */
    @Test
    void blockLanesShrinkWithTheOutputPerSignal() {
        assertEquals(64, Scattering1D.blockLanes(1024, 2016)); // g
        assertEquals(16, Scattering1D.blockLanes(1024, 1 << 17));
        assertEquals(1, Scattering1D.blockLanes(1024, (1 << 21) + 1));
        assertEquals(1, Scattering1D.blockLanes(64, 1L << 40));
        Scattering1D s = Scattering1D.builder().J(12).Q(24, 4).T(2).length(4096).build();
        assertEquals(5689L * 2048, s.outputLength());
        assertEquals(1, s.blockLanes());
    }

    @Test
    void batchesAreBitIdenticalWhateverTheThreadCountAndGrouping() {
        Scattering1D s = Scattering1D.builder().J(6).Q(8).length(1024).build();
        int count = 13;
        double[] x = noise(count, 1024, 1);
        float[] xf = toFloat(x);
        int outLen = s.outputLength();
        double[] ref64 = new double[count * outLen];
        float[] ref32 = new float[count * outLen];
        s.transformBatch(x, count, ref64, 1);
        s.transformBatch(xf, count, ref32, 1);
        for (int threads : new int[] {2, 3, 4, 7}) {
            double[] o64 = new double[count * outLen];
            float[] o32 = new float[count * outLen];
            s.transformBatch(x, count, o64, threads);
            s.transformBatch(xf, count, o32, threads);
            assertArrayEquals(ref64, o64, 0.0, "float64, threads=" + threads);
            assertArrayEquals(ref32, o32, 0.0f, "float32, threads=" + threads);
        }
        // one signal alone (one lane) gives the same bits as inside a block of lanes
        double[] one = java.util.Arrays.copyOfRange(x, 5 * 1024, 6 * 1024);
        assertArrayEquals(java.util.Arrays.copyOfRange(ref64, 5 * outLen, 6 * outLen), s.transform(one), 0.0);
        assertArrayEquals(java.util.Arrays.copyOfRange(ref32, 5 * outLen, 6 * outLen), s.transform(toFloat(one)), 0.0f);
    }

    @Test
    void homogeneousOfDegreeOne() {
        Scattering1D s = Scattering1D.builder().J(5).Q(4, 2).length(700).build();
        double[] x = noise(2, 700, 2);
        double[] ax = x.clone();
        for (int i = 0; i < ax.length; i++) {
            ax[i] *= 3.75;
        }
        double[] sx = s.transformBatch(x, 2), sax = s.transformBatch(ax, 2);
        double err = 0, norm = 0;
        for (int i = 0; i < sx.length; i++) {
            err = Math.max(err, Math.abs(sax[i] - 3.75 * sx[i]));
            norm = Math.max(norm, Math.abs(3.75 * sx[i]));
        }
        assertTrue(err <= 1e-13 * norm, "S(a x) - a S(x): " + err + " of " + norm);
    }

    /** ||S(x) - S(x shifted by 8 samples)|| / ||S(x)||, for a burst in the middle of a silent signal. */
    private static double shiftChange(Scattering1D s, int n) {
        double[] x = new double[n], y = new double[n];
        for (int t = 0; t < n; t++) {
            double u = (t - n / 2.0) / (n / 16.0);
            x[t] = Math.exp(-u * u) * Math.cos(0.3 * t + 0.0004 * t * t);
            int ts = t - 8;
            double us = (ts - n / 2.0) / (n / 16.0);
            y[t] = Math.exp(-us * us) * Math.cos(0.3 * ts + 0.0004 * ts * ts);
        }
        double[] sx = s.transform(x), sy = s.transform(y);
        double d = 0, e = 0;
        for (int i = 0; i < sx.length; i++) {
            d += (sx[i] - sy[i]) * (sx[i] - sy[i]);
            e += sx[i] * sx[i];
        }
        return Math.sqrt(d / e);
    }

    @Test
    void translationInvarianceGrowsWithT() {
        int n = 4096;
        double previous = Double.POSITIVE_INFINITY;
        for (int T : new int[] {16, 64, 256, 1024}) {
            double change = shiftChange(Scattering1D.builder().J(8).Q(8).T(T).length(n).build(), n);
            assertTrue(change < previous, "T=" + T + ": " + change + " not below " + previous);
            previous = change;
        }
        double global = shiftChange(Scattering1D.builder().J(8).Q(8).globalAveraging().length(n).build(), n);
        // global sums of maps subsampled by 2^j1 still see the shift modulo 2^j1 (aliasing): small, not zero
        assertTrue(global < previous && global < 1e-2, "global averaging of a shifted burst: " + global + ", T=1024: " + previous);
    }

    @Test
    void firstOrderEnergyIsBoundedByTheLittlewoodPaleySum() {
        int n = 2048;
        Scattering1D s = Scattering1D.builder().J(7).Q(8).maxOrder(1).length(n).build();
        double[] x = noise(1, n, 3);
        double[] out = s.transform(x);
        double[] lp = s.filterBank().littlewoodPaley(1, false);
        double lpMax = java.util.Arrays.stream(lp).max().orElseThrow();
        double ex = 0;
        for (double v : x) {
            ex += v * v;
        }
        double e1 = 0;
        for (int q = s.outputSamples(); q < out.length; q++) {
            e1 += out[q] * out[q];
        }
        // stride * ||S1||^2 <= ||U1||^2 <= maxLP ||padded x||^2 <= maxLP 3 ||x||^2 (|phi| <= 1)
        assertTrue(s.stride() * e1 <= lpMax * 3 * ex, s.stride() * e1 + " > " + lpMax * 3 * ex);
        assertTrue(s.stride() * e1 >= 0.05 * ex, "first order keeps most of a white noise's energy: " + s.stride() * e1 + " of " + ex);
    }

    @Test
    void channelCountsAndShapesFollowKymatio() {
        Scattering1D s = Scattering1D.builder().J(6).Q(8).length(1024).build();
        assertEquals(126, s.channelCount());
        assertEquals(16, s.outputSamples());
        Scattering1D g = Scattering1D.builder().J(5).Q(4).globalAveraging().length(1000).build();
        assertEquals(46, g.channelCount());
        assertEquals(1, g.outputSamples());
    }

    // ------------------------------------------------------------------ bad input

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void refusesBadParametersWithMessagesNamingThem() {
        String m = message(() -> Scattering1D.builder().J(8).length(200).build());
        assertTrue(m.contains("J") && m.contains("8") && m.contains("200") && m.contains("[1, 7]"), m);
        m = message(() -> Scattering1D.builder().J(0).length(200).build());
        assertTrue(m.contains("J=0"), m);
        m = message(() -> Scattering1D.builder().J(4).Q(0).length(200).build());
        assertTrue(m.contains("Q1") && m.contains("0") && m.contains(">= 1"), m);
        m = message(() -> Scattering1D.builder().J(4).Q(4, 0).length(200).build());
        assertTrue(m.contains("Q2=0"), m);
        m = message(() -> Scattering1D.builder().J(4).T(300).length(200).build());
        assertTrue(m.contains("T=300") && m.contains("N=200"), m);
        m = message(() -> Scattering1D.builder().J(4).T(0));
        assertTrue(m.contains("T=0"), m);
        m = message(() -> Scattering1D.builder().J(4).maxOrder(3).length(200).build());
        assertTrue(m.contains("maxOrder=3"), m);
        m = message(() -> Scattering1D.builder().J(1).length(1).build());
        assertTrue(m.contains("N=1"), m);
        m = message(() -> Scattering1D.builder().J(4).build());
        assertTrue(m.contains("length"), m);
    }

    @Test
    void refusesNonFiniteSamplesNamingSignalAndSample() {
        Scattering1D s = Scattering1D.builder().J(4).Q(2).length(64).build();
        double[] x = noise(3, 64, 4);
        x[2 * 64 + 17] = Double.NaN;
        String m = message(() -> s.transformBatch(x, 3));
        assertTrue(m.contains("signal 2") && m.contains("17") && m.contains("NaN"), m);
        float[] f = toFloat(noise(2, 64, 5));
        f[40] = Float.POSITIVE_INFINITY;
        m = message(() -> s.transformBatch(f, 2));
        assertTrue(m.contains("signal 0") && m.contains("40") && m.contains("Infinity"), m);
    }

    /**
     * Huge but finite samples: float32 above 2^50 once gave NaN coefficients (squares overflowing in
     * the modulus); they are now computed in float64 and equal its result to float32 rounding.
     * float64 samples too big for the float64 cascade are refused, naming signal and sample.
     */
    @Test
    void hugeSamplesGiveFiniteRightOutputOrARefusal() {
        Scattering1D s = Scattering1D.builder().J(4).Q(2).length(64).build();
        double[] x = noise(2, 64, 6);
        for (int p = 64; p < 128; p++) {
            x[p] *= 0x1p70; // signal 1 only: signal 0 stays on the float32 path
        }
        float[] f = toFloat(x);
        float[] out = new float[2 * s.outputLength()];
        s.transformBatch(f, 2, out, 2);
        double[] exact = new double[2 * s.outputLength()];
        double[] fd = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            fd[i] = f[i];
        }
        s.transformBatch(fd, 2, exact, 1);
        for (int q = 0; q < out.length; q++) {
            assertTrue(Float.isFinite(out[q]), "coefficient " + q + " is " + out[q]);
        }
        for (int q = s.outputLength(); q < out.length; q++) {
            assertEquals((float) exact[q], out[q], "coefficient " + q + " of the huge signal");
        }
        double[] big = noise(2, 64, 7);
        big[64 + 9] = 1e300;
        String m = message(() -> s.transformBatch(big, 2));
        assertTrue(m.contains("signal 1") && m.contains("sample 9") && m.contains("1.0E300"), m);
    }

    /** Filters far beyond the heap are refused at once, before allocating (they ended in OutOfMemoryError). */
    @Test
    void filtersBeyondTheHeapAreRefusedBeforeAllocating() {
        long t0 = System.nanoTime();
        String m = message(() -> Scattering1D.builder().J(6).Q(100_000_000).length(1024).build());
        assertTrue(m.contains("Q=(100000000, 1)") && m.contains("of heap available"), m);
        m = message(() -> Scattering1D.builder().J(6).length(2_000_000_000).build());
        assertTrue(m.contains("N=2000000000") && m.contains("a Java array holds"), m);
        m = message(() -> Scattering1D.builder().J(6).Q(1000, 1000).length(1 << 22).build());
        assertTrue(m.contains("N=4194304") && m.contains("Q=(1000, 1000)") && m.contains("of heap available"), m);
        assertTrue(System.nanoTime() - t0 < 5e9, "refusals took " + (System.nanoTime() - t0) / 1e9 + " s");
    }

    @Test
    void refusesEmptyBatchesAndShortArrays() {
        Scattering1D s = Scattering1D.builder().J(4).Q(2).length(64).build();
        String m = message(() -> s.transformBatch(new float[0], 0));
        assertTrue(m.contains("empty batch") && m.contains("count=0"), m);
        m = message(() -> s.transformBatch(new double[100], 2));
        assertTrue(m.contains("100") && m.contains("128"), m);
        m = message(() -> s.transform(new double[63]));
        assertTrue(m.contains("63") && m.contains("64"), m);
    }
}
