package org.scatter4j.scattering.internal;

import org.scatter4j.wavelets.Float32Tables;

/**
 * A real Fourier filter prepared for "multiply, then subsample by k in the Fourier domain" on lane
 * layout (Kymatio's {@code cdgmm} followed by {@code subsample_fourier}: the mean of the k x k
 * aliases of the product, which equals subsampling the spatial signal by k).
 *
 * <p>Only the entries whose magnitude exceeds 1e-10 of the filter's largest are kept. Why: a Morlet
 * wavelet of scale 2^j is a Gaussian bump of width ~1/2^j around its centre frequency, so at large
 * j most of the grid multiplies by numbers far below the peak; skipping them makes the product cost
 * proportional to the filter's support. The dropped part of the product has at most 1e-10 of its
 * energy (tested: relative L2 difference below 1e-9 against the full product), far below float32
 * output (6e-8) and Kymatio's float32 references. The threshold was 1e-15 (the Gaussian kept to
 * 8.3 standard deviations instead of 6.8): on the 288 x 288 grid of a 256 x 256 image, 1e-10 keeps
 * 20 % fewer weights of a scale-1 wavelet and a third fewer at scales 2 and 3, and these products
 * were the largest single cost of that case in a profile. At j = 0 nearly everything is kept.
 *
 * <p>The work is organised by output row: each output row is the sum over the k x k aliases of a
 * contiguous segment of an input row times the filter. A segment is copied into a scratch row and
 * accumulated into another, so that every inner loop reads and writes separate arrays at the same
 * index (what Java 17's JIT needs to vectorize over the lanes).
 *
 * <p>The grid is whatever the spectra's order is: the cascades keep spectra column-major
 * ({@code Fft2D.forwardTransposed}) and build these from the column-major filters of
 * {@code MorletFilterBank.psiColumnMajor}, an N x M row-major grid; the k x k aliases are the same
 * entries in either order.
 *
 * <p>Immutable and thread-safe. The products themselves are computed by {@link SparseFourierKernels}
 * (float64) and {@code SparseFourierKernels32} (float32, generated), which read the segments below.
 */
public final class SparseFourierFilter {
    /** Default relative threshold below which filter entries are skipped. */
    public static final double NEGLIGIBLE = 1e-10;

    final int k;
    final int inCols;
    final int outRows;
    final int outCols;
    /** segments[a]: the alias segments contributing to output row a. */
    final Segment[][] segments;
    /**
     * The same segments flattened for the one-lane path, which reads them in order: output row a
     * uses segments [rowStart[a], rowStart[a + 1]); segment s adds the input run at segSource[s] to
     * output columns [segFirst[s], segEnd[s]) with the dense weights denseWeights[segWeights[s] + c
     * - segFirst[s]] (0 at dropped entries: adding x * 0 leaves a sum unchanged, so the same bits as
     * the sparse path). Why flat: with a record and an array per segment, loading the next segment
     * missed the cache more often than the short product loops ran (most samples of the one-lane
     * product on a 288 x 288 grid were on the segment loads).
     */
    final int[] rowStart;
    final int[] segSource;
    final int[] segFirst;
    final int[] segEnd;
    final int[] segWeights;
    final double[] denseWeights;
    /** The weights rounded to float32, for the float32 kernels. */
    final float[] denseWeights32;
    /**
     * Rows done "grouped" on lane layout (see {@link SparseFourierKernels#multiplySubsampleRow}): output row a sums its
     * segments four at a time over the columns [groupLo[a], groupHi[a]) that any of them covers;
     * groupSource[a][s] is segment s's input index of column 0 (row * inCols + colStart; the list
     * padded to a multiple of four with copies of the first, weight 0), groupWeights[a][s][c - lo]
     * its weight at column c (0 where dropped). Null for a row done segment by segment.
     */
    final int[] groupLo;
    final int[] groupHi;
    final int[][] groupSource;
    final double[][][] groupWeights;
    final float[][][] groupWeights32;

    /** Input row {@code row}, columns [colStart, colStart + outCols), kept entries at {@code cols} with {@code weights}. */
    record Segment(int row, int colStart, int first, int last, int[] cols, double[] weights, float[] weights32) {
        Segment(int row, int colStart, int first, int last, int[] cols, double[] weights) {
            this(row, colStart, first, last, cols, weights, Float32Tables.of(weights));
        }
    }

    /**
     * @param filter row-major {@code rows x cols} real Fourier filter
     * @param k      subsampling factor (1 = none); divides rows and cols
     */
    public SparseFourierFilter(double[] filter, int rows, int cols, int k) {
        this(filter, rows, cols, k, NEGLIGIBLE);
    }

    /**
     * As {@link #SparseFourierFilter(double[], int, int, int)}, skipping the entries whose magnitude
     * is at most {@code negligible} times the largest (in [0, 1)); a larger threshold trades
     * accuracy of the product for a smaller support.
     */
    public SparseFourierFilter(double[] filter, int rows, int cols, int k, double negligible) {
        if (!(negligible >= 0 && negligible < 1)) {
            throw new IllegalArgumentException("negligible must be in [0, 1), got negligible=" + negligible);
        }
        if (k < 1 || rows % k != 0 || cols % k != 0) {
            throw new IllegalArgumentException("grid " + rows + "x" + cols + " is not divisible by k=" + k);
        }
        this.k = k;
        this.inCols = cols;
        this.outRows = rows / k;
        this.outCols = cols / k;
        double max = maxMagnitude(filter);
        double scale = 1.0 / ((double) k * k); // the mean over the k x k aliases
        this.segments = new Segment[outRows][];
        // one candidate segment at a time; only the kept entries are copied out (most segments of a
        // coarse wavelet keep nothing, and allocating for each was most of the build time of a bank)
        int[] idx = new int[outCols];
        double[] w = new double[outCols];
        for (int a = 0; a < outRows; a++) {
            java.util.List<Segment> list = new java.util.ArrayList<>();
            for (int p = 0; p < k; p++) {
                int row = a + p * outRows;
                for (int q = 0; q < k; q++) {
                    int colStart = q * outCols;
                    int n = keptEntries(filter, row * cols + colStart, outCols, negligible * max, scale, idx, w);
                    if (n > 0) {
                        list.add(new Segment(row, colStart, idx[0], idx[n - 1], java.util.Arrays.copyOf(idx, n),
                                java.util.Arrays.copyOf(w, n)));
                    }
                }
            }
            segments[a] = list.toArray(new Segment[0]);
        }
        int count = 0;
        int weights = 0;
        for (Segment[] row : segments) {
            count += row.length;
            for (Segment sg : row) {
                weights += sg.last - sg.first + 1;
            }
        }
        this.rowStart = new int[outRows + 1];
        this.segSource = new int[count];
        this.segFirst = new int[count];
        this.segEnd = new int[count];
        this.segWeights = new int[count];
        this.denseWeights = new double[weights];
        int g = 0;
        int at = 0;
        for (int a = 0; a < outRows; a++) {
            rowStart[a] = g;
            for (Segment sg : segments[a]) {
                segSource[g] = sg.row * cols + sg.colStart + sg.first;
                segFirst[g] = sg.first;
                segEnd[g] = sg.last + 1;
                segWeights[g] = at;
                scatter(sg.cols, sg.weights, denseWeights, at - sg.first);
                at += sg.last - sg.first + 1;
                g++;
            }
        }
        rowStart[outRows] = g;
        this.denseWeights32 = Float32Tables.of(denseWeights);
        this.groupLo = new int[outRows];
        this.groupHi = new int[outRows];
        this.groupSource = new int[outRows][];
        this.groupWeights = new double[outRows][][];
        this.groupWeights32 = new float[outRows][][];
        for (int a = 0; a < outRows; a++) {
            Segment[] row = segments[a];
            if (row.length < 2) {
                continue;
            }
            int lo = outCols;
            int hi = 0;
            long segmentCost = 0; // values moved, per lane: the copies and 3 per kept entry (read in, read and write the sum)
            for (Segment sg : row) {
                lo = Math.min(lo, sg.first);
                hi = Math.max(hi, sg.last + 1);
                segmentCost += 2L * (sg.last - sg.first + 1) + 3L * sg.cols.length;
            }
            int padded = (row.length + GROUP - 1) / GROUP * GROUP;
            // grouped: a copy of the range per segment, then per group GROUP reads and one write per value
            long groupedCost = 2L * padded * (hi - lo) + (long) (padded / GROUP) * (GROUP + 1) * (hi - lo);
            if (groupedCost >= segmentCost) {
                continue;
            }
            groupLo[a] = lo;
            groupHi[a] = hi;
            groupSource[a] = new int[padded];
            groupWeights[a] = new double[padded][hi - lo];
            groupWeights32[a] = new float[padded][];
            for (int e = 0; e < padded; e++) {
                Segment sg = row[e < row.length ? e : 0];
                groupSource[a][e] = sg.row * cols + sg.colStart;
                if (e < row.length) {
                    scatter(sg.cols, sg.weights, groupWeights[a][e], -lo);
                }
                groupWeights32[a][e] = Float32Tables.of(groupWeights[a][e]);
            }
        }
    }

    /*
     * The loops of the constructor over whole filters are small static methods (maxMagnitude,
     * keptEntries, scatter): called many times, the JIT compiles them within the first filter of a
     * bank. Inline in the constructor, they ran interpreted for the first filters of a large grid
     * (the build times are in docs/performance-history.md).
     */

    /** The largest |v| of the filter (a comparison, not Math.max: the filters are finite, no NaN rule needed). */
    private static double maxMagnitude(double[] filter) {
        double max = 0;
        for (double v : filter) {
            double a = Math.abs(v);
            if (a > max) {
                max = a;
            }
        }
        return max;
    }

    /** dense[offset + cols[e]] = weights[e]. */
    private static void scatter(int[] cols, double[] weights, double[] dense, int offset) {
        for (int e = 0; e < cols.length; e++) {
            dense[offset + cols[e]] = weights[e];
        }
    }

    /**
     * The entries of {@code filter[from .. from + length)} whose magnitude exceeds {@code threshold}:
     * their offsets into idx, their values times {@code scale} into w; returns how many.
     */
    private static int keptEntries(double[] filter, int from, int length, double threshold, double scale, int[] idx,
                                   double[] w) {
        int n = 0;
        for (int c = 0; c < length; c++) {
            double v = filter[from + c];
            if (Math.abs(v) > threshold) {
                idx[n] = c;
                w[n++] = v * scale;
            }
        }
        return n;
    }

    /** Segments summed per pass in a grouped row (four inputs and the output: a loop C2 vectorizes). */
    static final int GROUP = 4;

    /** How many output rows use the grouped path on lane layout (for tests). */
    int groupedRows() {
        int n = 0;
        for (int[] g : groupSource) {
            n += g == null ? 0 : 1;
        }
        return n;
    }

}
