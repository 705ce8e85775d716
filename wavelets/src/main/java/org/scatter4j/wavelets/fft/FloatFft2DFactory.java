// GENERATED from Fft2DFactory.java by org.scatter4j.codegen.Float32Kernels: do not edit.
// Edit Fft2DFactory.java and run the generator (see its Javadoc).
package org.scatter4j.wavelets.fft;

/**
 * Chooses the {@link FloatFft2D} kernel for a size. The cascade only ever asks this factory, so a faster
 * kernel replaces the reference one here without touching the scattering code.
 */
public final class FloatFft2DFactory {
    private FloatFft2DFactory() {
    }

    /** A new transform (with its own scratch memory) for one thread. */
    public static FloatFft2D create(int rows, int cols, int lanes) {
        return new FloatLaneFft2D(rows, cols, lanes);
    }
}
