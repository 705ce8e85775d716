package org.scatter4j.scattering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scatter4j.scattering.engine.LaneBatchEngine;
import org.scatter4j.scattering.engine.Records;

/**
 * {@link Scattering1D#transformBatch(double[], int, float[], int)}: the float32 transform of float64
 * samples, which enter the cascade's float64 spectrum of x without being rounded to float32. Its
 * accuracy against Kymatio is in {@link Kymatio1DAgreementTest}; here, that it is the float32
 * transform (the same bits when the samples are float32 values), that it does not round the samples
 * (it beats the float32 samples where their rounding shows), and that it keeps the float32 path's
 * determinism, refusals and huge-sample rule.
 */
class Float32FromFloat64SamplesTest {

    /** A loud tone over noise 1e5 times weaker: the rounding of the tone's samples swamps the noise's channels. */
    private static double[] toneOverWeakNoise(int count, int n, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[count * n];
        for (int b = 0; b < count; b++) {
            double f = 0.05 + 0.01 * b;
            for (int t = 0; t < n; t++) {
                x[b * n + t] = Math.sin(2 * Math.PI * f * t) + 1e-5 * rnd.nextGaussian();
            }
        }
        return x;
    }

    private static float[] float32(Scattering1D s, double[] x, int count, int threads) {
        float[] y = new float[count * s.outputLength()];
        s.transformBatch(x, count, y, threads);
        return y;
    }

    @Test
    void float32ValuedSamplesGiveTheFloat32PathsBits() {
        for (Scattering1D s : new Scattering1D[] {
            Scattering1D.builder().J(6).Q(8).length(1024).build(),
            Scattering1D.builder().J(5).Q(4).length(1000).globalAveraging().build()}) {
            int count = 70; // two blocks and a part, and one single-signal call below
            double[] x = Scattering1DPropertiesTest.noise(count, s.signalLength(), 3);
            float[] f = Scattering1DPropertiesTest.toFloat(x);
            double[] exact = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                exact[i] = f[i];
            }
            assertArrayEquals(s.transformBatch(f, count), float32(s, exact, count, 2), s.toString());
            double[] one = java.util.Arrays.copyOf(exact, s.signalLength());
            assertArrayEquals(s.transform(java.util.Arrays.copyOf(f, s.signalLength())), float32(s, one, 1, 1), s + ", one signal");
        }
    }

    /**
     * The samples are not rounded: on a tone over noise 1e5 times weaker, float32 samples leave the
     * noise's channels far from float64 (input rounding), float64 samples keep them within float32
     * arithmetic's 5e-6.
     */
    @Test
    void theSamplesAreNotRounded() {
        Scattering1D s = Scattering1D.builder().J(8).Q(8, 2).length(4096).build();
        int count = 3;
        double[] x = toneOverWeakNoise(count, 4096, 5);
        double[] y64 = s.transformBatch(x, count);
        double fromFloat32 = Float32FirstOrderFallbackTest.worst(s, s.transformBatch(Scattering1DPropertiesTest.toFloat(x), count),
                y64, count);
        double fromFloat64 = Float32FirstOrderFallbackTest.worst(s, float32(s, x, count, 2), y64, count);
        System.out.printf("tone over noise 1e5 weaker: float32 against float64, from float32 samples %.2e, from float64 samples %.2e%n",
                fromFloat32, fromFloat64);
        assertTrue(fromFloat32 > 2e-5, "the input rounding should show here, got " + fromFloat32);
        assertTrue(fromFloat64 <= 5e-6, "from float64 samples: " + fromFloat64);
    }

    @Test
    void sameBitsAtAnyThreadCountAndBatchSplit() {
        Scattering1D s = Scattering1D.builder().J(6).Q(8).length(1024).build();
        int count = 40;
        double[] x = toneOverWeakNoise(count, 1024, 9);
        float[] one = float32(s, x, count, 1);
        assertArrayEquals(one, float32(s, x, count, 2));
        assertArrayEquals(one, float32(s, x, count, 7));
        int len = s.outputLength();
        for (int b : new int[] {0, 17, 39}) {
            float[] alone = float32(s, java.util.Arrays.copyOfRange(x, b * 1024, (b + 1) * 1024), 1, 3);
            assertArrayEquals(java.util.Arrays.copyOfRange(one, b * len, (b + 1) * len), alone, "signal " + b + " alone");
        }
    }

    @Test
    void refusalsNameSignalAndSample() {
        Scattering1D s = Scattering1D.builder().J(4).Q(2).length(64).build();
        float[] out = new float[2 * s.outputLength()];
        double[] x = Scattering1DPropertiesTest.noise(2, 64, 4);
        x[64 + 5] = Double.NaN;
        String m = assertThrows(IllegalArgumentException.class, () -> s.transformBatch(x, 2, out, 1)).getMessage();
        assertTrue(m.contains("signal 1") && m.contains("position 5") && m.contains("NaN"), m);
        x[64 + 5] = 1e300;
        m = assertThrows(IllegalArgumentException.class, () -> s.transformBatch(x, 2, out, 1)).getMessage();
        assertTrue(m.contains("signal 1") && m.contains("sample 5") && m.contains("1.0E300"), m);
        m = assertThrows(IllegalArgumentException.class, () -> s.transformBatch(x, 0, out, 1)).getMessage();
        assertTrue(m.contains("empty batch"), m);
        m = assertThrows(IllegalArgumentException.class, () -> s.transformBatch(new double[100], 2, out, 1)).getMessage();
        assertTrue(m.contains("too short"), m);
    }

    /** Samples above 2^50 are computed in float64 and rounded, as on the float32 path; beyond float32's range, refused. */
    @Test
    void hugeSamplesFollowTheFloat32PathsRule() {
        Scattering1D s = Scattering1D.builder().J(4).Q(2).length(64).build();
        double[] x = Scattering1DPropertiesTest.noise(2, 64, 6);
        for (int p = 64; p < 128; p++) {
            x[p] *= 0x1p70;
        }
        float[] out = float32(s, x, 2, 2);
        double[] exact = s.transformBatch(x, 2);
        for (int q = s.outputLength(); q < out.length; q++) {
            assertEquals((float) exact[q], out[q], "coefficient " + q + " of the huge signal");
        }
        for (int p = 64; p < 128; p++) {
            x[p] *= 0x1p100; // 2^170: coefficients beyond float32's range
        }
        String m = assertThrows(IllegalArgumentException.class, () -> float32(s, x, 2, 1)).getMessage();
        assertTrue(m.contains("signal 1") && m.contains("exceeds the float32 range"), m);
    }

    /** The engine's blocks take records of their own precision, or float64 into a float32 block that keeps x in float64. */
    @Test
    void float32RecordsIntoAFloat64BlockAreRefused() {
        Scattering1D s = Scattering1D.builder().J(4).Q(2).length(64).build();
        LaneBatchEngine<?, ?> engine64 = new LaneBatchEngine<>(new Scattering1DCascade(s, Scattering1DCascade.FALLBACK), 4);
        String m = assertThrows(IllegalArgumentException.class, () -> engine64.run(new Records.Float32("x", new float[64], 0, 1, 64),
                new Records.Float64("y", new double[s.outputLength()], 0, 1, s.outputLength()), 1)).getMessage();
        assertTrue(m.contains("float64 block takes float64 records"), m);
    }
}
