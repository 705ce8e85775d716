package org.scatter4j.scattering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The float32 transforms are as exact for a signal or image of amplitude 1e-30 or 1e30 as for one of
 * amplitude 1: the engine loads a record whose largest |value| lies outside [2^-20, 2^20) scaled by a
 * power of two and divides it out of the outputs (LaneBlock.normalizeAmplitude), which the transform's
 * homogeneity (S(s x) = s S(x)) makes exact.
 * Before, the float32 modulus squared values below float32's range: 1e-17 lost weak channels
 * (7e-6), 1e-19 every channel (relative error 1).
 */
class Float32AmplitudeTest {

    private static double[] signal(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = Math.sin(0.05 * t) + 0.3 * Math.sin(0.9 * t + 1) + 0.1 * r.nextGaussian();
        }
        return x;
    }

    /** Worst relative L2 error per channel of float32 coefficients against float64 ones (channel-major). */
    private static double worst(int channels, float[] f32, double[] f64) {
        int T = f64.length / channels;
        double worst = 0;
        for (int c = 0; c < channels; c++) {
            double num = 0, den = 0;
            for (int t = 0; t < T; t++) {
                double d = f32[c * T + t] - f64[c * T + t];
                num += d * d;
                den += f64[c * T + t] * f64[c * T + t];
            }
            worst = Math.max(worst, Math.sqrt(num / den));
        }
        return worst;
    }

    @Test
    void tinyAndHugeSignalsAreAsExactAsOrdinaryOnes() {
        for (Scattering1D s : new Scattering1D[] {Scattering1D.builder().J(6).Q(8).length(1024).build(),
                Scattering1D.builder().J(5).Q(4, 2).T(16).length(500).build(),
                Scattering1D.builder().J(6).Q(8).globalAveraging().length(1024).build()}) {
            double[] x = signal(s.signalLength(), 3);
            for (double amplitude : new double[] {1, 1e-12, 1e-19, 1e-25, 1e-30, 1e20, 1e30}) {
                double[] y = new double[x.length];
                for (int t = 0; t < x.length; t++) {
                    y[t] = x[t] * amplitude;
                }
                double[] f64 = s.transform(y);
                float[] f32 = new float[f64.length];
                s.transformBatch(y, 1, f32, 1);
                double e = worst(s.channelCount(), f32, f64);
                assertTrue(e < 1e-5, s + " amplitude " + amplitude + ": float32 against float64 " + e);
            }
        }
    }

    /** The same in 2D: an image of amplitude 1e-20 lost every channel in float32 (0.97), one of 1e-30 all of them. */
    @Test
    void tinyAndHugeImagesAreAsExactAsOrdinaryOnes() {
        Scattering2D s = Scattering2D.builder().J(2).shape(32, 32).build();
        Random r = new Random(3);
        double[] x = new double[32 * 32];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(0.3 * (i % 32)) * Math.cos(0.2 * (i / 32)) + 0.1 * r.nextGaussian();
        }
        int C = s.channelCount();
        for (double amplitude : new double[] {1, 1e-17, 1e-20, 1e-30, 1e20}) {
            double[] y = new double[x.length];
            float[] y32 = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = x[i] * amplitude;
                y32[i] = (float) y[i];
            }
            double worst = worst(C, s.transform(y32), s.transform(y));
            assertTrue(worst < 1e-5, "amplitude " + amplitude + ": float32 against float64 " + worst);
        }
    }

    /** A power-of-two amplitude changes every output by exactly that power (float32 and float64 inputs alike). */
    @Test
    void powerOfTwoAmplitudesScaleTheOutputsExactly() {
        Scattering1D s = Scattering1D.builder().J(6).Q(8).length(1024).build();
        double[] x = signal(1024, 5);
        float[] x32 = new float[x.length];
        for (int t = 0; t < x.length; t++) {
            x32[t] = (float) x[t];
        }
        float[] base = s.transformBatch(x32, 1);
        double[] base64 = s.transformBatch(x, 1);
        for (int e : new int[] {-100, -60, -3, 7, 40}) { // beyond 2^50 the float64 rule for huge samples applies (Float32Range)
            float[] y32 = new float[x.length];
            double[] y = new double[x.length];
            for (int t = 0; t < x.length; t++) {
                y32[t] = Math.scalb(x32[t], e);
                y[t] = Math.scalb(x[t], e);
            }
            float[] out = s.transformBatch(y32, 1);
            double[] out64 = s.transformBatch(y, 1);
            float[] expected = new float[base.length];
            double[] expected64 = new double[base.length];
            for (int i = 0; i < base.length; i++) {
                expected[i] = Math.scalb(base[i], e);
                expected64[i] = Math.scalb(base64[i], e);
            }
            if (e > -100) { // at 2^-100 float32 outputs fall below 2^-126 and round as subnormals
                assertArrayEquals(expected, out, "float32, 2^" + e);
            }
            assertArrayEquals(expected64, out64, "float64, 2^" + e);
        }
    }
}
