// GENERATED from LaneFft2D.java by org.scatter4j.codegen.Float32Kernels: do not edit.
// Edit LaneFft2D.java and run the generator (see its Javadoc).
package org.scatter4j.wavelets.fft;

/**
 * Pure-Java {@link FloatFft2D}: mixed-radix Stockham FFTs ({@link FftPlan}, {@link FloatStockham}) applied
 * first along rows and then along columns, with every butterfly vectorized across a whole image
 * row or column of lanes.
 *
 * <p>Why blocks: C2 (JDK 17) vectorizes a butterfly loop only if all its loads and stores use the
 * same index into distinct arrays (see {@link FloatButterflies}). So the image is copied into a set of
 * blocks, one {@code float[]} per image row ({@code cols * lanes} values), for the transform along
 * the row index; then transposed (moving whole lane groups) into one block per image column
 * ({@code rows * lanes} values) for the transform along the column index; then transposed back into
 * the caller's flat arrays. Both passes thus run their butterflies over long contiguous loops even for
 * {@code lanes == 1}. The transposes and the copy are cheap memory moves next to the butterfly
 * passes.
 *
 * <p>The inverse uses the identity {@code IDFT(x) = swap(DFT(swap(x))) / N}, where {@code swap}
 * exchanges real and imaginary parts: it is the forward transform with {@code re} and {@code im}
 * exchanged, and the 1/N scaling is folded into the final transpose.
 */
public final class FloatLaneFft2D implements FloatFft2D {
    private final int rows;
    private final int cols;
    private final int lanes;
    private final FftPlan rowPlan;
    private final FftPlan colPlan;
    /** Two ping-pong block sets, each large enough for either block shape. */
    private final float[][] aRe;
    private final float[][] aIm;
    private final float[][] bRe;
    private final float[][] bIm;
    private final float[][] scratch;
    /** The second halves of an untangled row (B), written at index 0 and then moved into place: see untangle. */
    private final float[] halfRe;
    private final float[] halfIm;

    public FloatLaneFft2D(int rows, int cols, int lanes) {
        if (rows < 1 || cols < 1 || lanes < 1) {
            throw new IllegalArgumentException("FloatFft2D size must be positive: rows=" + rows + ", cols="
                    + cols + ", lanes=" + lanes);
        }
        this.rows = rows;
        this.cols = cols;
        this.lanes = lanes;
        this.rowPlan = FftPlan.of(rows);
        this.colPlan = FftPlan.of(cols);
        int blocks = Math.max(rows, cols);
        int width = Math.multiplyExact(blocks, lanes);
        aRe = new float[blocks][width];
        aIm = new float[blocks][width];
        bRe = new float[blocks][width];
        bIm = new float[blocks][width];
        float[][] s1 = FloatStockham.genericScratch(rowPlan, cols * lanes);
        float[][] s2 = FloatStockham.genericScratch(colPlan, rows * lanes);
        scratch = s1 == null ? s2 : s2 == null ? s1 : new float[4][width];
        halfRe = new float[cols / 2 * lanes];
        halfIm = new float[cols / 2 * lanes];
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public int lanes() {
        return lanes;
    }

    @Override
    public void forward(float[] re, float[] im) {
        transform(re, im, 1.0f);
    }

    @Override
    public void inverse(float[] re, float[] im) {
        transform(im, re, 1.0f / ((float) rows * cols));
    }

    /** The forward transform without its final transpose: the column blocks are the column-major spectrum. */
    @Override
    public void forwardTransposed(float[] re, float[] im) {
        boolean inA = rowsThenColumns(re, im);
        storeBlocks(inA ? aRe : bRe, re, 1.0f, cols, rows * lanes);
        storeBlocks(inA ? aIm : bIm, im, 1.0f, cols, rows * lanes);
    }

    /**
     * The inverse of a column-major spectrum, by the same swap of real and imaginary parts as
     * {@link #inverse}: its column blocks are read straight from the input, the column-index pass
     * runs first, and the row blocks of the result are the row-major output (one transpose where
     * {@link #inverse} of a row-major spectrum needs two).
     */
    @Override
    public void inverseTransposed(float[] re, float[] im) {
        float scale = 1.0f / ((float) rows * cols);
        boolean inA = columnsThenRows(im, re);
        storeBlocks(inA ? aRe : bRe, im, scale, rows, cols * lanes);
        storeBlocks(inA ? aIm : bIm, re, scale, rows, cols * lanes);
    }

    /**
     * {@link #inverseTransposed} with the modulus taken in the final store: each row block is scaled
     * and reduced to |x| in place (one loop at one index), then copied out once, where the two
     * steps apart scale both parts, copy both out and read both back. Same operations in the same
     * order as {@code inverseTransposed} then {@code sqrt(re * re + im * im)}, so the same bits.
     */
    @Override
    public void inverseTransposedModulus(float[] re, float[] im) {
        storeModulus(columnsThenRows(im, re), re); // im, re: the swap of real and imaginary parts of inverse()
    }

    /**
     * As {@link #inverseTransposedModulus(float[], float[])}, the spectrum's rows written by
     * {@code spectrum} straight into the input blocks (no copy in).
     */
    @Override
    public void inverseTransposedModulus(SpectrumRows spectrum, float[] out) {
        if (out.length < rows * cols * lanes) {
            throw new IllegalArgumentException("out shorter than rows * cols * lanes = " + rows * cols * lanes);
        }
        storeModulus(spectrumPasses(spectrum), out);
    }

    /**
     * As {@link #inverseTransposedModulus(SpectrumRows, float[])}, with |x| left in this
     * transform's own row blocks (no copy out): the returned array's element i is row i.
     */
    @Override
    public float[][] inverseTransposedModulusRows(SpectrumRows spectrum) {
        boolean inA = spectrumPasses(spectrum);
        for (int i = 0; i < rows; i++) {
            modulusRow(inA, i);
        }
        return inA ? aIm : bIm; // where modulusRow leaves the rows
    }

    /** The spectrum's rows written straight into input block set a, then both passes. */
    private boolean spectrumPasses(SpectrumRows spectrum) {
        for (int r = 0; r < cols; r++) {
            spectrum.row(r, aIm[r], aRe[r]); // swapped, as in inverseTransposed
        }
        return passes(colPlan, cols, rowPlan, rows);
    }

    /** out = |x| of the inverse whose row blocks are in block set a (true) or b, row by row. */
    private void storeModulus(boolean inA, float[] out) {
        int length = cols * lanes;
        for (int i = 0; i < rows; i++) {
            System.arraycopy(modulusRow(inA, i), 0, out, i * length, length);
        }
    }

    /**
     * Row i of the inverse whose row blocks are in block set a (true) or b, scaled by 1 / (rows
     * cols) and reduced to |x| in place; returns the block that holds it. The swap of real and
     * imaginary parts (see inverse()) leaves the result's real part in the Im blocks.
     */
    private float[] modulusRow(boolean inA, int i) {
        float scale = 1.0f / ((float) rows * cols);
        float[] x = (inA ? aIm : bIm)[i];
        float[] y = (inA ? aRe : bRe)[i];
        int length = cols * lanes;
        for (int v = 0; v < length; v++) {
            float xr = x[v] * scale;
            float xi = y[v] * scale;
            x[v] = (float) Math.sqrt(xr * xr + xi * xi);
        }
        return x;
    }

    private void requireLength(float[] re, float[] im) {
        int n = rows * cols * lanes;
        if (re.length < n || im.length < n) {
            throw new IllegalArgumentException("arrays shorter than rows * cols * lanes = " + n);
        }
    }

    /**
     * The forward transform of a real input with about half the butterflies of {@link #forward}.
     * With h = cols / 2, the row-index pass transforms the packed columns z[., c] = x[., c] + i
     * x[., c + h] (c &lt; h): half the width. The spectra (along the row index) of two real columns
     * are then untangled from Z = A + i B by the Hermitian symmetry of each, A[k] = (Z[k] + conj
     * Z[-k]) / 2 and B[k] = (Z[k] - conj Z[-k]) / (2i) (e.g. Press et al., Numerical Recipes, 3rd
     * ed., section 12.3), reading rows k and -k of the block set at one index. The column-index pass
     * runs on rows k = 0 .. rows / 2 only, and the other rows of the result are filled by the
     * symmetry of a real input's spectrum, X[-k1, -k2] = conj X[k1, k2], in the final store.
     * Needs an even number of columns; odd widths use the complex transform.
     */
    @Override
    public void forwardReal(float[] re, float[] im) {
        if ((cols & 1) != 0) {
            FloatFft2D.super.forwardReal(re, im);
            return;
        }
        int kept = rows / 2 + 1;
        loadRealRows(re, im);
        boolean inA = realRowsThenColumns();
        float[][] outRe = inA ? aRe : bRe, outIm = inA ? aIm : bIm;
        storeTransposed(outRe, re, 1.0f, kept);
        storeTransposed(outIm, im, 1.0f, kept);
        fillConjugateRows(outRe, outIm, re, im, kept);
    }

    /** {@link #forwardReal} without its final transpose: the spectrum in column-major order. */
    @Override
    public void forwardRealTransposed(float[] re, float[] im) {
        if ((cols & 1) != 0) {
            java.util.Arrays.fill(im, 0, rows * cols * lanes, 0.0f);
            forwardTransposed(re, im);
            return;
        }
        loadRealRows(re, im);
        storeRealSpectrum(realRowsThenColumns(), re, im);
    }

    /**
     * As the interface says; the rows are read straight into the input blocks. They may be this
     * transform's own row blocks (aIm or bIm, from inverseTransposedModulusRows): row r only moves
     * into aRe[r] and aIm[r], and System.arraycopy within aIm[r] is an exact move.
     */
    @Override
    public void forwardRealTransposed(float[][] rowArrays, float[] re, float[] im) {
        if ((cols & 1) != 0) {
            FloatFft2D.super.forwardRealTransposed(rowArrays, re, im);
            return;
        }
        requireLength(re, im);
        requireRows(rowArrays);
        for (int r = 0; r < rows; r++) {
            packRealRow(r, rowArrays[r], 0);
        }
        storeRealSpectrum(realRowsThenColumns(), re, im);
    }

    /** The kept rows of the real transform's spectrum (column blocks of set a or b) and their conjugates into re, im. */
    private void storeRealSpectrum(boolean inA, float[] re, float[] im) {
        int kept = rows / 2 + 1;
        float[][] outRe = inA ? aRe : bRe, outIm = inA ? aIm : bIm;
        int colWidth = rows * lanes;
        for (int c = 0; c < cols; c++) {
            System.arraycopy(outRe[c], 0, re, c * colWidth, kept * lanes);
            System.arraycopy(outIm[c], 0, im, c * colWidth, kept * lanes);
        }
        fillConjugateColumns(outRe, outIm, re, im, kept);
    }

    private void requireRows(float[][] rowArrays) {
        if (rowArrays.length < rows) {
            throw new IllegalArgumentException(rowArrays.length + " row arrays, need rows = " + rows);
        }
        for (int r = 0; r < rows; r++) {
            if (rowArrays[r].length < cols * lanes) {
                throw new IllegalArgumentException("row " + r + " has " + rowArrays[r].length
                        + " values, need cols * lanes = " + cols * lanes);
            }
        }
    }

    /** Packs a flat real input into block set a for {@link #realRowsThenColumns()}. */
    private void loadRealRows(float[] re, float[] im) {
        requireLength(re, im);
        for (int r = 0; r < rows; r++) {
            packRealRow(r, re, r * cols * lanes);
        }
    }

    /** Row r of a real input, read from {@code src} at {@code from}: its first half of columns into aRe[r], its second into aIm[r]. */
    private void packRealRow(int r, float[] src, int from) {
        int hw = cols / 2 * lanes;
        System.arraycopy(src, from, aRe[r], 0, hw);
        System.arraycopy(src, from + hw, aIm[r], 0, hw);
    }

    /**
     * The passes of the real-input transform, its input already packed into block set a: the first
     * half of row r's columns in aRe[r], the second half in aIm[r] (two real columns as one complex
     * one, separated again by untangle). Rows 0 .. rows / 2 of the spectrum are left in column
     * blocks of block set a (true) or b.
     */
    private boolean realRowsThenColumns() {
        int l = lanes;
        int hw = cols / 2 * l;
        boolean inB = FloatStockham.run(rowPlan, aRe, aIm, bRe, bIm, hw, scratch);
        float[][] zRe = inB ? bRe : aRe, zIm = inB ? bIm : aIm;
        float[][] yRe = inB ? aRe : bRe, yIm = inB ? aIm : bIm;
        int kept = rows / 2 + 1;
        for (int k = 0; k < kept; k++) {
            int m = k == 0 ? 0 : rows - k;
            untangle(zRe[k], zIm[k], zRe[m], zIm[m], yRe[k], yIm[k], halfRe, halfIm, hw);
        }
        // the column-index pass on the kept rows; z's block set is free again
        transposeCells(yRe, zRe, kept, cols);
        transposeCells(yIm, zIm, kept, cols);
        boolean inY = FloatStockham.run(colPlan, zRe, zIm, yRe, yIm, kept * l, scratch);
        return (inY ? yRe : zRe) == aRe;
    }

    /**
     * Rows k and -k of the packed spectrum (zk, zm) to row k of the two columns' spectra: the
     * first {@code hw} values of y are A = (zk + conj zm) / 2, the next {@code hw} are B = (zk -
     * conj zm) / (2i). B is computed into (halfRe, halfIm) at the loop's own index and then moved
     * into place: written straight to y[hw + t], the loop's stores were at another offset than its
     * loads, and C2 left it scalar (3 % of case a's samples).
     */
    private static void untangle(float[] zkRe, float[] zkIm, float[] zmRe, float[] zmIm, float[] yRe, float[] yIm,
                                 float[] halfRe, float[] halfIm, int hw) {
        for (int t = 0; t < hw; t++) {
            yRe[t] = 0.5f * (zkRe[t] + zmRe[t]);
            yIm[t] = 0.5f * (zkIm[t] - zmIm[t]);
        }
        for (int t = 0; t < hw; t++) {
            halfRe[t] = 0.5f * (zkIm[t] + zmIm[t]);
            halfIm[t] = 0.5f * (zmRe[t] - zkRe[t]);
        }
        System.arraycopy(halfRe, 0, yRe, hw, hw);
        System.arraycopy(halfIm, 0, yIm, hw, hw);
    }

    /**
     * Rows k1 &gt;= kept of the flat spectrum, which the column-index pass did not compute: the
     * conjugate of the value at (-k1, -k2), read from the column blocks of the kept rows.
     */
    private void fillConjugateRows(float[][] colRe, float[][] colIm, float[] re, float[] im, int kept) {
        int l = lanes;
        if (l == 1) { // tiled, one element at a time
            for (int c0 = 0; c0 < cols; c0 += TILE) {
                int c1 = Math.min(cols, c0 + TILE);
                for (int r = kept; r < rows; r++) {
                    int to = r * cols;
                    int from = rows - r;
                    for (int c = c0; c < c1; c++) {
                        int mc = c == 0 ? 0 : cols - c;
                        re[to + mc] = colRe[c][from];
                        im[to + mc] = -colIm[c][from];
                    }
                }
            }
            return;
        }
        for (int c = 0; c < cols; c++) {
            float[] sr = colRe[c];
            float[] si = colIm[c];
            int mc = c == 0 ? 0 : cols - c;
            for (int r = kept; r < rows; r++) {
                int from = (rows - r) * l;
                int to = (r * cols + mc) * l;
                for (int b = 0; b < l; b++) {
                    re[to + b] = sr[from + b];
                    im[to + b] = -si[from + b];
                }
            }
        }
    }

    private void transform(float[] re, float[] im, float scale) {
        boolean inA = rowsThenColumns(re, im);
        storeTransposed(inA ? aRe : bRe, re, scale, rows);
        storeTransposed(inA ? aIm : bIm, im, scale, rows);
    }

    /**
     * Both passes of a row-major input, the row-index one first; the column blocks of the result are
     * left in block set a (true) or b.
     */
    private boolean rowsThenColumns(float[] re, float[] im) {
        return twoPasses(re, im, rowPlan, rows, colPlan, cols);
    }

    /**
     * Both passes of a column-major input, the column-index one first; the row blocks of the result
     * are left in block set a (true) or b.
     */
    private boolean columnsThenRows(float[] re, float[] im) {
        return twoPasses(re, im, colPlan, cols, rowPlan, rows);
    }

    /**
     * The input holds {@code n1} blocks of {@code n2} cells (of {@code lanes} values): it is copied
     * into block set a, transformed along the block index ({@code first}, length n1), transposed into
     * n2 blocks of n1 cells and transformed along that block index ({@code second}, length n2).
     * Returns true if the result is in block set a, false if in b.
     */
    private boolean twoPasses(float[] re, float[] im, FftPlan first, int n1, FftPlan second, int n2) {
        requireLength(re, im);
        load(re, im, n1, n2 * lanes);
        return passes(first, n1, second, n2);
    }

    /** Block i &lt; n of set a = the i-th run of {@code width} values of (re, im). */
    private void load(float[] re, float[] im, int n, int width) {
        for (int i = 0; i < n; i++) {
            System.arraycopy(re, i * width, aRe[i], 0, width);
            System.arraycopy(im, i * width, aIm[i], 0, width);
        }
    }

    /** The two passes of {@link #twoPasses} on the input already in block set a. */
    private boolean passes(FftPlan first, int n1, FftPlan second, int n2) {
        int width = n2 * lanes;
        boolean inB = FloatStockham.run(first, aRe, aIm, bRe, bIm, width, scratch);
        float[][] srcRe = inB ? bRe : aRe, srcIm = inB ? bIm : aIm;
        float[][] dstRe = inB ? aRe : bRe, dstIm = inB ? aIm : bIm;
        transposeCells(srcRe, dstRe, n1, n2);
        transposeCells(srcIm, dstIm, n1, n2);
        boolean inSrc = FloatStockham.run(second, dstRe, dstIm, srcRe, srcIm, n1 * lanes, scratch);
        return (inSrc ? srcRe : dstRe) == aRe;
    }

    /** flat[i * length + v] = scale * blocks[i][v] for the first {@code count} blocks (scaled in place first: a loop at one index, which C2 vectorizes). */
    private static void storeBlocks(float[][] blocks, float[] flat, float scale, int count, int length) {
        for (int i = 0; i < count; i++) {
            float[] s = blocks[i];
            if (scale != 1.0f) {
                for (int v = 0; v < length; v++) {
                    s[v] *= scale;
                }
            }
            System.arraycopy(s, 0, flat, i * length, length);
        }
    }

    /**
     * Rows k1 &gt;= kept of the column-major spectrum: X[k1, k2] = conj X[-k1, -k2], read from the
     * column blocks of the kept rows (each output column is the reversed run of another block).
     */
    private void fillConjugateColumns(float[][] colRe, float[][] colIm, float[] re, float[] im, int kept) {
        int l = lanes;
        for (int c = 0; c < cols; c++) {
            float[] sr = colRe[c == 0 ? 0 : cols - c];
            float[] si = colIm[c == 0 ? 0 : cols - c];
            int base = c * rows * l;
            if (l == 1) {
                for (int r = kept; r < rows; r++) {
                    re[base + r] = sr[rows - r];
                    im[base + r] = -si[rows - r];
                }
                continue;
            }
            for (int r = kept; r < rows; r++) {
                int from = (rows - r) * l;
                int to = base + r * l;
                // copies, then the sign flip in place: a loop at one index, which C2 vectorizes
                // (copying and negating in one loop at two offsets stayed scalar)
                System.arraycopy(sr, from, re, to, l);
                System.arraycopy(si, from, im, to, l);
                for (int b = to; b < to + l; b++) {
                    im[b] = -im[b];
                }
            }
        }
    }

    /**
     * Columns per tile of the one-lane conjugate fill: the tile's blocks stay in cache while the
     * rows go by, instead of every element landing in a different cache line.
     */
    private static final int TILE = 16;

    /** dst[c][r * lanes + b] = src[r][c * lanes + b] for blocks r &lt; {@code srcBlocks}, cells c &lt; {@code cells}. */
    private void transposeCells(float[][] src, float[][] dst, int srcBlocks, int cells) {
        int l = lanes;
        if (l == 1) {
            transposeOneLane(src, dst, srcBlocks, cells);
            return;
        }
        for (int r = 0; r < srcBlocks; r++) {
            float[] s = src[r];
            int to = r * l;
            for (int c = 0; c < cells; c++) {
                System.arraycopy(s, c * l, dst[c], to, l);
            }
        }
    }

    /** flat[(r * cols + c) * lanes + b] = scale * cols[c][r * lanes + b] for the first {@code rowCount} rows. */
    private void storeTransposed(float[][] colBlocks, float[] flat, float scale, int rowCount) {
        int l = lanes;
        if (l == 1) { // one element at a time (an arraycopy call per element was the slowest step)
            storeOneLane(colBlocks, flat, scale, rowCount);
            return;
        }
        int blockLength = rowCount * l;
        for (int c = 0; c < cols; c++) {
            float[] s = colBlocks[c];
            if (scale != 1.0f) {
                // scaled in place first, a loop at one index that C2 vectorizes (scaling while
                // copying, flat[to + b] = s[from + b] * scale, stayed scalar and was a tenth of the
                // samples of a 28 x 28 transform); the same products, so the same bits
                for (int i = 0; i < blockLength; i++) {
                    s[i] *= scale;
                }
            }
            for (int r = 0; r < rowCount; r++) {
                System.arraycopy(s, r * l, flat, (r * cols + c) * l, l);
            }
        }
    }

    /*
     * The one-lane transposes move eight columns at a time, their arrays held in locals: C2 then
     * hoists the array loads and range checks out of the row loop. Why: the one-lane grids are the
     * large ones, where these moves were a fifth of a 256 x 256 image's samples; through
     * dst[c][r] in a tiled loop they took 1.3-1.6 ns per element on a 288 x 288 float32 grid, this
     * way 0.6-0.8 (microbenchmark). (On a 288 x 288 grid the untiled one-lane transposes had once
     * taken as long as the butterflies.)
     */

    /** dst[c][r] = src[r][c] for r &lt; {@code rowCount}, c &lt; {@code cells} (one lane). */
    private static void transposeOneLane(float[][] src, float[][] dst, int rowCount, int cells) {
        int c0 = 0;
        for (; c0 + 8 <= cells; c0 += 8) {
            float[] d0 = dst[c0], d1 = dst[c0 + 1], d2 = dst[c0 + 2], d3 = dst[c0 + 3];
            float[] d4 = dst[c0 + 4], d5 = dst[c0 + 5], d6 = dst[c0 + 6], d7 = dst[c0 + 7];
            for (int r = 0; r < rowCount; r++) {
                float[] s = src[r];
                d0[r] = s[c0];
                d1[r] = s[c0 + 1];
                d2[r] = s[c0 + 2];
                d3[r] = s[c0 + 3];
                d4[r] = s[c0 + 4];
                d5[r] = s[c0 + 5];
                d6[r] = s[c0 + 6];
                d7[r] = s[c0 + 7];
            }
        }
        for (; c0 < cells; c0++) {
            float[] d = dst[c0];
            for (int r = 0; r < rowCount; r++) {
                d[r] = src[r][c0];
            }
        }
    }

    /** flat[r * cols + c] = scale * colBlocks[c][r] for the first {@code rowCount} rows (one lane). */
    private void storeOneLane(float[][] colBlocks, float[] flat, float scale, int rowCount) {
        int c0 = 0;
        for (; c0 + 8 <= cols; c0 += 8) {
            float[] b0 = colBlocks[c0], b1 = colBlocks[c0 + 1], b2 = colBlocks[c0 + 2], b3 = colBlocks[c0 + 3];
            float[] b4 = colBlocks[c0 + 4], b5 = colBlocks[c0 + 5], b6 = colBlocks[c0 + 6], b7 = colBlocks[c0 + 7];
            for (int r = 0; r < rowCount; r++) {
                int to = r * cols + c0;
                flat[to] = b0[r] * scale;
                flat[to + 1] = b1[r] * scale;
                flat[to + 2] = b2[r] * scale;
                flat[to + 3] = b3[r] * scale;
                flat[to + 4] = b4[r] * scale;
                flat[to + 5] = b5[r] * scale;
                flat[to + 6] = b6[r] * scale;
                flat[to + 7] = b7[r] * scale;
            }
        }
        for (; c0 < cols; c0++) {
            float[] b = colBlocks[c0];
            for (int r = 0; r < rowCount; r++) {
                flat[r * cols + c0] = b[r] * scale;
            }
        }
    }
}
