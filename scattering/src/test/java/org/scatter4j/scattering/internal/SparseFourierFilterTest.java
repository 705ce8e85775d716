package org.scatter4j.scattering.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        SparseFourierKernels.multiplySubsample(new SparseFourierFilter(filter, rows, cols, k), re, im, lanes,
                SparseFourierKernels.newScratch(cols, lanes), dstRe, dstIm);
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

    /**
     * The product row by row (multiplySubsampleRow, and Product, through which an inverse FFT fills
     * its input blocks) has the bits of the whole product, one lane and several, with and without
     * subsampling, in both precisions.
     */
    @ParameterizedTest
    @CsvSource({"12, 8, 1, 3", "12, 8, 2, 3", "16, 16, 4, 1", "12, 8, 1, 1", "18, 12, 3, 5"})
    void productRowByRowEqualsTheWholeProduct(int rows, int cols, int k, int lanes) {
        Random r = new Random(rows * 17 + k * 3 + lanes);
        double[] filter = new double[rows * cols];
        for (int i = 0; i < filter.length; i++) {
            filter[i] = i % 7 == 0 ? 0.0 : r.nextGaussian();
        }
        double[] re = new double[rows * cols * lanes];
        double[] im = new double[re.length];
        float[] re32 = new float[re.length];
        float[] im32 = new float[re.length];
        for (int i = 0; i < re.length; i++) {
            re[i] = r.nextGaussian();
            im[i] = r.nextGaussian();
            re32[i] = (float) re[i];
            im32[i] = (float) im[i];
        }
        SparseFourierFilter f = new SparseFourierFilter(filter, rows, cols, k);
        int outLen = cols / k * lanes;
        double[] wholeRe = new double[rows / k * outLen];
        double[] wholeIm = new double[wholeRe.length];
        SparseFourierKernels.multiplySubsample(f, re, im, lanes, SparseFourierKernels.newScratch(cols, lanes), wholeRe, wholeIm);
        float[] wholeRe32 = new float[wholeRe.length];
        float[] wholeIm32 = new float[wholeRe.length];
        SparseFourierKernels32.multiplySubsample(f, re32, im32, lanes, SparseFourierKernels32.newScratch32(cols, lanes), wholeRe32,
                wholeIm32);
        SparseFourierKernels.Product product =
                new SparseFourierKernels.Product(SparseFourierKernels.newScratch(cols, lanes)).of(f, re, im, lanes);
        SparseFourierKernels32.Product32 product32 =
                new SparseFourierKernels32.Product32(SparseFourierKernels32.newScratch32(cols, lanes)).of(f, re32, im32, lanes);
        for (int a = rows / k - 1; a >= 0; a--) { // any order: each row on its own
            double[] rowRe = new double[outLen];
            double[] rowIm = new double[outLen];
            java.util.Arrays.fill(rowRe, Double.NaN); // every entry must be written
            java.util.Arrays.fill(rowIm, Double.NaN);
            product.row(a, rowRe, rowIm);
            assertArrayEquals(java.util.Arrays.copyOfRange(wholeRe, a * outLen, (a + 1) * outLen), rowRe, "re row " + a);
            assertArrayEquals(java.util.Arrays.copyOfRange(wholeIm, a * outLen, (a + 1) * outLen), rowIm, "im row " + a);
            float[] rowRe32 = new float[outLen];
            float[] rowIm32 = new float[outLen];
            product32.row(a, rowRe32, rowIm32);
            assertArrayEquals(java.util.Arrays.copyOfRange(wholeRe32, a * outLen, (a + 1) * outLen), rowRe32, "float32 re row " + a);
            assertArrayEquals(java.util.Arrays.copyOfRange(wholeIm32, a * outLen, (a + 1) * outLen), rowIm32, "float32 im row " + a);
        }
    }

    /**
     * Morlet wavelets of a 40 x 40 grid (J = 3) subsampled by 2 and 4: rows whose
     * aliases overlap take the grouped path on lane layout, the others the segment path. Either way
     * every lane equals the one-lane computation bit for bit (both precisions) and the definition to
     * 1e-9 of the largest output (the entries below 1e-10 of the peak are skipped); and some rows of
     * each kind are exercised.
     */
    @org.junit.jupiter.api.Test
    void groupedRowsAgreeWithTheOneLanePathAndTheDefinition() {
        int m = 40;
        int lanes = 5;
        org.scatter4j.wavelets.MorletFilterBank bank = new org.scatter4j.wavelets.MorletFilterBank(m, m, 3, 8);
        Random r = new Random(5);
        double[] re = new double[m * m * lanes];
        double[] im = new double[re.length];
        for (int i = 0; i < re.length; i++) {
            re[i] = r.nextGaussian();
            im[i] = r.nextGaussian();
        }
        int grouped = 0;
        int segmented = 0;
        for (int j = 1; j <= 2; j++) {
            int k = 1 << j;
            for (int t = 0; t < 8; t += 3) {
                double[] filter = bank.psiColumnMajor(j, t, 0);
                SparseFourierFilter f = new SparseFourierFilter(filter, m, m, k);
                grouped += f.groupedRows();
                segmented += m / k - f.groupedRows();
                int out = (m / k) * (m / k);
                double[] dr = new double[out * lanes];
                double[] di = new double[out * lanes];
                SparseFourierKernels.multiplySubsample(f, re, im, lanes, SparseFourierKernels.newScratch(m, lanes), dr, di);
                float[] fr = new float[dr.length];
                float[] fi = new float[dr.length];
                float[] re32 = new float[re.length];
                float[] im32 = new float[re.length];
                for (int i = 0; i < re.length; i++) {
                    re32[i] = (float) re[i];
                    im32[i] = (float) im[i];
                }
                SparseFourierKernels32.multiplySubsample(f, re32, im32, lanes, SparseFourierKernels32.newScratch32(m, lanes), fr, fi);
                double largest = 0;
                for (double v : dr) {
                    largest = Math.max(largest, Math.abs(v));
                }
                for (int b = 0; b < lanes; b++) {
                    double[] lr = new double[m * m];
                    double[] li = new double[m * m];
                    float[] lr32 = new float[m * m];
                    float[] li32 = new float[m * m];
                    for (int p = 0; p < m * m; p++) {
                        lr[p] = re[p * lanes + b];
                        li[p] = im[p * lanes + b];
                        lr32[p] = re32[p * lanes + b];
                        li32[p] = im32[p * lanes + b];
                    }
                    double[] or = new double[out];
                    double[] oi = new double[out];
                    SparseFourierKernels.multiplySubsample(f, lr, li, 1, SparseFourierKernels.newScratch(m, 1), or, oi);
                    float[] or32 = new float[out];
                    float[] oi32 = new float[out];
                    SparseFourierKernels32.multiplySubsample(f, lr32, li32, 1, SparseFourierKernels32.newScratch32(m, 1), or32, oi32);
                    for (int q = 0; q < out; q++) {
                        String at = "j=" + j + " t=" + t + " lane " + b + " at " + q;
                        assertEquals(or[q], dr[q * lanes + b], 0.0, at);
                        assertEquals(oi[q], di[q * lanes + b], 0.0, at);
                        assertEquals(or32[q], fr[q * lanes + b], 0.0f, "float32 " + at);
                        assertEquals(oi32[q], fi[q * lanes + b], 0.0f, "float32 " + at);
                        int a = q / (m / k);
                        int c = q % (m / k);
                        double sumRe = 0;
                        double sumIm = 0;
                        for (int p = 0; p < k; p++) {
                            for (int s = 0; s < k; s++) {
                                int u = (a + p * (m / k)) * m + c + s * (m / k);
                                sumRe += lr[u] * filter[u];
                                sumIm += li[u] * filter[u];
                            }
                        }
                        assertEquals(sumRe / (k * k), dr[q * lanes + b], 1e-9 * largest, "definition " + at);
                        assertEquals(sumIm / (k * k), di[q * lanes + b], 1e-9 * largest, "definition " + at);
                    }
                }
            }
        }
        assertTrue(grouped > 0, "no grouped row exercised");
        assertTrue(segmented > 0, "no segment row exercised");
    }

    /**
     * The skipped entries (below SparseFourierFilter.NEGLIGIBLE of a Morlet wavelet's peak) change the
     * product by less than 1e-9 of its L2 norm, on every scale and subsampling of a 96 x 96 grid;
     * and the threshold does skip entries (otherwise the test would prove nothing).
     */
    @org.junit.jupiter.api.Test
    void skippingNegligibleWaveletEntriesChangesTheProductByLessThan1e9() {
        int m = 96;
        org.scatter4j.wavelets.MorletFilterBank bank = new org.scatter4j.wavelets.MorletFilterBank(m, m, 4, 8);
        Random r = new Random(7);
        double[] re = new double[m * m];
        double[] im = new double[m * m];
        for (int i = 0; i < re.length; i++) {
            re[i] = r.nextGaussian();
            im[i] = r.nextGaussian();
        }
        int skippedSomewhere = 0;
        for (int j = 0; j < 4; j++) {
            for (int t = 0; t < 8; t += 3) {
                double[] psi = bank.psi(j, t, 0);
                double peak = java.util.Arrays.stream(psi).map(Math::abs).max().orElseThrow();
                skippedSomewhere += (int) java.util.Arrays.stream(psi)
                        .filter(v -> v != 0 && Math.abs(v) <= SparseFourierFilter.NEGLIGIBLE * peak).count();
                int k = 1 << j;
                int out = (m / k) * (m / k);
                double[] fastRe = new double[out];
                double[] fastIm = new double[out];
                double[] fullRe = new double[out];
                double[] fullIm = new double[out];
                SparseFourierKernels.Scratch scratch = SparseFourierKernels.newScratch(m, 1);
                SparseFourierKernels.multiplySubsample(new SparseFourierFilter(psi, m, m, k), re, im, 1, scratch, fastRe, fastIm);
                SparseFourierKernels.multiplySubsample(new SparseFourierFilter(psi, m, m, k, 0.0), re, im, 1, scratch, fullRe, fullIm);
                double diff = 0;
                double norm = 0;
                for (int i = 0; i < out; i++) {
                    diff += (fastRe[i] - fullRe[i]) * (fastRe[i] - fullRe[i]) + (fastIm[i] - fullIm[i]) * (fastIm[i] - fullIm[i]);
                    norm += fullRe[i] * fullRe[i] + fullIm[i] * fullIm[i];
                }
                org.junit.jupiter.api.Assertions.assertTrue(Math.sqrt(diff / norm) < 1e-9,
                        "j=" + j + " t=" + t + ": relative L2 change " + Math.sqrt(diff / norm));
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(skippedSomewhere > 0, "no entry below the threshold: the test proves nothing");
    }
}
