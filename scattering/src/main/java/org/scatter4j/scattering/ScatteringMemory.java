package org.scatter4j.scattering;

/**
 * What a whole-image {@link Scattering2D} needs, checked before anything is allocated: the sizes of
 * its arrays against what a Java array can index, and its memory against the heap.
 *
 * <p>Where the memory goes (measured, heap after construction divided by the padded pixel count Hp x
 * Wp, L = 8; 512 x 512 and 384 x 384 images give the same figures within a few percent, because the
 * share of each filter a threshold keeps depends on its scale, not on the grid): 432, 796, 1042,
 * 1204, 1273 bytes per padded pixel for J = 1..5, flat beyond. Almost all of it is filters at the
 * full grid: the bank's dense float64 spectra of every wavelet at every level it is used (40
 * level-0 filters at J = 5: 320 B/px alone), and the {@link SparseFourierFilter}s built from them,
 * which keep the small scales (j = 0, 1, most of j = 2) nearly dense and in several layouts (segments,
 * dense float64 and float32 weights, grouped weights). A 2048 x 2048 image at J = 3 (2064^2 padded)
 * thus needs about 4.4 GB, a 4096 x 4096 at J = 5 about 22 GB; the per-thread scratch (padded input
 * and spectrum, the spectrum of U1, FFT rows) is 64 (float32) to 128 (float64) bytes per padded pixel.
 * Large images go through {@link TiledScattering2D}, whose memory is set by the tile.
 */
public final class ScatteringMemory {
    /** The longest array the JVM allocates (a few header words below Integer.MAX_VALUE). */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** Filter bytes per padded pixel at L = 8, for J = 1, 2, ... (measured, see the class comment). */
    private static final int[] FILTER_BYTES_PER_PIXEL = {440, 800, 1050, 1210, 1280, 1300};

    /** Scratch bytes per padded pixel of one block and one branch, float32 (float64 twice that). */
    private static final int SCRATCH_BYTES_PER_PIXEL = 64;

    private ScatteringMemory() {
    }

    /** Kymatio's padded length of a side of {@code n} pixels, in long (no overflow). */
    static long paddedSize(long n, int J) {
        long scale = 1L << J;
        return ((n + scale) / scale + 1) * scale;
    }

    /** Padded pixels Hp x Wp of an image, in long. */
    public static long paddedPixels(int height, int width, int J) {
        return paddedSize(height, J) * paddedSize(width, J);
    }

    /** Output channels K = 1 + J L + L^2 J (J - 1) / 2 (order 2) or 1 + J L (order 1), in long. */
    public static long channels(int J, int L, int maxOrder) {
        long first = (long) J * L;
        return 1 + first + (maxOrder == 2 ? (long) L * L * J * (J - 1) / 2 : 0);
    }

    /**
     * Refuses a configuration whose arrays a Java array cannot hold: the padded grid (Hp x Wp values
     * per FFT array) and one image's output (K x H' x W'), naming the sizes, the limit and the way
     * out (tiles). Called by {@link ScatteringConfig}; J, L and the shape are already valid.
     */
    static void checkArraySizes(int J, int L, int maxOrder, int height, int width) {
        long hp = paddedSize(height, J);
        long wp = paddedSize(width, J);
        if (hp > MAX_ARRAY || wp > MAX_ARRAY || hp * wp > MAX_ARRAY) {
            throw new IllegalArgumentException("image " + height + "x" + width + " at J=" + J + " needs a padded grid of "
                    + hp + "x" + wp + " = " + hp * wp + " values per array, more than the " + MAX_ARRAY
                    + " a Java array holds; transform it in tiles (TiledScattering2D, scatter4j scatter --tile N)");
        }
        long out = channels(J, L, maxOrder) * (hp / (1L << J) - 2) * (wp / (1L << J) - 2);
        if (out > MAX_ARRAY) {
            throw new IllegalArgumentException("image " + height + "x" + width + " at J=" + J + " L=" + L + " has "
                    + out + " output values (" + channels(J, L, maxOrder) + " channels of " + (hp / (1L << J) - 2) + "x"
                    + (wp / (1L << J) - 2) + "), more than the " + MAX_ARRAY
                    + " a Java array holds; transform it in tiles (TiledScattering2D, scatter4j scatter --tile N)");
        }
    }

    /**
     * Estimated heap bytes of a whole-image transform of one image: its filters and the scratch of
     * {@code threads} threads working on it (float64 scratch if {@code float64}). An estimate from
     * measured figures (class comment), good to about 10 %.
     */
    public static long estimateBytes(int height, int width, int J, int L, int maxOrder, int threads, boolean float64) {
        long pixels = paddedPixels(height, width, J);
        double perPixel = FILTER_BYTES_PER_PIXEL[Math.min(J, FILTER_BYTES_PER_PIXEL.length) - 1]
                * (L <= 8 ? L / 8.0 : Math.sqrt(L / 8.0)) * (maxOrder == 2 ? 1.0 : 0.8);
        long scratch = (long) SCRATCH_BYTES_PER_PIXEL * (float64 ? 2 : 1) * pixels * (1 + Math.max(1, threads));
        long imageAndOutput = (long) (float64 ? 8 : 4) * ((long) height * width
                + channels(J, L, maxOrder) * (paddedSize(height, J) >> J) * (paddedSize(width, J) >> J));
        return (long) (perPixel * pixels) + scratch + imageAndOutput;
    }

    /** Whether {@link #estimateBytes} fits in {@code maxHeap} bytes. */
    public static boolean fits(int height, int width, int J, int L, int maxOrder, int threads, boolean float64, long maxHeap) {
        return estimateBytes(height, width, J, L, maxOrder, threads, float64) <= maxHeap;
    }

    /**
     * Refuses, before anything is allocated, a transform whose filters alone would not fit in the
     * heap: one line naming the image, the memory needed, the heap and the ways out.
     */
    static void requireFiltersFit(ScatteringConfig c) {
        long max = Runtime.getRuntime().maxMemory();
        // the filters and one thread's scratch: less than that and the constructor cannot finish
        long needed = estimateBytes(c.height(), c.width(), c.J(), c.L(), c.maxOrder(), 0, false);
        if (needed > max) {
            throw new IllegalArgumentException(tooLarge(c.height(), c.width(), c.J(), c.L(), needed, max));
        }
    }

    /** The one-line message for an image whose whole-image transform needs {@code needed} bytes. */
    public static String tooLarge(int height, int width, int J, int L, long needed, long maxHeap) {
        long gib = 1L << 30;
        long suggest = (needed + needed / 4 + gib - 1) / gib;
        return String.format("image %dx%d at J=%d L=%d needs about %.1f GB for a whole-image transform (filters on the "
                + "%dx%d padded grid and scratch), more than the %.1f GB heap: give more memory "
                + "(SCATTER4J_JAVA_OPTS=-Xmx%dg for the command line, -Xmx%dg for java) or transform it in tiles "
                + "(scatter4j scatter --tile 512, TiledScattering2D)", height, width, J, L, needed / 1e9,
                paddedSize(height, J), paddedSize(width, J), maxHeap / 1e9, suggest, suggest);
    }
}
