package org.scatter4j.rototranslation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Huge finite float32 pixels (1e20 gave 36 of 41 outputs non-finite): finite, equal to the float64 path. */
class RotoFloat32RangeTest {
    @Test
    void hugeFloat32PixelsGiveTheFloat64Result() {
        RotoScattering2D r = RotoScattering2D.of(2, 24, 24);
        Random g = new Random(1);
        for (float amplitude : new float[] {1e20f, 3e38f}) {
            float[] x = new float[24 * 24];
            double[] d = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (amplitude * (0.5 + 0.5 * g.nextDouble()));
                d[i] = x[i];
            }
            double[] ref = r.transform(d);
            double scale = 0;
            for (double v : ref) {
                scale = Math.max(scale, Math.abs(v));
            }
            float[] one = r.transform(x);
            float[] batch = new float[2 * r.featureCount()];
            float[] two = new float[2 * x.length];
            System.arraycopy(x, 0, two, x.length, x.length);
            r.transformBatch(two, 2, batch, 2);
            for (int i = 0; i < ref.length; i++) {
                assertTrue(Float.isFinite(one[i]) && Math.abs(one[i] - ref[i]) <= 1e-5 * scale, "value " + i + ": " + one[i]);
                assertTrue(Math.abs(batch[r.featureCount() + i] - ref[i]) <= 1e-5 * scale);
            }
            // the ordinary (zero) image beside it keeps the float32 path's bits
            assertArrayEquals(r.transform(new float[x.length]), java.util.Arrays.copyOf(batch, r.featureCount()));
        }
    }

    @Test
    void float64PixelsAbove2To400AreRefusedNotTurnedIntoNaN() {
        RotoScattering2D r = RotoScattering2D.of(2, 24, 24);
        double[] x = new double[24 * 24];
        x[30] = 1e300;
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> r.transform(x));
        assertTrue(e.getMessage().startsWith("image 0: pixel 30 is 1.0E300, above the largest magnitude"), e.getMessage());
        x[30] = 0x1p390; // below the limit: finite
        for (double v : r.transform(x)) {
            assertTrue(Double.isFinite(v));
        }
    }
}
