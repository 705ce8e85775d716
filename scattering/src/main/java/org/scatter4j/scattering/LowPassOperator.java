package org.scatter4j.scattering;

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
 * Immutable and thread-safe; the caller passes the scratch array.
 */
public final class LowPassOperator {
    private static final double NEGLIGIBLE = 1e-10;

    private final int inRows;
    private final int inCols;
    private final int outRows;
    private final int outCols;
    /**
     * Sparse rows of A (rowIndex/rowWeight: output row i is the sum of input rows rowIndex[i][*]
     * times rowWeight[i][*]) and of B (colIndex/colWeight, the same for output columns), in
     * ascending input order and padded with zero weights to a multiple of {@link #GROUP} (see
     * {@link #apply}).
     */
    private final int[][] rowIndex;
    private final double[][] rowWeight;
    private final int[][] colIndex;
    private final double[][] colWeight;
    /** Whether some output row (column) reads input row (column) m. */
    private final boolean[] rowUsed;
    private final boolean[] colUsed;
    /** The weights rounded to float32, for the float32 kernels. */
    private final float[][] rowWeight32;
    private final float[][] colWeight32;

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

    // ---- float64 kernels: begin
    /** Scratch memory for {@link #apply} with up to {@code lanes} lanes; one per thread. */
    public Scratch newScratch(int lanes) {
        return new Scratch(inRows, outRows, inCols * lanes, inCols, lanes);
    }

    /**
     * Per-thread scratch of {@link #apply}: one array per input row and per intermediate row (first
     * product), one array per lane block of an intermediate row and one output block (second product).
     */
    public static final class Scratch {
        final double[][] inputs;
        final double[][] rows;
        final double[][] blocks;
        final double[] block;

        Scratch(int inRows, int rowCount, int rowLength, int colCount, int lanes) {
            this.inputs = new double[inRows][rowLength];
            this.rows = new double[rowCount][rowLength];
            this.blocks = new double[colCount][lanes];
            this.block = new double[lanes];
        }
    }

    /**
     * out[(i * outCols + j) * lanes + b + outOffset] = (A U B^T)[i, j] of lane b, with U read from
     * {@code in} (level grid, lane layout).
     *
     * <p>Every output is its inputs' weighted sum taken GROUP inputs at a time, in ascending input
     * order: out = ((w0 x0 + w1 x1) + w2 x2) + w3 x3, then out += the same of the next four. The
     * one-lane dot products below add in exactly that order, so a lane's result has the same bits
     * whatever the lane count.
     */
    public void apply(double[] in, int lanes, Scratch scratch, double[] out, int outOffset) {
        int rowLen = inCols * lanes;
        // Each input row is copied once into its own array, so that the loops read and write
        // separate arrays at one index (what Java 17's JIT needs to vectorize them).
        double[][] x = scratch.inputs;
        for (int m = 0; m < inRows; m++) {
            if (rowUsed[m]) {
                System.arraycopy(in, m * rowLen, x[m], 0, rowLen);
            }
        }
        applyRows(x, lanes, scratch, out, outOffset);
    }

    /**
     * {@link #apply} of U given as one array per row: {@code rows[m]} holds row m ({@code N_r *
     * lanes} values from index 0), as an inverse FFT leaves them
     * ({@code Fft2D.inverseTransposedModulusRows}), so that they need no copy. Only read.
     */
    public void applyRows(double[][] rows, int lanes, Scratch scratch, double[] out, int outOffset) {
        int rowLen = inCols * lanes;
        if (rows.length < inRows) {
            throw new IllegalArgumentException("rows: " + rows.length + " arrays, need inRows=" + inRows);
        }
        for (int m = 0; m < inRows; m++) {
            if (rowUsed[m] && rows[m].length < rowLen) {
                throw new IllegalArgumentException("rows[" + m + "] has " + rows[m].length
                        + " values, need inCols * lanes = " + rowLen);
            }
        }
        // T = A U
        double[][] t = scratch.rows;
        // in column ranges of CHUNK values, so that the ranges of the input rows stay in the L1 cache
        // while all output rows are summed from them
        for (int from = 0; from < rowLen; from += CHUNK) {
            int to = Math.min(rowLen, from + CHUNK);
            for (int i = 0; i < outRows; i++) {
                weightedSum(rows, rowIndex[i], rowWeight[i], t[i], from, to);
            }
        }
        // S = T B^T, output row by output row
        for (int i = 0; i < outRows; i++) {
            double[] ti = t[i];
            int o = outOffset + i * outCols * lanes;
            if (lanes == 1) {
                // one lane: a dot product in a register per output (a lane loop of length 1 costs
                // more than it computes)
                for (int j = 0; j < outCols; j++) {
                    int[] idx = colIndex[j];
                    double[] w = colWeight[j];
                    double acc = w[0] * ti[idx[0]] + w[1] * ti[idx[1]] + w[2] * ti[idx[2]] + w[3] * ti[idx[3]];
                    for (int q = GROUP; q < idx.length; q += GROUP) {
                        acc += w[q] * ti[idx[q]] + w[q + 1] * ti[idx[q + 1]] + w[q + 2] * ti[idx[q + 2]]
                                + w[q + 3] * ti[idx[q + 3]];
                    }
                    out[o + j] = acc;
                }
                continue;
            }
            // lanes: each lane block of the T row copied once into its own array, as above
            double[][] blocks = scratch.blocks;
            for (int n = 0; n < inCols; n++) {
                if (colUsed[n]) {
                    System.arraycopy(ti, n * lanes, blocks[n], 0, lanes);
                }
            }
            double[] block = scratch.block;
            for (int j = 0; j < outCols; j++) {
                weightedSum(blocks, colIndex[j], colWeight[j], block, 0, lanes);
                System.arraycopy(block, 0, out, o + j * lanes, lanes);
            }
        }
    }

    /**
     * y[from .. to) = sum over q of w[q] x[idx[q]], GROUP terms per pass (idx.length is a positive
     * multiple of GROUP); the first pass assigns (no fill: one pass less over y).
     */
    private static void weightedSum(double[][] x, int[] idx, double[] w, double[] y, int from, int to) {
        for (int q = 0; q < idx.length; q += GROUP) {
            double[] x0 = x[idx[q]], x1 = x[idx[q + 1]], x2 = x[idx[q + 2]], x3 = x[idx[q + 3]];
            double w0 = w[q], w1 = w[q + 1], w2 = w[q + 2], w3 = w[q + 3];
            if (q == 0) {
                for (int p = from; p < to; p++) {
                    y[p] = w0 * x0[p] + w1 * x1[p] + w2 * x2[p] + w3 * x3[p];
                }
            } else {
                for (int p = from; p < to; p++) {
                    y[p] += w0 * x0[p] + w1 * x1[p] + w2 * x2[p] + w3 * x3[p];
                }
            }
        }
    }
    // ---- float64 kernels: end
    // ---- float32 kernels, GENERATED from the float64 kernels above by org.scatter4j.codegen.Float32Kernels (do not edit): begin
    /** Scratch memory for {@link #apply} with up to {@code lanes} lanes; one per thread. */
    public Scratch32 newScratch32(int lanes) {
        return new Scratch32(inRows, outRows, inCols * lanes, inCols, lanes);
    }

    /**
     * Per-thread scratch of {@link #apply}: one array per input row and per intermediate row (first
     * product), one array per lane block of an intermediate row and one output block (second product).
     */
    public static final class Scratch32 {
        final float[][] inputs;
        final float[][] rows;
        final float[][] blocks;
        final float[] block;

        Scratch32(int inRows, int rowCount, int rowLength, int colCount, int lanes) {
            this.inputs = new float[inRows][rowLength];
            this.rows = new float[rowCount][rowLength];
            this.blocks = new float[colCount][lanes];
            this.block = new float[lanes];
        }
    }

    /**
     * out[(i * outCols + j) * lanes + b + outOffset] = (A U B^T)[i, j] of lane b, with U read from
     * {@code in} (level grid, lane layout).
     *
     * <p>Every output is its inputs' weighted sum taken GROUP inputs at a time, in ascending input
     * order: out = ((w0 x0 + w1 x1) + w2 x2) + w3 x3, then out += the same of the next four. The
     * one-lane dot products below add in exactly that order, so a lane's result has the same bits
     * whatever the lane count.
     */
    public void apply(float[] in, int lanes, Scratch32 scratch, float[] out, int outOffset) {
        int rowLen = inCols * lanes;
        // Each input row is copied once into its own array, so that the loops read and write
        // separate arrays at one index (what Java 17's JIT needs to vectorize them).
        float[][] x = scratch.inputs;
        for (int m = 0; m < inRows; m++) {
            if (rowUsed[m]) {
                System.arraycopy(in, m * rowLen, x[m], 0, rowLen);
            }
        }
        applyRows(x, lanes, scratch, out, outOffset);
    }

    /**
     * {@link #apply} of U given as one array per row: {@code rows[m]} holds row m ({@code N_r *
     * lanes} values from index 0), as an inverse FFT leaves them
     * ({@code Fft2D.inverseTransposedModulusRows}), so that they need no copy. Only read.
     */
    public void applyRows(float[][] rows, int lanes, Scratch32 scratch, float[] out, int outOffset) {
        int rowLen = inCols * lanes;
        if (rows.length < inRows) {
            throw new IllegalArgumentException("rows: " + rows.length + " arrays, need inRows=" + inRows);
        }
        for (int m = 0; m < inRows; m++) {
            if (rowUsed[m] && rows[m].length < rowLen) {
                throw new IllegalArgumentException("rows[" + m + "] has " + rows[m].length
                        + " values, need inCols * lanes = " + rowLen);
            }
        }
        // T = A U
        float[][] t = scratch.rows;
        // in column ranges of CHUNK values, so that the ranges of the input rows stay in the L1 cache
        // while all output rows are summed from them
        for (int from = 0; from < rowLen; from += CHUNK) {
            int to = Math.min(rowLen, from + CHUNK);
            for (int i = 0; i < outRows; i++) {
                weightedSum(rows, rowIndex[i], rowWeight32[i], t[i], from, to);
            }
        }
        // S = T B^T, output row by output row
        for (int i = 0; i < outRows; i++) {
            float[] ti = t[i];
            int o = outOffset + i * outCols * lanes;
            if (lanes == 1) {
                // one lane: a dot product in a register per output (a lane loop of length 1 costs
                // more than it computes)
                for (int j = 0; j < outCols; j++) {
                    int[] idx = colIndex[j];
                    float[] w = colWeight32[j];
                    float acc = w[0] * ti[idx[0]] + w[1] * ti[idx[1]] + w[2] * ti[idx[2]] + w[3] * ti[idx[3]];
                    for (int q = GROUP; q < idx.length; q += GROUP) {
                        acc += w[q] * ti[idx[q]] + w[q + 1] * ti[idx[q + 1]] + w[q + 2] * ti[idx[q + 2]]
                                + w[q + 3] * ti[idx[q + 3]];
                    }
                    out[o + j] = acc;
                }
                continue;
            }
            // lanes: each lane block of the T row copied once into its own array, as above
            float[][] blocks = scratch.blocks;
            for (int n = 0; n < inCols; n++) {
                if (colUsed[n]) {
                    System.arraycopy(ti, n * lanes, blocks[n], 0, lanes);
                }
            }
            float[] block = scratch.block;
            for (int j = 0; j < outCols; j++) {
                weightedSum(blocks, colIndex[j], colWeight32[j], block, 0, lanes);
                System.arraycopy(block, 0, out, o + j * lanes, lanes);
            }
        }
    }

    /**
     * y[from .. to) = sum over q of w[q] x[idx[q]], GROUP terms per pass (idx.length is a positive
     * multiple of GROUP); the first pass assigns (no fill: one pass less over y).
     */
    private static void weightedSum(float[][] x, int[] idx, float[] w, float[] y, int from, int to) {
        for (int q = 0; q < idx.length; q += GROUP) {
            float[] x0 = x[idx[q]], x1 = x[idx[q + 1]], x2 = x[idx[q + 2]], x3 = x[idx[q + 3]];
            float w0 = w[q], w1 = w[q + 1], w2 = w[q + 2], w3 = w[q + 3];
            if (q == 0) {
                for (int p = from; p < to; p++) {
                    y[p] = w0 * x0[p] + w1 * x1[p] + w2 * x2[p] + w3 * x3[p];
                }
            } else {
                for (int p = from; p < to; p++) {
                    y[p] += w0 * x0[p] + w1 * x1[p] + w2 * x2[p] + w3 * x3[p];
                }
            }
        }
    }
    // ---- float32 kernels: end
}
