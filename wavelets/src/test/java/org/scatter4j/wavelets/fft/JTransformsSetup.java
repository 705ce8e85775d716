package org.scatter4j.wavelets.fft;

/**
 * JTransforms starts its own thread pool for large transforms. Our parallelism is across images
 * (and filters), so we keep JTransforms single-threaded: results are then independent of its
 * scheduling, and no non-daemon pool keeps the JVM alive after the work is done.
 */
public final class JTransformsSetup {
    static {
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
        org.jtransforms.utils.CommonUtils.setThreadsBeginN_1D_FFT_2Threads(Long.MAX_VALUE);
        org.jtransforms.utils.CommonUtils.setThreadsBeginN_1D_FFT_4Threads(Long.MAX_VALUE);
        org.jtransforms.utils.CommonUtils.setThreadsBeginN_2D(Long.MAX_VALUE);
    }

    private JTransformsSetup() {
    }

    /** Idempotent; call before the first JTransforms plan is built. */
    public static void ensure() {
        // the static initializer does the work
    }
}
