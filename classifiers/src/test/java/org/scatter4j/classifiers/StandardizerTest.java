package org.scatter4j.classifiers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scatter4j.classifiers.LinearSvmTest.assertMessage;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StandardizerTest {

    private static FeatureMatrix randomMatrix(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        FeatureMatrix x = new FeatureMatrix(n, d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x.set(i, j, (float) (1000 + 50 * j + (j + 1) * Synthetic.gaussian(r)));
            }
        }
        return x;
    }

    private static void assertStandardized(FeatureMatrix x, int skipColumn) {
        for (int j = 0; j < x.cols(); j++) {
            if (j == skipColumn) {
                continue;
            }
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < x.rows(); i++) {
                sum += x.get(i, j);
                sq += (double) x.get(i, j) * x.get(i, j);
            }
            double mean = sum / x.rows();
            assertEquals(0.0, mean, 1e-5, "mean of column " + j);
            assertEquals(1.0, sq / x.rows() - mean * mean, 1e-4, "variance of column " + j);
        }
    }

    @Test
    void givesZeroMeanAndUnitVarianceInPlace() {
        FeatureMatrix x = randomMatrix(2000, 6, 1);
        float[] before = x.data();
        Standardizer s = Standardizer.fitTransform(x, null);
        assertEquals(before, x.data(), "same array, transformed in place");
        assertStandardized(x, -1);
        assertEquals(6, s.dimension());
        assertEquals(1000 + 50 * 3, s.mean()[3], 0.5);
        assertEquals(4, s.scale()[3], 0.2);
    }

    @Test
    void constantColumnGetsScaleOneAndIsCentred() {
        FeatureMatrix x = randomMatrix(100, 4, 2);
        for (int i = 0; i < 100; i++) {
            x.set(i, 2, 7.5f);
        }
        Standardizer s = Standardizer.fitTransform(x, null);
        assertEquals(1.0, s.scale()[2]);
        assertEquals(7.5, s.mean()[2]);
        for (int i = 0; i < 100; i++) {
            assertEquals(0.0f, x.get(i, 2));
        }
        assertStandardized(x, 2);
    }

    @Test
    void fitDoesNotModifyAndTransformsTestRowsWithTrainingStatistics() {
        FeatureMatrix train = randomMatrix(500, 3, 3);
        float[] copy = train.data().clone();
        Standardizer s = Standardizer.fit(train);
        assertArrayEquals(copy, train.data());
        float[] row = {1000f, 1050f, 1100f};
        s.transform(row);
        for (int j = 0; j < 3; j++) {
            assertEquals((float) ((new float[] {1000f, 1050f, 1100f}[j] - s.mean()[j]) / s.scale()[j]), row[j],
                    1e-6f);
        }
    }

    @Test
    void logTransformIsAppliedBeforeStandardizing() {
        SplittableRandom r = new SplittableRandom(4);
        FeatureMatrix x = new FeatureMatrix(1000, 2);
        FeatureMatrix logged = new FeatureMatrix(1000, 2);
        LogTransform log = new LogTransform(1e-3);
        for (int i = 0; i < 1000; i++) {
            for (int j = 0; j < 2; j++) {
                float v = (float) Math.exp(Synthetic.gaussian(r)) * (j == 0 ? 0 : 1); // column 0 all zeros
                x.set(i, j, v);
                logged.set(i, j, (float) Math.log(v + 1e-3));
            }
        }
        Standardizer withLog = Standardizer.fit(x, log);
        Standardizer onLogged = Standardizer.fit(logged);
        assertArrayEquals(onLogged.mean(), withLog.mean(), 1e-9);
        assertArrayEquals(onLogged.scale(), withLog.scale(), 1e-9);
        assertEquals(Math.log(1e-3), withLog.mean()[0], 1e-6);
        withLog.transform(x);
        onLogged.transform(logged);
        assertArrayEquals(logged.data(), x.data());
        assertStandardized(x, 0);
    }

    @Test
    void transformsOnlyTheRowsOfAView() {
        FeatureMatrix x = randomMatrix(10, 2, 5);
        float[] original = x.data().clone();
        Standardizer s = Standardizer.fit(x);
        s.transform(x.selectRows(new int[] {1, 3}));
        assertEquals(original[0], x.get(0, 0));
        assertEquals((float) ((original[2] - s.mean()[0]) / s.scale()[0]), x.get(1, 0), 1e-6f);
    }

    @Test
    void rejectsBadInput() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(new FeatureMatrix(0, 2))),
                "x.rows() = 0");
        FeatureMatrix x = randomMatrix(5, 2, 6);
        x.set(3, 1, Float.NaN);
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(x)), "x[3][1] = NaN");
        Standardizer s = Standardizer.fit(randomMatrix(5, 2, 7));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> s.transform(new FeatureMatrix(2, 3))),
                "x.cols() = 3 but the standardizer was fitted on 2 columns");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> new LogTransform(0)), "epsilon = 0.0");
        FeatureMatrix infinite = randomMatrix(3, 2, 8);
        infinite.set(1, 0, Float.POSITIVE_INFINITY);
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> new LogTransform(1e-3).apply(infinite)), "features must be finite");
        // slightly negative coefficients (the low-pass's side lobes) are clamped to 0, not refused
        assertEquals((float) Math.log(1e-3), new LogTransform(1e-3).apply(-1e-5f), 0f);
        for (double bad : new double[] {0, -0.5, 1.5, Double.NaN}) {
            assertMessage(assertThrows(IllegalArgumentException.class, () -> new PowerTransform(bad)),
                    "exponent = " + bad + " must be in (0, 1]");
        }
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> new PowerTransform(0.5).apply(infinite)), "sqrt(S) of x[1][0] = Infinity is not finite");
    }

    @Test
    void powerTransformIsMonotoneConcaveAndKeepsZero() {
        PowerTransform sqrt = new PowerTransform(0.5);
        PowerTransform quarter = new PowerTransform(0.25);
        assertEquals(0f, sqrt.apply(0f));
        assertEquals(0f, sqrt.apply(-1e-6f), "side-lobe negatives clamp to 0");
        assertEquals(3f, sqrt.apply(9f));
        assertEquals(2f, quarter.apply(16f), 1e-6f);
        assertEquals(5f, new PowerTransform(1).apply(5f));
        float previous = -1;
        for (float v = 0; v < 10; v += 0.37f) {
            float t = sqrt.apply(v);
            assertTrue(t > previous, "increasing");
            assertTrue(v < 1 ? t >= v : t <= v, "compresses large values, expands small ones");
            previous = t;
        }
        FeatureMatrix x = randomMatrix(50, 3, 9);
        for (int i = 0; i < x.data().length; i++) {
            x.data()[i] = Math.abs(x.data()[i]);
        }
        FeatureMatrix rooted = FeatureMatrix.wrap(x.data().clone(), 50, 3);
        sqrt.apply(rooted);
        Standardizer viaTransform = Standardizer.fit(x, sqrt);
        Standardizer onRooted = Standardizer.fit(rooted);
        assertArrayEquals(onRooted.mean(), viaTransform.mean(), 0.0);
        assertArrayEquals(onRooted.scale(), viaTransform.scale(), 0.0);
    }
}
