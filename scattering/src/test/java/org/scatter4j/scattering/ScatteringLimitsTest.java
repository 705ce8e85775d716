package org.scatter4j.scattering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scatter4j.wavelets.MorletFilterBank;
import org.scatter4j.wavelets.Padding;

/** Sizes that cannot work are refused at the door with a message; huge float32 pixels give right outputs. */
class ScatteringLimitsTest {

    @Test
    void sizesBeyondAJavaArrayAreRefusedWithTheirNumbers() {
        // 46341^2 overflowed int in the filter bank (NegativeArraySizeException), 65536^2 indexed out of bounds
        for (int n : new int[] {46341, 65536, Integer.MAX_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Scattering2D.builder().J(3).shape(n, n).config());
            assertTrue(e.getMessage().contains(n + "x" + n) && e.getMessage().contains("tiles"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new Padding(46341, 46341, 3));
        IllegalArgumentException side = assertThrows(IllegalArgumentException.class, () -> Padding.paddedSize(Integer.MAX_VALUE - 3, 3));
        assertTrue(side.getMessage().contains(String.valueOf(Integer.MAX_VALUE - 3)), side.getMessage());
        IllegalArgumentException bank = assertThrows(IllegalArgumentException.class, () -> new MorletFilterBank(46368, 46368, 3, 8));
        assertTrue(bank.getMessage().contains("46368x46368"), bank.getMessage());
    }

    @Test
    void anOutputBeyondAJavaArrayIsRefused() {
        // 30000^2 at J=3: padded 30016^2 fits an array, but 217 channels of 3750^2 do not
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scattering2D.builder().J(3).shape(30000, 30000).config());
        assertTrue(e.getMessage().contains("output values") && e.getMessage().contains("217 channels"), e.getMessage());
    }

    @Test
    void aTransformLargerThanTheHeapIsRefusedBeforeAnyWork() {
        long heap = Runtime.getRuntime().maxMemory();
        // 20000^2 at J = 3 needs ~4e8 padded pixels x ~1 KB: far above any test heap
        assertFalse(ScatteringMemory.fits(20000, 20000, 3, 8, 2, 1, false, heap));
        long t0 = System.nanoTime();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scattering2D.of(3, 20000, 20000));
        assertTrue((System.nanoTime() - t0) / 1e9 < 1, "refused before building anything");
        String m = e.getMessage();
        assertTrue(m.contains("20000x20000") && m.contains("GB") && m.contains("SCATTER4J_JAVA_OPTS=-Xmx")
                && m.contains("--tile") && !m.contains("\n"), m);
        // and an ordinary size is accepted
        assertTrue(ScatteringMemory.fits(256, 256, 3, 8, 2, 2, false, heap));
    }

    @Test
    void theEstimateFollowsTheMeasuredFigures() {
        // 2048^2 at J=3 (2064^2 padded) died at 3.3 GB of a 3 GB heap: the estimate must say more than 3 GB
        long e2048 = ScatteringMemory.estimateBytes(2048, 2048, 3, 8, 2, 2, false);
        assertTrue(e2048 > 3_500_000_000L && e2048 < 6_000_000_000L, "2048^2 J=3: " + e2048);
        long small = ScatteringMemory.estimateBytes(256, 256, 3, 8, 2, 1, false);
        Runtime r = Runtime.getRuntime();
        System.gc();
        long before = r.totalMemory() - r.freeMemory();
        Scattering2D s = Scattering2D.of(3, 256, 256);
        System.gc();
        long built = r.totalMemory() - r.freeMemory() - before;
        assertEquals(256, s.height());
        // the filters alone are most of the estimate: within a factor 2 either way of what was measured
        assertTrue(built < small && built > small / 3, "estimate " + small + " vs built " + built);
    }

    static float[] randomImage(int h, int w, float amplitude, long seed) {
        Random r = new Random(seed);
        float[] x = new float[h * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * r.nextDouble());
        }
        return x;
    }

    static double maxRelative(float[] f32, double[] f64) {
        double max = 0;
        double scale = 0;
        for (double v : f64) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < f32.length; i++) {
            assertTrue(Float.isFinite(f32[i]), "coefficient " + i + " is " + f32[i]);
            max = Math.max(max, Math.abs(f32[i] - f64[i]) / scale);
        }
        return max;
    }

    @Test
    void hugeFiniteFloat32PixelsGiveFiniteOutputsEqualToFloat64() {
        Scattering2D s = Scattering2D.of(2, 24, 28);
        for (float amplitude : new float[] {1e20f, 1e30f}) {
            float[] x = randomImage(24, 28, amplitude, 3);
            double[] x64 = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x64[i] = x[i];
            }
            double[] ref = s.transform(x64);
            assertTrue(maxRelative(s.transform(x), ref) <= 1e-5, "amplitude " + amplitude);
            // the batch path too, with an ordinary image beside the huge one
            float[] two = new float[2 * x.length];
            float[] plain = randomImage(24, 28, 1f, 4);
            System.arraycopy(plain, 0, two, 0, x.length);
            System.arraycopy(x, 0, two, x.length, x.length);
            float[] out = new float[2 * s.outputLength()];
            s.transformBatch(two, 2, out, 2);
            assertTrue(maxRelative(java.util.Arrays.copyOfRange(out, s.outputLength(), 2 * s.outputLength()), ref) <= 1e-5);
            assertTrue(java.util.Arrays.equals(s.transform(plain), java.util.Arrays.copyOf(out, s.outputLength())),
                    "an ordinary image keeps its float32 bits");
        }
    }

    @Test
    void constantImageNearTheFloat32LimitIsFiniteAndRight() {
        Scattering2D s = Scattering2D.of(2, 24, 24);
        float[] x = new float[24 * 24];
        java.util.Arrays.fill(x, 3e38f);
        double[] x64 = new double[x.length];
        java.util.Arrays.fill(x64, 3e38f);
        float[] out = s.transform(x);
        assertTrue(maxRelative(out, s.transform(x64)) <= 1e-5);
        assertEquals(3e38f, out[0], 3e38f * 1e-3); // S0 of a constant image is the constant times phi's gain (1 + 3e-5)
    }

    @Test
    void coefficientsBeyondFloat32AreRefusedNotWrittenAsInfinity() {
        Scattering2D s = Scattering2D.of(2, 24, 24);
        // a constant image at the float32 maximum: S0 is the constant times the low-pass's gain at
        // frequency 0, a little above 1 on this grid, so it does not fit in float32
        float[] x = new float[24 * 24];
        java.util.Arrays.fill(x, Float.MAX_VALUE);
        double[] x64 = new double[x.length];
        java.util.Arrays.fill(x64, Float.MAX_VALUE);
        assertTrue(s.transform(x64)[0] > Float.MAX_VALUE, "precondition: S0 exceeds float32");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.transform(x));
        assertTrue(e.getMessage().contains("float32 range") && e.getMessage().contains("float64"), e.getMessage());
    }

    @Test
    void ordinaryPixelsNeverTakeTheFloat64Route() {
        assertFalse(Float32Range.exceedsSafe(new float[] {1e15f, -1e15f, 0}, 0, 3));
        assertTrue(Float32Range.exceedsSafe(new float[] {0, -1e16f}, 0, 2));
    }

    @Test
    void float64PixelsAbove2To400AreRefusedAndBelowGiveFiniteScaledOutputs() {
        Scattering2D s = Scattering2D.of(2, 24, 24);
        double[] x = new double[24 * 24];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(0.37 * i) + 0.5;
        }
        double[] ref = s.transform(x);
        // S is positively homogeneous, S(a x) = a S(x), and 2^390 scales exactly: the output is ref times 2^390
        double[] scaled = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scaled[i] = x[i] * 0x1p390;
        }
        double[] big = s.transform(scaled);
        for (int i = 0; i < ref.length; i++) {
            assertTrue(Double.isFinite(big[i]) && Math.abs(big[i] / 0x1p390 - ref[i]) <= 1e-12 * Math.abs(ref[0]), "coefficient " + i);
        }
        x[77] = 1e300; // gave NaN coefficients, no error, before the check
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> s.transform(x));
        assertTrue(one.getMessage().startsWith("image 0: pixel 77 is 1.0E300, above the largest magnitude"), one.getMessage());
        double[] two = new double[2 * x.length];
        System.arraycopy(x, 0, two, x.length, x.length);
        IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
                () -> s.transformBatch(two, 2, new double[2 * s.outputLength()], 2));
        assertTrue(batch.getMessage().startsWith("image 1: pixel 77 is 1.0E300"), batch.getMessage());
    }
}
