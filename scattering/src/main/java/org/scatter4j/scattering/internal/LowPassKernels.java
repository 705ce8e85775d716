package org.scatter4j.scattering.internal;

/**
 * The float64 kernels of {@link LowPassOperator}: S = A U B^T on lane layout, with their scratch.
 * {@code LowPassKernels32} is their float32 twin, generated from this file by
 * {@code org.scatter4j.codegen.Float32Kernels}.
 */
public final class LowPassKernels {
    private LowPassKernels() {
    }

    private static final int GROUP = LowPassOperator.GROUP;
    private static final int CHUNK = LowPassOperator.CHUNK;

    /** Scratch memory for {@link #apply} with up to {@code lanes} lanes; one per thread. */
    public static Scratch newScratch(LowPassOperator op, int lanes) {
        return new Scratch(op.inRows, op.outRows, op.inCols * lanes, op.inCols, lanes);
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
    public static void apply(LowPassOperator op, double[] in, int lanes, Scratch scratch, double[] out, int outOffset) {
        int rowLen = op.inCols * lanes;
        // Each input row is copied once into its own array, so that the loops read and write
        // separate arrays at one index (what Java 17's JIT needs to vectorize them).
        double[][] x = scratch.inputs;
        for (int m = 0; m < op.inRows; m++) {
            if (op.rowUsed[m]) {
                System.arraycopy(in, m * rowLen, x[m], 0, rowLen);
            }
        }
        applyRows(op, x, lanes, scratch, out, outOffset);
    }

    /**
     * {@link #apply} of U given as one array per row: {@code rows[m]} holds row m ({@code N_r *
     * lanes} values from index 0), as an inverse FFT leaves them
     * ({@code Fft2D.inverseTransposedModulusRows}), so that they need no copy. Only read.
     */
    public static void applyRows(LowPassOperator op, double[][] rows, int lanes, Scratch scratch, double[] out,
                                 int outOffset) {
        int rowLen = op.inCols * lanes;
        if (rows.length < op.inRows) {
            throw new IllegalArgumentException("rows: " + rows.length + " arrays, need inRows=" + op.inRows);
        }
        for (int m = 0; m < op.inRows; m++) {
            if (op.rowUsed[m] && rows[m].length < rowLen) {
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
            for (int i = 0; i < op.outRows; i++) {
                weightedSum(rows, op.rowIndex[i], op.rowWeight[i], t[i], from, to);
            }
        }
        // S = T B^T, output row by output row
        for (int i = 0; i < op.outRows; i++) {
            double[] ti = t[i];
            int o = outOffset + i * op.outCols * lanes;
            if (lanes == 1) {
                // one lane: a dot product in a register per output (a lane loop of length 1 costs
                // more than it computes)
                for (int j = 0; j < op.outCols; j++) {
                    int[] idx = op.colIndex[j];
                    double[] w = op.colWeight[j];
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
            for (int n = 0; n < op.inCols; n++) {
                if (op.colUsed[n]) {
                    System.arraycopy(ti, n * lanes, blocks[n], 0, lanes);
                }
            }
            double[] block = scratch.block;
            for (int j = 0; j < op.outCols; j++) {
                weightedSum(blocks, op.colIndex[j], op.colWeight[j], block, 0, lanes);
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
}
