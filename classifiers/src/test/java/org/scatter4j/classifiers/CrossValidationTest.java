package org.scatter4j.classifiers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scatter4j.classifiers.LinearSvmTest.assertMessage;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    private static final double[] C_GRID = {1e-3, 1e-2, 1e-1, 1, 10};

    /** Separable classes with tiny features: a very small C underfits, a large one does not. */
    private static Synthetic.Data smallScaleProblem() {
        Synthetic.Data d = Synthetic.linear(300, 10, 3, 0.1, 12);
        float[] v = d.x().data();
        for (int i = 0; i < v.length; i++) {
            v[i] *= 0.05f;
        }
        return d;
    }

    @Test
    void foldsAreStratifiedAndDeterministic() {
        int[] labels = new int[103];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 60 ? 4 : i < 90 ? 1 : 9;
        }
        CrossValidation cv = new CrossValidation(5, 77);
        int[] folds = cv.assignFolds(labels);
        assertArrayEquals(folds, new CrossValidation(5, 77).assignFolds(labels));
        assertTrue(!Arrays.equals(folds, new CrossValidation(5, 78).assignFolds(labels)));
        for (int label : new int[] {4, 1, 9}) {
            int[] perFold = new int[5];
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == label) {
                    perFold[folds[i]]++;
                }
            }
            int min = Arrays.stream(perFold).min().getAsInt();
            int max = Arrays.stream(perFold).max().getAsInt();
            assertTrue(max - min <= 1, "class " + label + " per fold " + Arrays.toString(perFold));
        }
    }

    @Test
    void picksASensibleC() {
        Synthetic.Data data = smallScaleProblem();
        CrossValidation.Result<Double> r = new CrossValidation(4, 1)
                .selectC(data.x(), data.y(), C_GRID, LinearSvm.builder().threads(2).build());
        double[] acc = r.meanAccuracy();
        assertEquals(5, acc.length);
        assertTrue(r.best() >= 1, "chosen " + r);
        assertTrue(r.bestAccuracy() > 0.85, r.toString());
        assertTrue(acc[0] < r.bestAccuracy() - 0.2, "C = 1e-3 should underfit: " + r);
        assertEquals(r, new CrossValidation(4, 1).selectC(data.x(), data.y(), C_GRID,
                LinearSvm.builder().threads(1).build()), "deterministic whatever the thread count");
    }

    @Test
    void neverTouchesRowsOutsideTheTrainingSet() {
        Synthetic.Data data = smallScaleProblem();
        int n = data.y().length;
        int d = data.x().cols();
        // training rows interleaved with "test" rows full of NaN in one backing array
        FeatureMatrix all = new FeatureMatrix(2 * n, d);
        Arrays.fill(all.data(), Float.NaN);
        int[] trainRows = new int[n];
        for (int i = 0; i < n; i++) {
            trainRows[i] = 2 * i;
            System.arraycopy(data.x().data(), i * d, all.data(), 2 * i * d, d);
        }
        FeatureMatrix train = all.selectRows(trainRows);
        CrossValidation cv = new CrossValidation(3, 5);
        CrossValidation.Result<Double> onView = cv.selectC(train, data.y(), C_GRID, LinearSvm.builder().build());
        CrossValidation.Result<Double> onCopy = cv.selectC(data.x(), data.y(), C_GRID, LinearSvm.builder().build());
        assertEquals(onCopy, onView);
        for (int i = 0; i < n; i++) {
            assertTrue(Float.isNaN(all.get(2 * i + 1, 0)), "test rows untouched");
        }
    }

    @Test
    void picksTheSubspaceDimensionForAffinePca() {
        Synthetic.Data data = AffinePcaClassifierTest.subspaces(3, 40, 25, 4, 0.3, 21, 22);
        CrossValidation.Result<Integer> r = new CrossValidation(4, 3)
                .selectDimension(data.x(), data.y(), new int[] {0, 1, 2, 4, 8});
        assertTrue(r.best() >= 2, r.toString());
        assertTrue(r.bestAccuracy() > 0.95, r.toString());
        // same as cross-validating separately fitted models
        CrossValidation.Result<Integer> generic = new CrossValidation(4, 3)
                .select(data.x(), data.y(), List.of(0, 1, 2, 4, 8), AffinePcaClassifier::new);
        assertArrayEquals(generic.meanAccuracy(), r.meanAccuracy(), 1e-12);
    }

    @Test
    void rejectsBadInput() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> new CrossValidation(1, 0)), "folds = 1");
        CrossValidation cv = new CrossValidation(3, 0);
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> cv.assignFolds(new int[] {0, 0, 0, 1, 1})), "class 1 has 2 rows");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> cv.assignFolds(new int[] {0, 0, 0, 1})), "class 1 has 1 rows");
        Synthetic.Data data = smallScaleProblem();
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> cv.selectC(data.x(), data.y(), new double[] {1, 0}, LinearSvm.builder().build())), "C = 0.0");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> cv.selectDimension(data.x(), data.y(), new int[0])), "grid must contain");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> cv.selectC(data.x(), Arrays.copyOf(data.y(), 5), C_GRID, LinearSvm.builder().build())),
                "labels.length = 5 but x.rows() = 300");
    }

    /**
     * Rows with no signal (random labels) and near-duplicate copies: if a copy were trained on while
     * its original is held out, the affine model through every training point would recognize the
     * original (accuracy well above chance, as the run without {@code origin} shows); with {@code origin} the
     * copies follow their originals and the score stays at chance.
     */
    @Test
    void virtualSamplesNeverLeakIntoTheHeldOutFold() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(21);
        int n = 60;
        int d = 40;
        FeatureMatrix x = new FeatureMatrix(2 * n, d);
        int[] y = new int[2 * n];
        int[] origin = new int[2 * n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            y[n + i] = y[i];
            origin[i] = i;
            origin[n + i] = i;
            for (int j = 0; j < d; j++) {
                float v = (float) Synthetic.gaussian(r);
                x.set(i, j, v);
                x.set(n + i, j, v + 1e-4f * (float) Synthetic.gaussian(r));
            }
        }
        CrossValidation cv = new CrossValidation(3, 5);
        double leaky = cv.selectDimension(x, y, new int[] {1000}).bestAccuracy();
        double grouped = cv.selectDimension(x, y, new int[] {1000}, origin).bestAccuracy();
        assertTrue(leaky > 0.7 && grouped < leaky - 0.15, "grouped " + grouped + "; treating copies as independent rows leaks: " + leaky);
        assertTrue(grouped < 0.65, "copies follow their original's fold: " + grouped);
        int[] wrongLabel = origin.clone();
        y[n] = 1 - y[0];
        assertMessage(assertThrows(IllegalArgumentException.class, () -> cv.selectDimension(x, y, new int[] {1}, wrongLabel)),
                "origin[" + n + "] = 0 must be an original row (origin[o] == o) of the same label");
    }
}
