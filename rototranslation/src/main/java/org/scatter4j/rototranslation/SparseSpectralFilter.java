package org.scatter4j.rototranslation;

import java.util.Arrays;

/**
 * A real Fourier filter on a rows x cols grid stored by its support, fused with the Fourier-domain
 * subsampling by k: {@code dst = subsample_k(src * filter)}, i.e. dst[r', c'] = (1 / k^2) sum over the
 * k x k aliases (r' + i rows / k, c' + j cols / k) of src * filter (Kymatio's subsample_fourier, which
 * equals subsampling the inverse transform by k in space).
 *
 * <p>Why: the wavelets are Gaussians in frequency; on the grid of a coarser scale most of the grid
 * carries weights below 1e-16 of the peak, and the generic product (LaneOps.multiplySubsample) spends
 * two modulo operations per sample. Here the weights at or above {@value #RELATIVE_THRESHOLD} times
 * the largest are kept as runs of consecutive columns that do not cross an alias boundary, each run
 * with its source and destination offsets and its weights pre-scaled by 1 / k^2; a skipped weight
 * changes an output by less than 1e-16 of the filter's peak times the input's magnitude. Runs are
 * applied in increasing source order, so every output sums its aliases in the same order as the
 * dense product.
 *
 * <p>Data use the lane layout: value (r, c) of lane b at {@code (r * cols + c) * lanes + b}. Immutable.
 */
final class SparseSpectralFilter {
    static final double RELATIVE_THRESHOLD = 1e-16;

    private final int rows;
    private final int cols;
    private final int k;
    private final int outSize;
    /** Per run: source pixel offset, destination pixel offset, length. */
    private final int[] runs;
    private final double[] weights;

    SparseSpectralFilter(double[] filter, int rows, int cols, int k) {
        if (rows % k != 0 || cols % k != 0) {
            throw new IllegalArgumentException("grid " + rows + "x" + cols + " is not divisible by k=" + k);
        }
        this.rows = rows;
        this.cols = cols;
        this.k = k;
        int outRows = rows / k;
        int outCols = cols / k;
        this.outSize = outRows * outCols;
        double max = 0;
        for (double v : filter) {
            max = Math.max(max, Math.abs(v));
        }
        double threshold = RELATIVE_THRESHOLD * max;
        double scale = 1.0 / ((double) k * k);
        int[] r3 = new int[3 * rows * cols];
        double[] w = new double[rows * cols];
        int nRuns = 0;
        int nWeights = 0;
        for (int r = 0; r < rows; r++) {
            int dstRow = (r % outRows) * outCols;
            int c = 0;
            while (c < cols) {
                if (!(Math.abs(filter[r * cols + c]) >= threshold) || filter[r * cols + c] == 0) {
                    c++;
                    continue;
                }
                int start = c;
                int blockEnd = (c / outCols + 1) * outCols;
                while (c < blockEnd && Math.abs(filter[r * cols + c]) >= threshold && filter[r * cols + c] != 0) {
                    w[nWeights++] = filter[r * cols + c] * scale;
                    c++;
                }
                r3[3 * nRuns] = r * cols + start;
                r3[3 * nRuns + 1] = dstRow + start % outCols;
                r3[3 * nRuns + 2] = c - start;
                nRuns++;
            }
        }
        this.runs = Arrays.copyOf(r3, 3 * nRuns);
        this.weights = Arrays.copyOf(w, nWeights);
    }

    /** Fraction of the grid's weights kept. */
    double density() {
        return weights.length / (double) (rows * cols);
    }

    int outputSize() {
        return outSize;
    }

    /**
     * dst = subsample_k(src * filter) on {@code lanes} lanes; src has rows x cols pixels, dst
     * rows/k x cols/k pixels. The first {@code outSize * lanes} values of dst are overwritten.
     */
    void apply(double[] srcRe, double[] srcIm, int lanes, double[] dstRe, double[] dstIm) {
        int len = outSize * lanes;
        Arrays.fill(dstRe, 0, len, 0.0);
        Arrays.fill(dstIm, 0, len, 0.0);
        int wq = 0;
        if (lanes == 1) {
            for (int q = 0; q < runs.length; q += 3) {
                int s = runs[q];
                int d = runs[q + 1];
                int n = runs[q + 2];
                for (int i = 0; i < n; i++) {
                    double wt = weights[wq + i];
                    dstRe[d + i] += srcRe[s + i] * wt;
                    dstIm[d + i] += srcIm[s + i] * wt;
                }
                wq += n;
            }
            return;
        }
        for (int q = 0; q < runs.length; q += 3) {
            int s = runs[q] * lanes;
            int d = runs[q + 1] * lanes;
            int n = runs[q + 2];
            for (int i = 0; i < n; i++) {
                double wt = weights[wq + i];
                for (int b = 0; b < lanes; b++) {
                    dstRe[d + b] += srcRe[s + b] * wt;
                    dstIm[d + b] += srcIm[s + b] * wt;
                }
                s += lanes;
                d += lanes;
            }
            wq += n;
        }
    }
}
