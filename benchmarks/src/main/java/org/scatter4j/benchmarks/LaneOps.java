package org.scatter4j.benchmarks;

/**
 * The pointwise kernels of the cascade on lane-layout arrays (value (r, c) of lane b at
 * {@code (r * cols + c) * lanes + b}). Each inner loop runs over contiguous lanes, so HotSpot
 * vectorizes it, and every lane sees exactly the same arithmetic, which keeps results independent
 * of how images are grouped into lanes and threads. {@code LaneOps32} is the float32 twin, generated
 * from this file by {@code org.scatter4j.codegen.Float32Kernels}.
 */
public final class LaneOps {
    private LaneOps() {
    }

    /** re = |re + i im|, im = 0: the scattering non-linearity, leaving a real map ready for an FFT. */
    public static void modulus(double[] re, double[] im, int length) {
        for (int p = 0; p < length; p++) {
            re[p] = Math.sqrt(re[p] * re[p] + im[p] * im[p]);
            im[p] = 0.0;
        }
    }
}
