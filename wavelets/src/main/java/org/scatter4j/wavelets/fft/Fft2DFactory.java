package org.scatter4j.wavelets.fft;

/**
 * Chooses the {@link Fft2D} kernel for a size. The cascade only ever asks this factory, so a faster
 * kernel replaces the reference one here without touching the scattering code.
 */
public final class Fft2DFactory {
    private Fft2DFactory() {
    }

    /** A new transform (with its own scratch memory) for one thread. */
    public static Fft2D create(int rows, int cols, int lanes) {
        return new LaneFft2D(rows, cols, lanes);
    }
}
