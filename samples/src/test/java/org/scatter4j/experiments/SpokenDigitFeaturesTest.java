package org.scatter4j.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scatter4j.scattering.Scattering1D;

/** Each recording is scattered at the shortest padded length N / 2^k that holds it. */
class SpokenDigitFeaturesTest {
    private static Scattering1D transform(int n) {
        return Scattering1D.builder().J(6).Q(4, 1).T(64).maxOrder(2).length(n).build();
    }

    private static float[] noise(int length, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[length];
        for (int t = 0; t < length; t++) {
            x[t] = (float) (r.nextDouble() * 2 - 1) * (float) Math.sin(Math.PI * t / length);
        }
        return x;
    }

    @Test
    void eachRecordingGetsTheFeaturesOfTheShortestTransformThatHoldsIt() {
        // lengths: one per group of N = 1024 (256, 512, 1024) and one longer than N (cut)
        int[] lengths = {200, 256, 300, 700, 1024, 1500};
        int[] expectedN = {256, 256, 512, 1024, 1024, 1024};
        List<float[]> recordings = new ArrayList<>();
        for (int i = 0; i < lengths.length; i++) {
            recordings.add(noise(lengths[i], i));
        }
        SpokenDigitFeatures grouped = new SpokenDigitFeatures(transform(1024), 3, 1e-6);
        float[] all = grouped.extract(recordings, 2, done -> { });
        int d = grouped.dimension();
        for (int i = 0; i < lengths.length; i++) {
            SpokenDigitFeatures single = new SpokenDigitFeatures(transform(expectedN[i]), 3, 1e-6);
            assertEquals(d, single.dimension());
            float[] alone = single.extract(List.of(recordings.get(i)), 1, done -> { });
            // a single-length extractor never has a shorter group for this recording when its N is the expected one
            assertArrayEquals(alone, Arrays.copyOfRange(all, i * d, (i + 1) * d), "recording " + i + " of length " + lengths[i]);
            assertEquals(Math.min(16, (lengths[i] + 63) / 64), grouped.validFrames(lengths[i]));
        }
    }

    @Test
    void featuresDoNotDependOnTheThreadCountOrTheBatchOrder() {
        List<float[]> recordings = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            recordings.add(noise(150 + 97 * i, 100 + i));
        }
        SpokenDigitFeatures f = new SpokenDigitFeatures(transform(1024), 4, 1e-6);
        float[] one = f.extract(recordings, 1, done -> { });
        float[] two = f.extract(recordings, 2, done -> { });
        assertArrayEquals(one, two);
        for (float v : one) {
            assertTrue(Float.isFinite(v));
        }
        int[] last = {-1};
        f.extract(recordings, 2, done -> last[0] = done);
        assertEquals(recordings.size(), last[0], "progress reaches the number of recordings");
    }

    @Test
    void badRecordingsAreRefusedWithTheirIndex() {
        SpokenDigitFeatures f = new SpokenDigitFeatures(transform(1024), 4, 1e-6);
        float[] bad = noise(300, 1);
        bad[17] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.extract(List.of(noise(500, 2), bad), 1, done -> { }));
        assertTrue(e.getMessage().contains("recording 1") && e.getMessage().contains("sample 17"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.extract(List.of(new float[0]), 1, done -> { }));
        assertTrue(e.getMessage().contains("recording 0 is empty"), e.getMessage());
    }
}
