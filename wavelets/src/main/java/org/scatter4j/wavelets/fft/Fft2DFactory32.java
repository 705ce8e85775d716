// GENERATED from Fft2DFactory.java by org.scatter4j.codegen.Float32Kernels: do not edit.
// Edit Fft2DFactory.java and run the generator (see its Javadoc).
package org.scatter4j.wavelets.fft;

/**
 * Chooses the {@link Fft2D32} kernel for a size. The cascade only ever asks this factory, so a faster
 * kernel replaces the reference one here without touching the scattering code.
 */
public final class Fft2DFactory32 {
    private Fft2DFactory32() {
    }

    /** A new transform (with its own scratch memory) for one thread. */
    public static Fft2D32 create(int rows, int cols, int lanes) {
        return new LaneFft2D32(rows, cols, lanes);
    }
}
