// GENERATED from Fft2D.java by org.scatter4j.codegen.Float32Kernels: do not edit.
// Edit Fft2D.java and run the generator (see its Javadoc).
package org.scatter4j.wavelets.fft;

/**
 * A complex 2D discrete Fourier transform of a fixed size applied to several images ("lanes") at
 * once, in place.
 *
 * <p>Layout ("lane-innermost", split complex): the value of lane {@code b} at row {@code r}, column
 * {@code c} is {@code re[(r * cols + c) * lanes + b]} and {@code im[...]} at the same index. Keeping
 * the lanes contiguous lets every butterfly run over {@code lanes} consecutive doubles, which the JIT
 * turns into vector instructions, and amortizes per-call overhead over all lanes.
 *
 * <p>Normalization follows numpy/Kymatio: {@link #forward} is unnormalized,
 * {@link #inverse} divides by {@code rows * cols}.
 *
 * <p>An instance holds scratch memory: it is <em>not</em> thread-safe. Create one per thread
 * (they are cheap once {@link Fft2DFactory32} has cached the plan tables).
 */
public interface Fft2D32 {
    int rows();

    int cols();

    int lanes();

    /** In-place forward DFT: X[k,l] = sum x[r,c] exp(-2 pi i (k r / rows + l c / cols)). */
    void forward(float[] re, float[] im);

    /** In-place inverse DFT, divided by rows * cols. */
    void inverse(float[] re, float[] im);

    /**
     * Forward DFT of a real input: reads {@code re} (the content of {@code im} is ignored) and
     * writes the full complex spectrum to {@code (re, im)}, as {@link #forward} would with a zero
     * imaginary part. Kernels that exploit the Hermitian symmetry of a real input's spectrum
     * override it; the default clears {@code im} and runs the complex transform.
     */
    default void forwardReal(float[] re, float[] im) {
        java.util.Arrays.fill(im, 0, rows() * cols() * lanes(), 0.0f);
        forward(re, im);
    }

    /**
     * As {@link #forward}, but leaves the spectrum in column-major ("transposed") order: X[k,l] of
     * lane b at {@code (l * rows + k) * lanes + b}. Why: a 2D FFT done as two passes of 1D
     * transforms ends with its data in column order; a cascade that only multiplies a spectrum by
     * filters (stored in the same order) and transforms the products back with
     * {@link #inverseTransposed} never needs the row-major order, and skips a transpose each way.
     * The default transposes the result of {@link #forward} (allocating: for reference kernels).
     */
    default void forwardTransposed(float[] re, float[] im) {
        forward(re, im);
        transposeGrid(re, rows(), cols(), lanes());
        transposeGrid(im, rows(), cols(), lanes());
    }

    /** {@link #forwardReal} with the spectrum in the column-major order of {@link #forwardTransposed}. */
    default void forwardRealTransposed(float[] re, float[] im) {
        forwardReal(re, im);
        transposeGrid(re, rows(), cols(), lanes());
        transposeGrid(im, rows(), cols(), lanes());
    }

    /**
     * {@link #forwardRealTransposed(float[], float[])} of a real input given as one array per row
     * ({@code rows[r]} holds row r, {@code cols() * lanes()} values from index 0); the spectrum goes
     * to {@code re} and {@code im}, which need not hold anything. The rows may be this transform's
     * own, as {@link #inverseTransposedModulusRows} returns them: why, a cascade's U1 is low-passed
     * from those rows and transformed from them, never copied out. The default copies the rows into
     * {@code re} first.
     */
    default void forwardRealTransposed(float[][] rows, float[] re, float[] im) {
        int length = cols() * lanes();
        for (int r = 0; r < rows(); r++) {
            System.arraycopy(rows[r], 0, re, r * length, length);
        }
        forwardRealTransposed(re, im);
    }

    /**
     * {@link #inverse} of a spectrum in the column-major order of {@link #forwardTransposed}; the
     * result is in the usual row-major order.
     */
    default void inverseTransposed(float[] re, float[] im) {
        transposeGrid(re, cols(), rows(), lanes());
        transposeGrid(im, cols(), rows(), lanes());
        inverse(re, im);
    }

    /**
     * {@link #inverseTransposed} followed by the modulus: {@code re} receives |x| of the inverse x
     * (row-major), {@code im} is left holding scratch. The scattering cascade's U = |W x| in one
     * call, so that a kernel can take the modulus while it writes its result out instead of in a
     * separate pass over both parts; the values are those of the two steps done apart.
     */
    default void inverseTransposedModulus(float[] re, float[] im) {
        inverseTransposed(re, im);
        int n = rows() * cols() * lanes();
        for (int p = 0; p < n; p++) {
            re[p] = (float) Math.sqrt(re[p] * re[p] + im[p] * im[p]);
        }
    }

    /**
     * The rows of a column-major spectrum (the order of {@link #forwardTransposed}: row {@code r <
     * cols()} holds {@code rows() * lanes()} values), produced on demand for
     * {@link #inverseTransposedModulus(SpectrumRows, float[])}. Why: a cascade computes each
     * spectrum as a filter product just before transforming it back; handing the FFT the rows lets
     * the product be written straight into the FFT's own input blocks.
     */
    interface SpectrumRows {
        /** Writes row {@code r} of the spectrum from index 0 of {@code re} and {@code im}. */
        void row(int r, float[] re, float[] im);
    }

    /**
     * {@link #inverseTransposedModulus(float[], float[])} of the spectrum that {@code spectrum}
     * produces row by row; {@code out} receives |x| (row-major, {@code rows() * cols() * lanes()}
     * values). The default gathers the rows into new arrays (allocating: for reference kernels).
     */
    default void inverseTransposedModulus(SpectrumRows spectrum, float[] out) {
        int width = rows() * lanes();
        float[] re = new float[cols() * width];
        float[] im = new float[cols() * width];
        float[] rowRe = new float[width];
        float[] rowIm = new float[width];
        for (int r = 0; r < cols(); r++) {
            spectrum.row(r, rowRe, rowIm);
            System.arraycopy(rowRe, 0, re, r * width, width);
            System.arraycopy(rowIm, 0, im, r * width, width);
        }
        inverseTransposedModulus(re, im);
        System.arraycopy(re, 0, out, 0, re.length);
    }

    /**
     * {@link #inverseTransposedModulus(SpectrumRows, float[])} with |x| left in row arrays instead
     * of one flat array: element {@code i < rows()} of the result holds row i ({@code cols() *
     * lanes()} values from index 0; the arrays may be longer). Why: a consumer that reads the
     * result row by row (the scattering cascade's last low-pass) then needs no copy out of the
     * transform and none back into its own rows. The arrays belong to the transform: they are
     * valid until its next call and are not to be kept or written. The default splits the flat
     * result into new arrays (allocating: for reference kernels).
     */
    default float[][] inverseTransposedModulusRows(SpectrumRows spectrum) {
        int length = cols() * lanes();
        float[] flat = new float[rows() * length];
        inverseTransposedModulus(spectrum, flat);
        float[][] result = new float[rows()][];
        for (int i = 0; i < rows(); i++) {
            result[i] = java.util.Arrays.copyOfRange(flat, i * length, (i + 1) * length);
        }
        return result;
    }

    /** In place: a row-major {@code rows x cols} grid of lanes becomes its {@code cols x rows} transpose. */
    static void transposeGrid(float[] a, int rows, int cols, int lanes) {
        float[] copy = java.util.Arrays.copyOf(a, rows * cols * lanes);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                System.arraycopy(copy, (r * cols + c) * lanes, a, (c * rows + r) * lanes, lanes);
            }
        }
    }
}
