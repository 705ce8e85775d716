package org.scatter4j.scattering.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scatter4j.wavelets.MorletFilterBank;

/**
 * LowPassOperator against its definition: the real part of the periodic convolution of U with the
 * separable Fourier filter a (x) b, computed by explicit 2D DFTs, sampled at (k (i + 1), k (j + 1))
 * (subsampling by k, then Kymatio's unpad of one sample per side), for one lane and for several.
 */
class LowPassOperatorTest {
    @ParameterizedTest
    // 64 x 64 at J = 1: the Gaussian (sigma 1.6) is narrow next to the grid, so its tails are cut
    @CsvSource({"24, 20, 2, 1", "24, 20, 2, 3", "32, 32, 3, 1", "32, 32, 3, 5", "16, 24, 1, 2", "64, 64, 1, 2"})
    void equalsThePeriodicConvolutionSampledAndUnpadded(int rows, int cols, int J, int lanes) {
        MorletFilterBank bank = new MorletFilterBank(rows, cols, J, 4);
        double[] a = bank.phiRowFactor(0);
        double[] b = bank.phiColFactor(0);
        int k = 1 << J;
        int outRows = rows / k - 2;
        int outCols = cols / k - 2;
        LowPassOperator op = new LowPassOperator(a, b, k, outRows, outCols);
        Random r = new Random(rows * 7 + lanes);
        double[] u = new double[rows * cols * lanes];
        for (int i = 0; i < u.length; i++) {
            u[i] = r.nextDouble(); // a modulus is non-negative
        }
        double[] out = new double[outRows * outCols * lanes + 3];
        java.util.Arrays.fill(out, Double.NaN);
        LowPassKernels.apply(op, u, lanes, LowPassKernels.newScratch(op, lanes), out, 3);
        for (int lane = 0; lane < lanes; lane++) {
            double[] re = new double[rows * cols];
            double[] im = new double[rows * cols];
            for (int p = 0; p < rows * cols; p++) {
                re[p] = u[p * lanes + lane];
            }
            dft2(re, im, rows, cols, -1);
            for (int m = 0; m < rows; m++) {
                for (int n = 0; n < cols; n++) {
                    re[m * cols + n] *= a[m] * b[n];
                    im[m * cols + n] *= a[m] * b[n];
                }
            }
            dft2(re, im, rows, cols, +1);
            double scale = 0;
            for (int p = 0; p < rows * cols; p++) {
                scale = Math.max(scale, Math.abs(re[p]) / (rows * cols));
            }
            for (int i = 0; i < outRows; i++) {
                for (int j = 0; j < outCols; j++) {
                    double expected = re[(k * (i + 1)) * cols + k * (j + 1)] / (rows * cols);
                    // 1e-9: the weights below 1e-10 of the peak that the operator skips
                    assertEquals(expected, out[3 + (i * outCols + j) * lanes + lane], 1e-9 * Math.abs(expected) + 1e-12 * scale,
                            "(" + i + ", " + j + ") of lane " + lane);
                }
            }
        }
    }

    /**
     * applyRows (U as one array per row, as the inverse FFT leaves it) gives apply's bits, in both
     * precisions, with rows longer than needed and the output at an offset; and rows too few or
     * too short are refused with the sizes named.
     */
    @ParameterizedTest
    @CsvSource({"36, 36, 2, 8", "18, 18, 1, 1", "24, 20, 2, 3", "32, 48, 3, 16"})
    void rowArraysGiveTheSameBitsAsTheFlatInput(int rows, int cols, int J, int lanes) {
        MorletFilterBank bank = new MorletFilterBank(rows, cols, J, 4);
        int k = 1 << J;
        int outRows = rows / k - 2;
        int outCols = cols / k - 2;
        LowPassOperator op = new LowPassOperator(bank.phiRowFactor(0), bank.phiColFactor(0), k, outRows, outCols);
        Random r = new Random(rows * 31 + cols + lanes);
        int rowLength = cols * lanes;
        double[] u = new double[rows * rowLength];
        double[][] uRows = new double[rows + 2][rowLength + 5]; // longer than needed, tail garbage
        float[] u32 = new float[u.length];
        float[][] uRows32 = new float[rows][rowLength + 3];
        for (int m = 0; m < rows; m++) {
            java.util.Arrays.fill(uRows[m], Double.NaN);
            java.util.Arrays.fill(uRows32[m], Float.NaN);
            for (int v = 0; v < rowLength; v++) {
                u[m * rowLength + v] = r.nextDouble();
                uRows[m][v] = u[m * rowLength + v];
                u32[m * rowLength + v] = (float) u[m * rowLength + v];
                uRows32[m][v] = u32[m * rowLength + v];
            }
        }
        int length = outRows * outCols * lanes;
        double[] flat = new double[length + 2];
        double[] fromRows = new double[length + 2];
        LowPassKernels.apply(op, u, lanes, LowPassKernels.newScratch(op, lanes), flat, 2);
        LowPassKernels.applyRows(op, uRows, lanes, LowPassKernels.newScratch(op, lanes), fromRows, 2);
        org.junit.jupiter.api.Assertions.assertArrayEquals(flat, fromRows);
        float[] flat32 = new float[length];
        float[] fromRows32 = new float[length];
        LowPassKernels32.apply(op, u32, lanes, LowPassKernels32.newScratch32(op, lanes), flat32, 0);
        LowPassKernels32.applyRows(op, uRows32, lanes, LowPassKernels32.newScratch32(op, lanes), fromRows32, 0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(flat32, fromRows32);

        IllegalArgumentException few = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LowPassKernels.applyRows(op, new double[rows - 1][rowLength], lanes, LowPassKernels.newScratch(op, lanes),
                        fromRows, 0));
        org.junit.jupiter.api.Assertions.assertTrue(few.getMessage().contains("inRows=" + rows), few.getMessage());
        double[][] shortRow = new double[rows][rowLength];
        shortRow[rows / 2] = new double[rowLength - 1];
        IllegalArgumentException brief = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LowPassKernels.applyRows(op, shortRow, lanes, LowPassKernels.newScratch(op, lanes), fromRows, 0));
        org.junit.jupiter.api.Assertions.assertTrue(brief.getMessage().contains("rows[" + rows / 2 + "]")
                && brief.getMessage().contains(String.valueOf(rowLength)), brief.getMessage());
    }

    /** In-place 2D DFT by the definition, sign -1 forward, +1 inverse (unscaled). */
    private static void dft2(double[] re, double[] im, int rows, int cols, int sign) {
        double[] r2 = new double[re.length];
        double[] i2 = new double[im.length];
        for (int u = 0; u < rows; u++) {
            for (int v = 0; v < cols; v++) {
                double sr = 0;
                double si = 0;
                for (int m = 0; m < rows; m++) {
                    for (int n = 0; n < cols; n++) {
                        double angle = sign * 2 * Math.PI * (((long) u * m % rows) / (double) rows + ((long) v * n % cols) / (double) cols);
                        double c = Math.cos(angle);
                        double s = Math.sin(angle);
                        sr += re[m * cols + n] * c - im[m * cols + n] * s;
                        si += re[m * cols + n] * s + im[m * cols + n] * c;
                    }
                }
                r2[u * cols + v] = sr;
                i2[u * cols + v] = si;
            }
        }
        System.arraycopy(r2, 0, re, 0, re.length);
        System.arraycopy(i2, 0, im, 0, im.length);
    }
}
