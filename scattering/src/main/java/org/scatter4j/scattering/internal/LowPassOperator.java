package org.scatter4j.scattering.internal;

import org.scatter4j.wavelets.Float32Tables;

/**
 * The last stage of every scattering path, S = unpad(subsample_k(U * phi)), for real maps U on a
 * level-r grid, computed in space as two small real matrix products: S = A U B^T.
 *
 * <p>Why: phi is separable (phi = a (x) b in Fourier, see
 * {@link org.scatter4j.wavelets.MorletFilterBank#phiRowFactor}), so the circular convolution with
 * phi is a row convolution followed by a column convolution, and only the M' x N' samples kept
 * after subsampling by k and dropping one sample per side (Kymatio's unpad) are needed:
 * {@code A[i, m] = h_a[(k (i + 1) - m) mod M_r]} with h_a the inverse DFT of a. This replaces the
 * FFT of U, the product with phi and the inverse FFT by about (M' M_r N_r + M' N' N_r) multiply-adds
 * and gives the same numbers (Kymatio keeps the real part of the inverse FFT; U is real, so that is
 * U convolved with the real part of h). Weights below 1e-10 of the largest are skipped: the
 * Gaussian's tails beyond about 6.8 standard deviations, a quarter of the support that 1e-18 kept
 * (9.1 standard deviations) on large grids. U is non-negative and the kept weights sum to about
 * one, so an output changes by at most the dropped weights' sum relative, below 1e-9
 * ({@code LowPassOperatorTest}), as for the wavelet products ({@code SparseFourierFilter}).
 *
 * <p>Data use the lane layout of the cascade: value (m, n) of lane b at {@code (m * N_r + n) * lanes + b}.
 * Immutable and thread-safe. {@link LowPassKernels} (float64) and {@code LowPassKernels32} (float32,
 * generated) apply it; the caller passes their scratch.
 */
public final class LowPassOperator {
    private static final double NEGLIGIBLE = 1e-10;

    final int inRows;
    final int inCols;
    final int outRows;
    final int outCols;
    /**
     * Sparse rows of A (rowIndex/rowWeight: output row i is the sum of input rows rowIndex[i][*]
     * times rowWeight[i][*]) and of B (colIndex/colWeight, the same for output columns), in
     * ascending input order and padded with zero weights to a multiple of {@link #GROUP} (see
     * {@link LowPassKernels#apply}).
     */
    final int[][] rowIndex;
    final double[][] rowWeight;
    final int[][] colIndex;
    final double[][] colWeight;
    /** Whether some output row (column) reads input row (column) m. */
    final boolean[] rowUsed;
    final boolean[] colUsed;
    /** The weights rounded to float32, for the float32 kernels. */
    final float[][] rowWeight32;
    final float[][] colWeight32;

    /**
     * Input rows (columns) summed per pass of an output's loop. Why four: each pass reads the output
     * and four inputs and writes the output once, where one input per pass read the output and wrote
     * it back for every input (the first product ran at the speed of those loads and stores: 14 % of
     * a 28 x 28 image's time). Four inputs keep the loop small enough for C2 to vectorize.
     */
    static final int GROUP = 4;
    /** Values per column range of the first product: 16 input rows of 1 KiB fill half an L1 data cache. */
    static final int CHUNK = 1024 / Double.BYTES;

    public LowPassOperator(double[] rowFourier, double[] colFourier, int k, int outRows, int outCols) {
        this.inRows = rowFourier.length;
        this.inCols = colFourier.length;
        this.outRows = outRows;
        this.outCols = outCols;
        double[] hRow = realInverseDft(rowFourier);
        double[] hCol = realInverseDft(colFourier);
        this.rowIndex = new int[outRows][];
        this.rowWeight = new double[outRows][];
        this.colIndex = new int[outCols][];
        this.colWeight = new double[outCols][];
        this.rowUsed = sparseRows(hRow, k, outRows, rowIndex, rowWeight);
        this.colUsed = sparseRows(hCol, k, outCols, colIndex, colWeight);
        this.rowWeight32 = Float32Tables.of(rowWeight);
        this.colWeight32 = Float32Tables.of(colWeight);
    }

    /**
     * Output i of a convolution by h, subsampled by k and unpadded by one sample, uses the inputs m
     * with non-negligible weight h[(k (i + 1) - m) mod n]; returns which inputs some output uses.
     * Each list is padded to a multiple of GROUP with weight 0 on its last input (adding x * 0 does
     * not change a sum of finite values).
     */
    private static boolean[] sparseRows(double[] h, int k, int out, int[][] index, double[][] weight) {
        int n = h.length;
        double max = 0;
        for (double v : h) {
            max = Math.max(max, Math.abs(v));
        }
        boolean[] used = new boolean[n];
        for (int i = 0; i < out; i++) {
            int u = k * (i + 1); // +1: Kymatio's unpad drops the first subsampled sample
            int count = 0;
            int[] idx = new int[n + GROUP];
            double[] w = new double[n + GROUP];
            for (int m = 0; m < n; m++) {
                double v = h[Math.floorMod(u - m, n)];
                if (Math.abs(v) > NEGLIGIBLE * max) {
                    idx[count] = m;
                    w[count] = v;
                    used[m] = true;
                    count++;
                }
            }
            if (count == 0) { // cannot happen for a Gaussian (its peak is kept), but keep the loops simple
                idx[count++] = 0;
                used[0] = true;
            }
            while (count % GROUP != 0) {
                idx[count] = idx[count - 1];
                w[count++] = 0.0;
            }
            index[i] = java.util.Arrays.copyOf(idx, count);
            weight[i] = java.util.Arrays.copyOf(w, count);
        }
        return used;
    }

    /** Real part of the inverse DFT (divided by n) of a real spectrum. */
    static double[] realInverseDft(double[] spectrum) {
        int n = spectrum.length;
        double[] h = new double[n];
        for (int m = 0; m < n; m++) {
            double acc = 0;
            for (int f = 0; f < n; f++) {
                // (f * m) mod n keeps the angle small, so cos is exact to the last bits
                acc += spectrum[f] * Math.cos(2 * Math.PI * ((long) f * m % n) / n);
            }
            h[m] = acc / n;
        }
        return h;
    }

}
