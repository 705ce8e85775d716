// GENERATED from SparseFourierKernels.java by org.scatter4j.codegen.Float32Kernels: do not edit.
// Edit SparseFourierKernels.java and run the generator (see its Javadoc).
package org.scatter4j.scattering.internal;

import java.util.Arrays;
import org.scatter4j.wavelets.fft.Fft2D32;

/**
 * The product of a {@link SparseFourierFilter} with spectra on lane layout, subsampled in the
 * Fourier domain (Kymatio's {@code cdgmm} then {@code subsample_fourier}), in float64: the kernels
 * that read the filter's segments, their scratch, and {@link Product32}, which hands the product to
 * an inverse FFT row by row. {@code SparseFourierKernels32} is their float32 twin, generated from
 * this file by {@code org.scatter4j.codegen.Float32Kernels}.
 */
public final class SparseFourierKernels32 {
    private SparseFourierKernels32() {
    }

    private static final int GROUP = SparseFourierFilter.GROUP;

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
    public static void multiplySubsample(SparseFourierFilter filter, float[] srcRe, float[] srcIm, int lanes,
                                         Scratch32 scratch, float[] dstRe, float[] dstIm) {
        if (filter.k == 1 && lanes > 1) {
            multiply(filter, srcRe, srcIm, lanes, dstRe, dstIm);
            return;
        }
        int outLen = filter.outCols * lanes;
        for (int a = 0; a < filter.outRows; a++) {
            multiplySubsampleRow(filter, srcRe, srcIm, lanes, a, scratch, scratch.accRe, scratch.accIm);
            System.arraycopy(scratch.accRe, 0, dstRe, a * outLen, outLen);
            System.arraycopy(scratch.accIm, 0, dstIm, a * outLen, outLen);
        }
    }

    /**
     * Row {@code a} of subsample_k(src * filter) ({@code outCols * lanes} values), written from index
     * 0 of {@code (rowRe, rowIm)}: for a consumer that takes the product row by row, such as an
     * inverse FFT filling its input blocks ({@link Product32}). The values of {@link #multiplySubsample}.
     */
    public static void multiplySubsampleRow(SparseFourierFilter filter, float[] srcRe, float[] srcIm, int lanes,
                                            int a, Scratch32 scratch, float[] rowRe, float[] rowIm) {
        if (lanes == 1) {
            multiplySubsampleSingleRow(filter, srcRe, srcIm, a, scratch, rowRe, rowIm);
            return;
        }
        if (filter.groupSource[a] != null) {
            multiplySubsampleGroupedRow(filter, srcRe, srcIm, lanes, a, scratch, rowRe, rowIm);
            return;
        }
        if (filter.k == 1) {
            multiplyRow(filter, srcRe, srcIm, lanes, a, rowRe, rowIm);
            return;
        }
        float[] inRe = scratch.inRe;
        float[] inIm = scratch.inIm;
        Arrays.fill(rowRe, 0, filter.outCols * lanes, 0.0f);
        Arrays.fill(rowIm, 0, filter.outCols * lanes, 0.0f);
        for (SparseFourierFilter.Segment s : filter.segments[a]) {
            int[] cols = s.cols();
            float[] weights32 = s.weights32();
            int from = s.first() * lanes;
            int length = (s.last() - s.first() + 1) * lanes;
            int src = (s.row() * filter.inCols + s.colStart()) * lanes + from;
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
     * run is scaled by 0), zeros outside the run.
     */
    private static void multiplyRow(SparseFourierFilter filter, float[] srcRe, float[] srcIm, int lanes, int a,
                                    float[] rowRe, float[] rowIm) {
        int length = filter.outCols * lanes;
        if (filter.segments[a].length == 0) {
            Arrays.fill(rowRe, 0, length, 0.0f);
            Arrays.fill(rowIm, 0, length, 0.0f);
            return;
        }
        int g = filter.rowStart[a];
        int first = filter.segFirst[g];
        int end = filter.segEnd[g];
        int from = first * lanes;
        int to = end * lanes;
        Arrays.fill(rowRe, 0, from, 0.0f);
        Arrays.fill(rowIm, 0, from, 0.0f);
        Arrays.fill(rowRe, to, length, 0.0f);
        Arrays.fill(rowIm, to, length, 0.0f);
        System.arraycopy(srcRe, filter.segSource[g] * lanes, rowRe, from, to - from);
        System.arraycopy(srcIm, filter.segSource[g] * lanes, rowIm, from, to - from);
        float[] w = filter.denseWeights32;
        int at = filter.segWeights[g] - first;
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
    private static void multiplySubsampleGroupedRow(SparseFourierFilter filter, float[] srcRe, float[] srcIm,
                                                    int lanes, int a, Scratch32 scratch, float[] rowRe, float[] rowIm) {
        int lo = filter.groupLo[a];
        int hi = filter.groupHi[a];
        int from = lo * lanes;
        int to = hi * lanes;
        Arrays.fill(rowRe, 0, from, 0.0f);
        Arrays.fill(rowIm, 0, from, 0.0f);
        Arrays.fill(rowRe, to, filter.outCols * lanes, 0.0f);
        Arrays.fill(rowIm, to, filter.outCols * lanes, 0.0f);
        int[] source = filter.groupSource[a];
        float[][] weights32 = filter.groupWeights32[a];
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
    private static void multiplySubsampleSingleRow(SparseFourierFilter filter, float[] srcRe, float[] srcIm, int a,
                                                   Scratch32 scratch, float[] rowRe, float[] rowIm) {
        float[] w = filter.denseWeights32;
        float[] inRe = scratch.inRe;
        float[] inIm = scratch.inIm;
        float[] wRow = scratch.weightRow;
        Arrays.fill(rowRe, 0, filter.outCols, 0.0f);
        Arrays.fill(rowIm, 0, filter.outCols, 0.0f);
        for (int g = filter.rowStart[a]; g < filter.rowStart[a + 1]; g++) {
            int first = filter.segFirst[g];
            int end = filter.segEnd[g];
            System.arraycopy(srcRe, filter.segSource[g], inRe, first, end - first);
            System.arraycopy(srcIm, filter.segSource[g], inIm, first, end - first);
            System.arraycopy(w, filter.segWeights[g], wRow, first, end - first);
            for (int c = first; c < end; c++) {
                rowRe[c] += inRe[c] * wRow[c];
                rowIm[c] += inIm[c] * wRow[c];
            }
        }
    }

    /**
     * This filter's product with a spectrum, handed to an inverse FFT row by row
     * ({@link Fft2D32.SpectrumRows}) so that the product is written straight into the FFT's input
     * blocks instead of into an array that the FFT then copies. Mutable (which filter and spectrum
     * it serves is set by {@link #of}); one per thread, like its scratch.
     */
    public static final class Product32 implements Fft2D32.SpectrumRows {
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
            multiplySubsampleRow(filter, re, im, lanes, r, scratch, rowRe, rowIm);
        }
    }

    /**
     * k = 1 (the finest first-order wavelets, the largest products): one segment per row, and input
     * and output entries have the same index, so the product is written straight into dst with no
     * copy or accumulator (the loop still reads and writes distinct arrays at one index, which C2
     * vectorizes). Entries the filter drops are zero, as the accumulating path leaves them.
     */
    private static void multiply(SparseFourierFilter filter, float[] srcRe, float[] srcIm, int lanes, float[] dstRe,
                                 float[] dstIm) {
        int rowLen = filter.outCols * lanes;
        for (int a = 0; a < filter.outRows; a++) {
            int base = a * rowLen;
            Arrays.fill(dstRe, base, base + rowLen, 0.0f);
            Arrays.fill(dstIm, base, base + rowLen, 0.0f);
            for (SparseFourierFilter.Segment s : filter.segments[a]) {
                int[] cols = s.cols();
                float[] weights32 = s.weights32();
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
}
