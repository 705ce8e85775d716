package org.scatter4j.classifiers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scatter4j.classifiers.LinearSvmTest.assertMessage;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AffinePcaClassifierTest {

    /** Points of K classes, class c on its own random m-dimensional affine subspace of R^D. */
    static Synthetic.Data subspaces(int k, int perClass, int dim, int m, double noise, long seed,
            long pointSeed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] mu = new double[k][dim];
        double[][][] basis = new double[k][m][dim];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < dim; j++) {
                mu[c][j] = 2 * Synthetic.gaussian(r);
                for (int p = 0; p < m; p++) {
                    basis[c][p][j] = Synthetic.gaussian(r);
                }
            }
        }
        SplittableRandom pr = new SplittableRandom(pointSeed);
        FeatureMatrix x = new FeatureMatrix(k * perClass, dim);
        int[] y = new int[k * perClass];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < perClass; i++) {
                int row = c * perClass + i;
                y[row] = 10 + c;
                double[] z = new double[m];
                for (int p = 0; p < m; p++) {
                    z[p] = 3 * Synthetic.gaussian(pr);
                }
                for (int j = 0; j < dim; j++) {
                    double v = mu[c][j] + noise * Synthetic.gaussian(pr);
                    for (int p = 0; p < m; p++) {
                        v += z[p] * basis[c][p][j];
                    }
                    x.set(row, j, (float) v);
                }
            }
        }
        return new Synthetic.Data(x, y);
    }

    @Test
    void classifiesPointsOfLowDimensionalAffineSubspacesPerfectly() {
        // Gram path: 30 points per class in D = 40
        Synthetic.Data train = subspaces(4, 30, 40, 3, 0.0, 1, 2);
        Synthetic.Data test = subspaces(4, 50, 40, 3, 0.0, 1, 3);
        AffinePcaClassifier pca = new AffinePcaClassifier(3);
        pca.fit(train.x(), train.y());
        assertEquals(1.0, Synthetic.accuracy(pca.predict(test.x()), test.y()));
        for (int c = 0; c < 4; c++) {
            assertEquals(3, pca.directions(c));
        }
        // test points lie on their class's space: residual ~ 0 for the own class
        double[] res = pca.residuals(test.x().row(0));
        assertTrue(res[0] < 1e-3 * res[1], "own-class residual " + res[0] + " vs " + res[1]);
    }

    @Test
    void scatterMatrixPathWhenClassesAreLargerThanTheDimension() {
        Synthetic.Data train = subspaces(3, 60, 8, 2, 0.01, 4, 5);
        Synthetic.Data test = subspaces(3, 40, 8, 2, 0.01, 4, 6);
        AffinePcaClassifier pca = new AffinePcaClassifier(2);
        pca.fit(train.x(), train.y());
        assertEquals(1.0, Synthetic.accuracy(pca.predict(test.x()), test.y()));
        // directions are orthonormal
        double[] u = pca.directionsOf(1);
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                double dot = 0;
                for (int j = 0; j < 8; j++) {
                    dot += u[a * 8 + j] * u[b * 8 + j];
                }
                assertEquals(a == b ? 1.0 : 0.0, dot, 1e-12);
            }
        }
    }

    @Test
    void trainingResidualIsZeroWhenDReachesClassSizeMinusOne() {
        Synthetic.Data train = subspaces(3, 5, 20, 8, 0.5, 7, 8); // 5 generic points per class
        AffinePcaClassifier pca = new AffinePcaClassifier(50); // capped at 5 - 1 = 4
        pca.fit(train.x(), train.y());
        for (int c = 0; c < 3; c++) {
            assertEquals(4, pca.directions(c), "d capped at class size - 1");
        }
        for (int i = 0; i < train.y().length; i++) {
            float[] row = train.x().row(i);
            double norm = 0;
            for (float v : row) {
                norm += v * v;
            }
            double own = pca.residuals(row)[i / 5];
            assertTrue(own < 1e-5 * Math.sqrt(norm), "row " + i + " residual " + own);
            assertEquals(train.y()[i], pca.predict(row));
        }
        // with fewer directions the training residual is not zero
        assertTrue(pca.withDimension(2).residuals(train.x().row(0))[0] > 1e-2);
    }

    @Test
    void withDimensionEqualsFittingWithThatDimension() {
        Synthetic.Data train = subspaces(3, 20, 15, 4, 0.3, 9, 10);
        Synthetic.Data test = subspaces(3, 10, 15, 4, 0.3, 9, 11);
        AffinePcaClassifier big = new AffinePcaClassifier(6);
        big.fit(train.x(), train.y());
        AffinePcaClassifier small = new AffinePcaClassifier(2);
        small.fit(train.x(), train.y());
        AffinePcaClassifier cut = big.withDimension(2);
        assertArrayEquals(small.predict(test.x()), cut.predict(test.x()));
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(small.residuals(test.x().row(i)), cut.residuals(test.x().row(i)), 1e-6);
        }
    }

    @Test
    void predictForDimensionsEqualsPredictingWithEachDimension() {
        Synthetic.Data train = subspaces(3, 20, 15, 4, 0.3, 9, 10);
        Synthetic.Data test = subspaces(3, 30, 15, 4, 0.3, 9, 12);
        AffinePcaClassifier big = new AffinePcaClassifier(6);
        big.fit(train.x(), train.y());
        int[] dims = {0, 1, 2, 6, 3, 9}; // unsorted, and 9 is more than the model keeps
        int[][] all = big.predictForDimensions(test.x(), dims);
        boolean differ = false;
        for (int g = 0; g < dims.length; g++) {
            assertArrayEquals(big.withDimension(dims[g]).predict(test.x()), all[g], "d = " + dims[g]);
            differ |= !Arrays.equals(all[g], all[0]);
        }
        assertTrue(differ, "the dimensions give different predictions, so the test can tell them apart");
        assertThrows(IllegalArgumentException.class, () -> big.predictForDimensions(test.x(), new int[0]));
        assertThrows(IllegalArgumentException.class, () -> big.predictForDimensions(test.x(), new int[] {-1}));
    }

    @Test
    void randomizedPathForLargeClassesMatchesTheExactOne() {
        // 4-dimensional affine spaces plus small noise: a clear spectral gap after 4 directions
        Synthetic.Data train = subspaces(3, 300, 200, 4, 0.05, 12, 13);
        Synthetic.Data test = subspaces(3, 30, 200, 4, 0.05, 12, 14);
        AffinePcaClassifier exact = new AffinePcaClassifier(4, Integer.MAX_VALUE);
        AffinePcaClassifier randomized = new AffinePcaClassifier(4, 50); // 200 > 50, 4 + 10 <= 200 / 4
        exact.fit(train.x(), train.y());
        randomized.fit(train.x(), train.y());
        assertArrayEquals(exact.predict(test.x()), randomized.predict(test.x()));
        assertEquals(1.0, Synthetic.accuracy(randomized.predict(test.x()), test.y()));
        for (int i = 0; i < test.y().length; i += 7) {
            assertArrayEquals(exact.residuals(test.x().row(i)), randomized.residuals(test.x().row(i)),
                    1e-3 * exact.residuals(test.x().row(i))[0] + 1e-6);
        }
        AffinePcaClassifier again = new AffinePcaClassifier(4, 50);
        again.fit(train.x(), train.y());
        assertArrayEquals(randomized.directionsOf(2), again.directionsOf(2), "deterministic");
    }

    @Test
    void dZeroIsNearestClassMean() {
        Synthetic.Data train = Synthetic.separable(10, 5, new int[] {4, 2}, 3);
        AffinePcaClassifier pca = new AffinePcaClassifier(0);
        pca.fit(train.x(), train.y());
        assertEquals(1.0, Synthetic.accuracy(pca.predict(train.x()), train.y()));
        assertEquals(0, pca.directions(0));
    }

    @Test
    void rejectsBadInput() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> new AffinePcaClassifier(-1)), "d = -1");
        AffinePcaClassifier pca = new AffinePcaClassifier(2);
        FeatureMatrix x = new FeatureMatrix(5, 3);
        for (int i = 0; i < 5; i++) {
            x.set(i, i % 3, i + 1);
        }
        assertMessage(assertThrows(IllegalArgumentException.class, () -> pca.fit(x, new int[] {0, 0, 1, 1, 3})),
                "class 3 has 1");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> pca.fit(x, new int[] {0, 0, 1, 1})),
                "labels.length = 4 but x.rows() = 5");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> pca.fit(new FeatureMatrix(0, 3), new int[0])), "x.rows() = 0");
        pca.fit(x, new int[] {0, 0, 1, 1, 1});
        assertMessage(assertThrows(IllegalArgumentException.class, () -> pca.predict(new float[2])),
                "row.length = 2 but the model expects 3");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> pca.predict(new float[] {Float.NEGATIVE_INFINITY, 0, 0})), "row[0] = -Infinity");
    }
}
