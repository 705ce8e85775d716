package org.scatter4j.scattering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** multiplySubsample against the definition: the mean over the k x k aliases of the product, per lane. */
class SparseFourierFilterTest {
    @ParameterizedTest
    @CsvSource({"12, 8, 1, 3", "12, 8, 2, 3", "16, 16, 4, 1", "12, 8, 1, 1"})
    void productThenSubsamplingMatchesTheDefinition(int rows, int cols, int k, int lanes) {
        Random r = new Random(rows * 31 + k);
        double[] filter = new double[rows * cols];
        for (int i = 0; i < filter.length; i++) {
            filter[i] = i % 5 == 0 ? 0.0 : r.nextGaussian(); // some entries dropped as negligible
        }
        double[] re = new double[rows * cols * lanes];
        double[] im = new double[re.length];
        for (int i = 0; i < re.length; i++) {
            re[i] = r.nextGaussian();
            im[i] = r.nextGaussian();
        }
        int outRows = rows / k;
        int outCols = cols / k;
        double[] dstRe = new double[outRows * outCols * lanes];
        double[] dstIm = new double[dstRe.length];
        java.util.Arrays.fill(dstRe, Double.NaN); // every entry must be written
        java.util.Arrays.fill(dstIm, Double.NaN);
        new SparseFourierFilter(filter, rows, cols, k).multiplySubsample(re, im, lanes, SparseFourierFilter.newScratch(cols, lanes),
                dstRe, dstIm);
        for (int a = 0; a < outRows; a++) {
            for (int c = 0; c < outCols; c++) {
                for (int b = 0; b < lanes; b++) {
                    double sumRe = 0;
                    double sumIm = 0;
                    for (int p = 0; p < k; p++) {
                        for (int q = 0; q < k; q++) {
                            int u = (a + p * outRows) * cols + c + q * outCols;
                            sumRe += re[u * lanes + b] * filter[u];
                            sumIm += im[u * lanes + b] * filter[u];
                        }
                    }
                    int o = (a * outCols + c) * lanes + b;
                    assertEquals(sumRe / (k * k), dstRe[o], 1e-13, "re at " + a + "," + c + " lane " + b);
                    assertEquals(sumIm / (k * k), dstIm[o], 1e-13, "im at " + a + "," + c + " lane " + b);
                }
            }
        }
    }
}
