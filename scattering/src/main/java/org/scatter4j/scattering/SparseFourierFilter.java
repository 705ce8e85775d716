package org.scatter4j.scattering;

import org.scatter4j.wavelets.Float32Tables;
import org.scatter4j.wavelets.fft.Fft2D;
import org.scatter4j.wavelets.fft.FloatFft2D;

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
 * <p>Immutable and thread-safe; the scratch comes from {@link #newScratch}.
 */
public final class SparseFourierFilter {
    /** Default relative threshold below which filter entries are skipped. */
    public static final double NEGLIGIBLE = 1e-10;

    private final int k;
    private final int inCols;
    private final int outRows;
    private final int outCols;
    /** segments[a]: the alias segments contributing to output row a. */
    private final Segment[][] segments;
    /**
     * The same segments flattened for the one-lane path, which reads them in order: output row a
     * uses segments [rowStart[a], rowStart[a + 1]); segment s adds the input run at segSource[s] to
     * output columns [segFirst[s], segEnd[s]) with the dense weights denseWeights[segWeights[s] + c
     * - segFirst[s]] (0 at dropped entries: adding x * 0 leaves a sum unchanged, so the same bits as
     * the sparse path). Why flat: with a record and an array per segment, loading the next segment
     * missed the cache more often than the short product loops ran (most samples of the one-lane
     * product on a 288 x 288 grid were on the segment loads).
     */
    private final int[] rowStart;
    private final int[] segSource;
    private final int[] segFirst;
    private final int[] segEnd;
    private final int[] segWeights;
    private final double[] denseWeights;
    /** The weights rounded to float32, for the float32 kernels. */
    private final float[] denseWeights32;
    /**
     * Rows done "grouped" on lane layout (see {@link #multiplySubsampleRow}): output row a sums its
     * segments four at a time over the columns [groupLo[a], groupHi[a]) that any of them covers;
     * groupSource[a][s] is segment s's input index of column 0 (row * inCols + colStart; the list
     * padded to a multiple of four with copies of the first, weight 0), groupWeights[a][s][c - lo]
     * its weight at column c (0 where dropped). Null for a row done segment by segment.
     */
    private final int[] groupLo;
    private final int[] groupHi;
    private final int[][] groupSource;
    private final double[][][] groupWeights;
    private final float[][][] groupWeights32;

    /** Input row {@code row}, columns [colStart, colStart + outCols), kept entries at {@code cols} with {@code weights}. */
    private record Segment(int row, int colStart, int first, int last, int[] cols, double[] weights, float[] weights32) {
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
     * bank. Inline in the constructor, they ran interpreted for the first filters of a large grid,
     * and the build of a 512 x 512, J = 5 transform took 1.5-3.3 s in fresh JVMs (median 1.9),
     * depending on when the constructor's own compilation landed.
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

    // ---- float64 kernels: begin
    /** Scratch rows for {@link #multiplySubsample} on grids up to {@code cols} wide with {@code lanes} lanes. */
    public static Scratch newScratch(int cols, int lanes) {
        return new Scratch(cols * lanes);
    }

    /** Per-thread scratch of {@link #multiplySubsample}. */
    public static final class Scratch {
        final double[] inRe;
        final double[] inIm;
        final double[] accRe;
        final double[] accIm;
        /** The one-lane path's weights of a segment, at the output columns they serve. */
        final double[] weightRow;
        /** The input runs of a group of segments (grouped rows), at the output columns they serve. */
        final double[][] groupRe;
        final double[][] groupIm;

        Scratch(int length) {
            inRe = new double[length];
            inIm = new double[length];
            accRe = new double[length];
            accIm = new double[length];
            weightRow = new double[length];
            groupRe = new double[GROUP][length];
            groupIm = new double[GROUP][length];
        }
    }

    /** dst = subsample_k(src * filter), lane layout on both grids; src and dst must be different arrays. */
    public void multiplySubsample(double[] srcRe, double[] srcIm, int lanes, Scratch scratch, double[] dstRe, double[] dstIm) {
        if (k == 1 && lanes > 1) {
            multiply(srcRe, srcIm, lanes, dstRe, dstIm);
            return;
        }
        int outLen = outCols * lanes;
        for (int a = 0; a < outRows; a++) {
            multiplySubsampleRow(srcRe, srcIm, lanes, a, scratch, scratch.accRe, scratch.accIm);
            System.arraycopy(scratch.accRe, 0, dstRe, a * outLen, outLen);
            System.arraycopy(scratch.accIm, 0, dstIm, a * outLen, outLen);
        }
    }

    /**
     * Row {@code a} of subsample_k(src * filter) ({@code outCols * lanes} values), written from index
     * 0 of {@code (rowRe, rowIm)}: for a consumer that takes the product row by row, such as an
     * inverse FFT filling its input blocks ({@link Product}). The values of {@link #multiplySubsample}.
     */
    public void multiplySubsampleRow(double[] srcRe, double[] srcIm, int lanes, int a, Scratch scratch, double[] rowRe,
                                     double[] rowIm) {
        if (lanes == 1) {
            multiplySubsampleSingleRow(srcRe, srcIm, a, scratch, rowRe, rowIm);
            return;
        }
        if (groupSource[a] != null) {
            multiplySubsampleGroupedRow(srcRe, srcIm, lanes, a, scratch, rowRe, rowIm);
            return;
        }
        if (k == 1) {
            multiplyRow(srcRe, srcIm, lanes, a, rowRe, rowIm);
            return;
        }
        double[] inRe = scratch.inRe;
        double[] inIm = scratch.inIm;
        java.util.Arrays.fill(rowRe, 0, outCols * lanes, 0.0);
        java.util.Arrays.fill(rowIm, 0, outCols * lanes, 0.0);
        for (Segment s : segments[a]) {
            int[] cols = s.cols;
            double[] weights = s.weights;
            int from = s.first * lanes;
            int length = (s.last - s.first + 1) * lanes;
            int src = (s.row * inCols + s.colStart) * lanes + from;
            System.arraycopy(srcRe, src, inRe, from, length);
            System.arraycopy(srcIm, src, inIm, from, length);
            for (int e = 0; e < cols.length; e++) {
                double w = weights[e];
                int off = cols[e] * lanes;
                for (int b = off; b < off + lanes; b++) {
                    rowRe[b] += inRe[b] * w;
                    rowIm[b] += inIm[b] * w;
                }
            }
        }
    }

    /**
     * k = 1 (no subsampling: at most one segment per row, at the output's own columns): the input
     * run copied into the row and scaled in place, column by column (a dropped entry inside the
     * run is scaled by 0), zeros outside the run. Was: fill, copy to scratch, accumulate; the same
     * operations (0 + x w), so the same bits.
     */
    private void multiplyRow(double[] srcRe, double[] srcIm, int lanes, int a, double[] rowRe, double[] rowIm) {
        int length = outCols * lanes;
        if (segments[a].length == 0) {
            java.util.Arrays.fill(rowRe, 0, length, 0.0);
            java.util.Arrays.fill(rowIm, 0, length, 0.0);
            return;
        }
        int g = rowStart[a];
        int first = segFirst[g];
        int end = segEnd[g];
        int from = first * lanes;
        int to = end * lanes;
        java.util.Arrays.fill(rowRe, 0, from, 0.0);
        java.util.Arrays.fill(rowIm, 0, from, 0.0);
        java.util.Arrays.fill(rowRe, to, length, 0.0);
        java.util.Arrays.fill(rowIm, to, length, 0.0);
        System.arraycopy(srcRe, segSource[g] * lanes, rowRe, from, to - from);
        System.arraycopy(srcIm, segSource[g] * lanes, rowIm, from, to - from);
        double[] w = denseWeights;
        int at = segWeights[g] - first;
        for (int c = first; c < end; c++) {
            double wc = w[at + c];
            int off = c * lanes;
            for (int b = off; b < off + lanes; b++) {
                // 0 + x w, as the accumulating paths compute it: a dropped entry gives +0, not -0
                rowRe[b] = 0.0 + rowRe[b] * wc;
                rowIm[b] = 0.0 + rowIm[b] * wc;
            }
        }
    }

    /**
     * A row whose segments overlap in the output columns (the k x k aliases of a wide wavelet): per
     * group of GROUP segments, each one's input run over the row's column range copied to its own
     * array at the output index, then every output value written once as the group's weighted sum,
     * ((w0 x0 + w1 x1) + w2 x2) + w3 x3 (plus the previous groups'). Segment by segment, the output
     * was read and written again for every segment. The same terms in the same order as that path
     * and the one-lane one (a dropped entry adds x * 0), so the same values whatever the lane count
     * (a zero may differ in sign, which the modulus after the inverse FFT removes: the transform's
     * outputs are the same bits at any lane count, ScatteringPropertiesTest).
     */
    private void multiplySubsampleGroupedRow(double[] srcRe, double[] srcIm, int lanes, int a, Scratch scratch,
                                             double[] rowRe, double[] rowIm) {
        int lo = groupLo[a];
        int hi = groupHi[a];
        int from = lo * lanes;
        int to = hi * lanes;
        java.util.Arrays.fill(rowRe, 0, from, 0.0);
        java.util.Arrays.fill(rowIm, 0, from, 0.0);
        java.util.Arrays.fill(rowRe, to, outCols * lanes, 0.0);
        java.util.Arrays.fill(rowIm, to, outCols * lanes, 0.0);
        int[] source = groupSource[a];
        double[][] weights = groupWeights[a];
        double[] x0r = scratch.groupRe[0], x1r = scratch.groupRe[1], x2r = scratch.groupRe[2], x3r = scratch.groupRe[3];
        double[] x0i = scratch.groupIm[0], x1i = scratch.groupIm[1], x2i = scratch.groupIm[2], x3i = scratch.groupIm[3];
        for (int g = 0; g < source.length; g += GROUP) {
            for (int e = 0; e < GROUP; e++) {
                int src = source[g + e] * lanes + from;
                System.arraycopy(srcRe, src, scratch.groupRe[e], from, to - from);
                System.arraycopy(srcIm, src, scratch.groupIm[e], from, to - from);
            }
            double[] v0 = weights[g], v1 = weights[g + 1], v2 = weights[g + 2], v3 = weights[g + 3];
            for (int c = lo; c < hi; c++) {
                double w0 = v0[c - lo], w1 = v1[c - lo], w2 = v2[c - lo], w3 = v3[c - lo];
                int off = c * lanes;
                if (g == 0) {
                    for (int b = off; b < off + lanes; b++) {
                        rowRe[b] = w0 * x0r[b] + w1 * x1r[b] + w2 * x2r[b] + w3 * x3r[b];
                    }
                    for (int b = off; b < off + lanes; b++) {
                        rowIm[b] = w0 * x0i[b] + w1 * x1i[b] + w2 * x2i[b] + w3 * x3i[b];
                    }
                } else {
                    for (int b = off; b < off + lanes; b++) {
                        rowRe[b] += w0 * x0r[b] + w1 * x1r[b] + w2 * x2r[b] + w3 * x3r[b];
                    }
                    for (int b = off; b < off + lanes; b++) {
                        rowIm[b] += w0 * x0i[b] + w1 * x1i[b] + w2 * x2i[b] + w3 * x3i[b];
                    }
                }
            }
        }
    }

    /**
     * One lane (large images, where a lane block holds a single image): no lane loop to vectorize,
     * so the per-entry loop of the general path runs scalar. Instead each segment's input run and
     * its dense weights are copied into scratch rows at the output columns they serve, and the
     * product is accumulated in a loop that reads and writes every array at one index, which C2
     * vectorizes (written as {@code dst[o + c] += src[s + c] * w[g + c]}, three offsets, it stayed
     * scalar: 5x slower on a 288-long row, and the largest cost of a 256 x 256 image in a profile).
     * The same sums in the same order as the general path (a dropped entry adds x * 0), so the same
     * bits whatever the lane count.
     */
    private void multiplySubsampleSingleRow(double[] srcRe, double[] srcIm, int a, Scratch scratch, double[] rowRe,
                                            double[] rowIm) {
        double[] w = denseWeights;
        double[] inRe = scratch.inRe;
        double[] inIm = scratch.inIm;
        double[] wRow = scratch.weightRow;
        java.util.Arrays.fill(rowRe, 0, outCols, 0.0);
        java.util.Arrays.fill(rowIm, 0, outCols, 0.0);
        for (int g = rowStart[a]; g < rowStart[a + 1]; g++) {
            int first = segFirst[g];
            int end = segEnd[g];
            System.arraycopy(srcRe, segSource[g], inRe, first, end - first);
            System.arraycopy(srcIm, segSource[g], inIm, first, end - first);
            System.arraycopy(w, segWeights[g], wRow, first, end - first);
            for (int c = first; c < end; c++) {
                rowRe[c] += inRe[c] * wRow[c];
                rowIm[c] += inIm[c] * wRow[c];
            }
        }
    }

    /**
     * This filter's product with a spectrum, handed to an inverse FFT row by row
     * ({@link Fft2D.SpectrumRows}) so that the product is written straight into the FFT's input
     * blocks instead of into an array that the FFT then copies. Mutable (which filter and spectrum
     * it serves is set by {@link #of}); one per thread, like its scratch.
     */
    public static final class Product implements Fft2D.SpectrumRows {
        private final Scratch scratch;
        private SparseFourierFilter filter;
        private double[] re;
        private double[] im;
        private int lanes;

        /**
         * With the thread's product scratch ({@link #newScratch}), which its other products may share:
         * a Product uses it only inside {@link #row}.
         */
        public Product(Scratch scratch) {
            this.scratch = scratch;
        }

        /** This object, now the product of {@code filter} with the spectrum (re, im) of {@code lanes} lanes. */
        public Product of(SparseFourierFilter filter, double[] re, double[] im, int lanes) {
            this.filter = filter;
            this.re = re;
            this.im = im;
            this.lanes = lanes;
            return this;
        }

        @Override
        public void row(int r, double[] rowRe, double[] rowIm) {
            filter.multiplySubsampleRow(re, im, lanes, r, scratch, rowRe, rowIm);
        }
    }

    /**
     * k = 1 (the finest first-order wavelets, the largest products): one segment per row, and input
     * and output entries have the same index, so the product is written straight into dst with no
     * copy or accumulator (the loop still reads and writes distinct arrays at one index, which C2
     * vectorizes). Entries the filter drops are zero, as the accumulating path leaves them.
     */
    private void multiply(double[] srcRe, double[] srcIm, int lanes, double[] dstRe, double[] dstIm) {
        int rowLen = outCols * lanes;
        for (int a = 0; a < outRows; a++) {
            int base = a * rowLen;
            java.util.Arrays.fill(dstRe, base, base + rowLen, 0.0);
            java.util.Arrays.fill(dstIm, base, base + rowLen, 0.0);
            for (Segment s : segments[a]) {
                int[] cols = s.cols;
                double[] weights = s.weights;
                for (int e = 0; e < cols.length; e++) {
                    double w = weights[e];
                    int off = base + cols[e] * lanes;
                    for (int b = off; b < off + lanes; b++) {
                        dstRe[b] = srcRe[b] * w;
                        dstIm[b] = srcIm[b] * w;
                    }
                }
            }
        }
    }
    // ---- float64 kernels: end
    // ---- float32 kernels, GENERATED from the float64 kernels above by org.scatter4j.codegen.Float32Kernels (do not edit): begin
    /** Scratch rows for {@link #multiplySubsample} on grids up to {@code cols} wide with {@code lanes} lanes. */
    public static Scratch32 newScratch32(int cols, int lanes) {
        return new Scratch32(cols * lanes);
    }

    /** Per-thread scratch of {@link #multiplySubsample}. */
    public static final class Scratch32 {
        final float[] inRe;
        final float[] inIm;
        final float[] accRe;
        final float[] accIm;
        /** The one-lane path's weights of a segment, at the output columns they serve. */
        final float[] weightRow;
        /** The input runs of a group of segments (grouped rows), at the output columns they serve. */
        final float[][] groupRe;
        final float[][] groupIm;

        Scratch32(int length) {
            inRe = new float[length];
            inIm = new float[length];
            accRe = new float[length];
            accIm = new float[length];
            weightRow = new float[length];
            groupRe = new float[GROUP][length];
            groupIm = new float[GROUP][length];
        }
    }

    /** dst = subsample_k(src * filter), lane layout on both grids; src and dst must be different arrays. */
    public void multiplySubsample(float[] srcRe, float[] srcIm, int lanes, Scratch32 scratch, float[] dstRe, float[] dstIm) {
        if (k == 1 && lanes > 1) {
            multiply(srcRe, srcIm, lanes, dstRe, dstIm);
            return;
        }
        int outLen = outCols * lanes;
        for (int a = 0; a < outRows; a++) {
            multiplySubsampleRow(srcRe, srcIm, lanes, a, scratch, scratch.accRe, scratch.accIm);
            System.arraycopy(scratch.accRe, 0, dstRe, a * outLen, outLen);
            System.arraycopy(scratch.accIm, 0, dstIm, a * outLen, outLen);
        }
    }

    /**
     * Row {@code a} of subsample_k(src * filter) ({@code outCols * lanes} values), written from index
     * 0 of {@code (rowRe, rowIm)}: for a consumer that takes the product row by row, such as an
     * inverse FFT filling its input blocks ({@link Product32}). The values of {@link #multiplySubsample}.
     */
    public void multiplySubsampleRow(float[] srcRe, float[] srcIm, int lanes, int a, Scratch32 scratch, float[] rowRe,
                                     float[] rowIm) {
        if (lanes == 1) {
            multiplySubsampleSingleRow(srcRe, srcIm, a, scratch, rowRe, rowIm);
            return;
        }
        if (groupSource[a] != null) {
            multiplySubsampleGroupedRow(srcRe, srcIm, lanes, a, scratch, rowRe, rowIm);
            return;
        }
        if (k == 1) {
            multiplyRow(srcRe, srcIm, lanes, a, rowRe, rowIm);
            return;
        }
        float[] inRe = scratch.inRe;
        float[] inIm = scratch.inIm;
        java.util.Arrays.fill(rowRe, 0, outCols * lanes, 0.0f);
        java.util.Arrays.fill(rowIm, 0, outCols * lanes, 0.0f);
        for (Segment s : segments[a]) {
            int[] cols = s.cols;
            float[] weights32 = s.weights32;
            int from = s.first * lanes;
            int length = (s.last - s.first + 1) * lanes;
            int src = (s.row * inCols + s.colStart) * lanes + from;
            System.arraycopy(srcRe, src, inRe, from, length);
            System.arraycopy(srcIm, src, inIm, from, length);
            for (int e = 0; e < cols.length; e++) {
                float w = weights32[e];
                int off = cols[e] * lanes;
                for (int b = off; b < off + lanes; b++) {
                    rowRe[b] += inRe[b] * w;
                    rowIm[b] += inIm[b] * w;
                }
            }
        }
    }

    /**
     * k = 1 (no subsampling: at most one segment per row, at the output's own columns): the input
     * run copied into the row and scaled in place, column by column (a dropped entry inside the
     * run is scaled by 0), zeros outside the run. Was: fill, copy to scratch, accumulate; the same
     * operations (0 + x w), so the same bits.
     */
    private void multiplyRow(float[] srcRe, float[] srcIm, int lanes, int a, float[] rowRe, float[] rowIm) {
        int length = outCols * lanes;
        if (segments[a].length == 0) {
            java.util.Arrays.fill(rowRe, 0, length, 0.0f);
            java.util.Arrays.fill(rowIm, 0, length, 0.0f);
            return;
        }
        int g = rowStart[a];
        int first = segFirst[g];
        int end = segEnd[g];
        int from = first * lanes;
        int to = end * lanes;
        java.util.Arrays.fill(rowRe, 0, from, 0.0f);
        java.util.Arrays.fill(rowIm, 0, from, 0.0f);
        java.util.Arrays.fill(rowRe, to, length, 0.0f);
        java.util.Arrays.fill(rowIm, to, length, 0.0f);
        System.arraycopy(srcRe, segSource[g] * lanes, rowRe, from, to - from);
        System.arraycopy(srcIm, segSource[g] * lanes, rowIm, from, to - from);
        float[] w = denseWeights32;
        int at = segWeights[g] - first;
        for (int c = first; c < end; c++) {
            float wc = w[at + c];
            int off = c * lanes;
            for (int b = off; b < off + lanes; b++) {
                // 0 + x w, as the accumulating paths compute it: a dropped entry gives +0, not -0
                rowRe[b] = 0.0f + rowRe[b] * wc;
                rowIm[b] = 0.0f + rowIm[b] * wc;
            }
        }
    }

    /**
     * A row whose segments overlap in the output columns (the k x k aliases of a wide wavelet): per
     * group of GROUP segments, each one's input run over the row's column range copied to its own
     * array at the output index, then every output value written once as the group's weighted sum,
     * ((w0 x0 + w1 x1) + w2 x2) + w3 x3 (plus the previous groups'). Segment by segment, the output
     * was read and written again for every segment. The same terms in the same order as that path
     * and the one-lane one (a dropped entry adds x * 0), so the same values whatever the lane count
     * (a zero may differ in sign, which the modulus after the inverse FFT removes: the transform's
     * outputs are the same bits at any lane count, ScatteringPropertiesTest).
     */
    private void multiplySubsampleGroupedRow(float[] srcRe, float[] srcIm, int lanes, int a, Scratch32 scratch,
                                             float[] rowRe, float[] rowIm) {
        int lo = groupLo[a];
        int hi = groupHi[a];
        int from = lo * lanes;
        int to = hi * lanes;
        java.util.Arrays.fill(rowRe, 0, from, 0.0f);
        java.util.Arrays.fill(rowIm, 0, from, 0.0f);
        java.util.Arrays.fill(rowRe, to, outCols * lanes, 0.0f);
        java.util.Arrays.fill(rowIm, to, outCols * lanes, 0.0f);
        int[] source = groupSource[a];
        float[][] weights32 = groupWeights32[a];
        float[] x0r = scratch.groupRe[0], x1r = scratch.groupRe[1], x2r = scratch.groupRe[2], x3r = scratch.groupRe[3];
        float[] x0i = scratch.groupIm[0], x1i = scratch.groupIm[1], x2i = scratch.groupIm[2], x3i = scratch.groupIm[3];
        for (int g = 0; g < source.length; g += GROUP) {
            for (int e = 0; e < GROUP; e++) {
                int src = source[g + e] * lanes + from;
                System.arraycopy(srcRe, src, scratch.groupRe[e], from, to - from);
                System.arraycopy(srcIm, src, scratch.groupIm[e], from, to - from);
            }
            float[] v0 = weights32[g], v1 = weights32[g + 1], v2 = weights32[g + 2], v3 = weights32[g + 3];
            for (int c = lo; c < hi; c++) {
                float w0 = v0[c - lo], w1 = v1[c - lo], w2 = v2[c - lo], w3 = v3[c - lo];
                int off = c * lanes;
                if (g == 0) {
                    for (int b = off; b < off + lanes; b++) {
                        rowRe[b] = w0 * x0r[b] + w1 * x1r[b] + w2 * x2r[b] + w3 * x3r[b];
                    }
                    for (int b = off; b < off + lanes; b++) {
                        rowIm[b] = w0 * x0i[b] + w1 * x1i[b] + w2 * x2i[b] + w3 * x3i[b];
                    }
                } else {
                    for (int b = off; b < off + lanes; b++) {
                        rowRe[b] += w0 * x0r[b] + w1 * x1r[b] + w2 * x2r[b] + w3 * x3r[b];
                    }
                    for (int b = off; b < off + lanes; b++) {
                        rowIm[b] += w0 * x0i[b] + w1 * x1i[b] + w2 * x2i[b] + w3 * x3i[b];
                    }
                }
            }
        }
    }

    /**
     * One lane (large images, where a lane block holds a single image): no lane loop to vectorize,
     * so the per-entry loop of the general path runs scalar. Instead each segment's input run and
     * its dense weights are copied into scratch rows at the output columns they serve, and the
     * product is accumulated in a loop that reads and writes every array at one index, which C2
     * vectorizes (written as {@code dst[o + c] += src[s + c] * w[g + c]}, three offsets, it stayed
     * scalar: 5x slower on a 288-long row, and the largest cost of a 256 x 256 image in a profile).
     * The same sums in the same order as the general path (a dropped entry adds x * 0), so the same
     * bits whatever the lane count.
     */
    private void multiplySubsampleSingleRow(float[] srcRe, float[] srcIm, int a, Scratch32 scratch, float[] rowRe,
                                            float[] rowIm) {
        float[] w = denseWeights32;
        float[] inRe = scratch.inRe;
        float[] inIm = scratch.inIm;
        float[] wRow = scratch.weightRow;
        java.util.Arrays.fill(rowRe, 0, outCols, 0.0f);
        java.util.Arrays.fill(rowIm, 0, outCols, 0.0f);
        for (int g = rowStart[a]; g < rowStart[a + 1]; g++) {
            int first = segFirst[g];
            int end = segEnd[g];
            System.arraycopy(srcRe, segSource[g], inRe, first, end - first);
            System.arraycopy(srcIm, segSource[g], inIm, first, end - first);
            System.arraycopy(w, segWeights[g], wRow, first, end - first);
            for (int c = first; c < end; c++) {
                rowRe[c] += inRe[c] * wRow[c];
                rowIm[c] += inIm[c] * wRow[c];
            }
        }
    }

    /**
     * This filter's product with a spectrum, handed to an inverse FFT row by row
     * ({@link FloatFft2D.SpectrumRows}) so that the product is written straight into the FFT's input
     * blocks instead of into an array that the FFT then copies. Mutable (which filter and spectrum
     * it serves is set by {@link #of}); one per thread, like its scratch.
     */
    public static final class Product32 implements FloatFft2D.SpectrumRows {
        private final Scratch32 scratch;
        private SparseFourierFilter filter;
        private float[] re;
        private float[] im;
        private int lanes;

        /**
         * With the thread's product scratch ({@link #newScratch32}), which its other products may share:
         * a Product uses it only inside {@link #row}.
         */
        public Product32(Scratch32 scratch) {
            this.scratch = scratch;
        }

        /** This object, now the product of {@code filter} with the spectrum (re, im) of {@code lanes} lanes. */
        public Product32 of(SparseFourierFilter filter, float[] re, float[] im, int lanes) {
            this.filter = filter;
            this.re = re;
            this.im = im;
            this.lanes = lanes;
            return this;
        }

        @Override
        public void row(int r, float[] rowRe, float[] rowIm) {
            filter.multiplySubsampleRow(re, im, lanes, r, scratch, rowRe, rowIm);
        }
    }

    /**
     * k = 1 (the finest first-order wavelets, the largest products): one segment per row, and input
     * and output entries have the same index, so the product is written straight into dst with no
     * copy or accumulator (the loop still reads and writes distinct arrays at one index, which C2
     * vectorizes). Entries the filter drops are zero, as the accumulating path leaves them.
     */
    private void multiply(float[] srcRe, float[] srcIm, int lanes, float[] dstRe, float[] dstIm) {
        int rowLen = outCols * lanes;
        for (int a = 0; a < outRows; a++) {
            int base = a * rowLen;
            java.util.Arrays.fill(dstRe, base, base + rowLen, 0.0f);
            java.util.Arrays.fill(dstIm, base, base + rowLen, 0.0f);
            for (Segment s : segments[a]) {
                int[] cols = s.cols;
                float[] weights32 = s.weights32;
                for (int e = 0; e < cols.length; e++) {
                    float w = weights32[e];
                    int off = base + cols[e] * lanes;
                    for (int b = off; b < off + lanes; b++) {
                        dstRe[b] = srcRe[b] * w;
                        dstIm[b] = srcIm[b] * w;
                    }
                }
            }
        }
    }
    // ---- float32 kernels: end
}
