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
 * (they are cheap once {@link FloatFft2DFactory} has cached the plan tables).
 */
public interface FloatFft2D {
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
}
