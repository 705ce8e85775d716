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
    private final int[][] colIndex;
    private final double[][] colWeight;
    /** The transpose of the sparse rows of A: for input row m, the output rows that use it. */
    private final int[][] usersOfRow;
    private final double[][] userWeights;
    /** The transpose of the sparse rows of B: for input column n, the output columns that use it. */
    private final int[][] usersOfCol;
    private final double[][] colUserWeights;
    /** The weights rounded to float32, for the float32 kernels. */
    private final float[][] colWeight32;
    private final float[][] userWeights32;
    private final float[][] colUserWeights32;

    public LowPassOperator(double[] rowFourier, double[] colFourier, int k, int outRows, int outCols) {
        this.inRows = rowFourier.length;
        this.inCols = colFourier.length;
        this.outRows = outRows;
        this.outCols = outCols;
        double[] hRow = realInverseDft(rowFourier);
        double[] hCol = realInverseDft(colFourier);
        // sparse rows of A: for output row i, input rows rowIndex[i][*] with weights rowWeight[i][*]
        int[][] rowIndex = new int[outRows][];
        double[][] rowWeight = new double[outRows][];
        this.colIndex = new int[outCols][];
        this.colWeight = new double[outCols][];
        sparseRows(hRow, k, outRows, rowIndex, rowWeight);
        sparseRows(hCol, k, outCols, colIndex, colWeight);
        this.usersOfRow = new int[inRows][];
        this.userWeights = new double[inRows][];
        transpose(rowIndex, rowWeight, inRows, usersOfRow, userWeights);
        this.usersOfCol = new int[inCols][];
        this.colUserWeights = new double[inCols][];
        transpose(colIndex, colWeight, inCols, usersOfCol, colUserWeights);
        this.colWeight32 = Float32Tables.of(colWeight);
        this.userWeights32 = Float32Tables.of(userWeights);
        this.colUserWeights32 = Float32Tables.of(colUserWeights);
    }


    /**
     * For sparse rows (output i uses inputs index[i][*] with weight[i][*]): for every input m, the
     * outputs that use it, ascending, with their weights.
     */
    private static void transpose(int[][] index, double[][] weight, int inputs, int[][] users, double[][] userWeights) {
        int outputs = index.length;
        for (int m = 0; m < inputs; m++) {
            int count = 0;
            int[] u = new int[outputs];
            double[] w = new double[outputs];
            for (int i = 0; i < outputs; i++) {
                for (int q = 0; q < index[i].length; q++) {
                    if (index[i][q] == m) {
                        u[count] = i;
                        w[count++] = weight[i][q];
                    }
                }
            }
            users[m] = java.util.Arrays.copyOf(u, count);
            userWeights[m] = java.util.Arrays.copyOf(w, count);
        }
    }

    private static void sparseRows(double[] h, int k, int out, int[][] index, double[][] weight) {
        int n = h.length;
        double max = 0;
        for (double v : h) {
            max = Math.max(max, Math.abs(v));
        }
        for (int i = 0; i < out; i++) {
            int u = k * (i + 1); // +1: Kymatio's unpad drops the first subsampled sample
            int count = 0;
            int[] idx = new int[n];
            double[] w = new double[n];
            for (int m = 0; m < n; m++) {
                double v = h[Math.floorMod(u - m, n)];
                if (Math.abs(v) > NEGLIGIBLE * max) {
                    idx[count] = m;
                    w[count] = v;
                    count++;
                }
            }
            index[i] = java.util.Arrays.copyOf(idx, count);
            weight[i] = java.util.Arrays.copyOf(w, count);
        }
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
        return new Scratch(outRows, inCols * lanes, outCols, lanes);
    }

    /**
     * Per-thread scratch of {@link #apply}: one array per intermediate row and one input row (first
     * product), one array per output column and one lane block (second product).
     */
    public static final class Scratch {
        final double[][] rows;
        final double[] input;
        final double[][] columns;
        final double[] block;

        Scratch(int rowCount, int rowLength, int colCount, int lanes) {
            this.rows = new double[rowCount][rowLength];
            this.input = new double[rowLength];
            this.columns = new double[colCount][lanes];
            this.block = new double[lanes];
        }
    }

    /**
     * out[(i * outCols + j) * lanes + b + outOffset] = (A U B^T)[i, j] of lane b, with U read from
     * {@code in} (level grid, lane layout).
     */
    public void apply(double[] in, int lanes, Scratch scratch, double[] out, int outOffset) {
        int rowLen = inCols * lanes;
        double[][] t = scratch.rows;
        double[] row = scratch.input;
        // T = A U, input row by input row: each row is copied once into its own array, then added to
        // the intermediate rows that use it. Every loop then reads and writes separate arrays at the
        // same index, which is what Java 17's JIT needs to vectorize it.
        for (int i = 0; i < outRows; i++) {
            java.util.Arrays.fill(t[i], 0, rowLen, 0.0);
        }
        for (int m = 0; m < inRows; m++) {
            int[] users = usersOfRow[m];
            if (users.length == 0) {
                continue;
            }
            System.arraycopy(in, m * rowLen, row, 0, rowLen);
            double[] w = userWeights[m];
            for (int q = 0; q < users.length; q++) {
                double a = w[q];
                double[] ti = t[users[q]];
                for (int p = 0; p < rowLen; p++) {
                    ti[p] += a * row[p];
                }
            }
        }
        // S = T B^T, output row by output row
        for (int i = 0; i < outRows; i++) {
            double[] ti = t[i];
            int o = outOffset + i * outCols * lanes;
            if (lanes == 1) {
                // one lane: a plain dot product in a register per output (the lane loop of length 1
                // and the fill per output were most of this stage on large grids); same sums, same order
                for (int j = 0; j < outCols; j++) {
                    int[] idx = colIndex[j];
                    double[] w = colWeight[j];
                    double acc = 0.0;
                    for (int q = 0; q < idx.length; q++) {
                        acc += w[q] * ti[idx[q]];
                    }
                    out[o + j] = acc;
                }
                continue;
            }
            // lanes: as in T = A U, each lane block of the T row is copied once and added to the
            // output columns that use it, so that every loop reads and writes separate arrays at one
            // index (written as out[o0 + b] += w * ti[s0 + b], the loop stayed scalar: it was over half of
            // this method's samples for 28 x 28 images). The same sums in the same order (ascending
            // input column) as the dot products, so the same bits.
            double[][] acc = scratch.columns;
            double[] block = scratch.block;
            for (int j = 0; j < outCols; j++) {
                java.util.Arrays.fill(acc[j], 0, lanes, 0.0);
            }
            for (int n = 0; n < inCols; n++) {
                int[] users = usersOfCol[n];
                if (users.length == 0) {
                    continue;
                }
                System.arraycopy(ti, n * lanes, block, 0, lanes);
                double[] w = colUserWeights[n];
                for (int q = 0; q < users.length; q++) {
                    double bw = w[q];
                    double[] aj = acc[users[q]];
                    for (int b = 0; b < lanes; b++) {
                        aj[b] += bw * block[b];
                    }
                }
            }
            for (int j = 0; j < outCols; j++) {
                System.arraycopy(acc[j], 0, out, o + j * lanes, lanes);
            }
        }
    }
    // ---- float64 kernels: end
    // ---- float32 kernels, GENERATED from the float64 kernels above by org.scatter4j.codegen.Float32Kernels (do not edit): begin
    /** Scratch32 memory for {@link #apply} with up to {@code lanes} lanes; one per thread. */
    public Scratch32 newScratch32(int lanes) {
        return new Scratch32(outRows, inCols * lanes, outCols, lanes);
    }

    /**
     * Per-thread scratch of {@link #apply}: one array per intermediate row and one input row (first
     * product), one array per output column and one lane block (second product).
     */
    public static final class Scratch32 {
        final float[][] rows;
        final float[] input;
        final float[][] columns;
        final float[] block;

        Scratch32(int rowCount, int rowLength, int colCount, int lanes) {
            this.rows = new float[rowCount][rowLength];
            this.input = new float[rowLength];
            this.columns = new float[colCount][lanes];
            this.block = new float[lanes];
        }
    }

    /**
     * out[(i * outCols + j) * lanes + b + outOffset] = (A U B^T)[i, j] of lane b, with U read from
     * {@code in} (level grid, lane layout).
     */
    public void apply(float[] in, int lanes, Scratch32 scratch, float[] out, int outOffset) {
        int rowLen = inCols * lanes;
        float[][] t = scratch.rows;
        float[] row = scratch.input;
        // T = A U, input row by input row: each row is copied once into its own array, then added to
        // the intermediate rows that use it. Every loop then reads and writes separate arrays at the
        // same index, which is what Java 17's JIT needs to vectorize it.
        for (int i = 0; i < outRows; i++) {
            java.util.Arrays.fill(t[i], 0, rowLen, 0.0f);
        }
        for (int m = 0; m < inRows; m++) {
            int[] users = usersOfRow[m];
            if (users.length == 0) {
                continue;
            }
            System.arraycopy(in, m * rowLen, row, 0, rowLen);
            float[] w = userWeights32[m];
            for (int q = 0; q < users.length; q++) {
                float a = w[q];
                float[] ti = t[users[q]];
                for (int p = 0; p < rowLen; p++) {
                    ti[p] += a * row[p];
                }
            }
        }
        // S = T B^T, output row by output row
        for (int i = 0; i < outRows; i++) {
            float[] ti = t[i];
            int o = outOffset + i * outCols * lanes;
            if (lanes == 1) {
                // one lane: a plain dot product in a register per output (the lane loop of length 1
                // and the fill per output were most of this stage on large grids); same sums, same order
                for (int j = 0; j < outCols; j++) {
                    int[] idx = colIndex[j];
                    float[] w = colWeight32[j];
                    float acc = 0.0f;
                    for (int q = 0; q < idx.length; q++) {
                        acc += w[q] * ti[idx[q]];
                    }
                    out[o + j] = acc;
                }
                continue;
            }
            // lanes: as in T = A U, each lane block of the T row is copied once and added to the
            // output columns that use it, so that every loop reads and writes separate arrays at one
            // index (written as out[o0 + b] += w * ti[s0 + b], the loop stayed scalar: it was over half of
            // this method's samples for 28 x 28 images). The same sums in the same order (ascending
            // input column) as the dot products, so the same bits.
            float[][] acc = scratch.columns;
            float[] block = scratch.block;
            for (int j = 0; j < outCols; j++) {
                java.util.Arrays.fill(acc[j], 0, lanes, 0.0f);
            }
            for (int n = 0; n < inCols; n++) {
                int[] users = usersOfCol[n];
                if (users.length == 0) {
                    continue;
                }
                System.arraycopy(ti, n * lanes, block, 0, lanes);
                float[] w = colUserWeights32[n];
                for (int q = 0; q < users.length; q++) {
                    float bw = w[q];
                    float[] aj = acc[users[q]];
                    for (int b = 0; b < lanes; b++) {
                        aj[b] += bw * block[b];
                    }
                }
            }
            for (int j = 0; j < outCols; j++) {
                System.arraycopy(acc[j], 0, out, o + j * lanes, lanes);
            }
        }
    }
    // ---- float32 kernels: end
}
