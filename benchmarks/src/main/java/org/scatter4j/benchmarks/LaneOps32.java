// GENERATED from LaneOps.java by org.scatter4j.codegen.Float32Kernels: do not edit.
// Edit LaneOps.java and run the generator (see its Javadoc).
package org.scatter4j.benchmarks;

/**
 * The pointwise kernels of the cascade on lane-layout arrays (value (r, c) of lane b at
 * {@code (r * cols + c) * lanes + b}). Each inner loop runs over contiguous lanes, so HotSpot
 * vectorizes it, and every lane sees exactly the same arithmetic, which keeps results independent
 * of how images are grouped into lanes and threads. {@code LaneOps32} is the float32 twin, generated
 * from this file by {@code org.scatter4j.codegen.Float32Kernels}.
 */
public final class LaneOps32 {
    private LaneOps32() {
    }

    /** re = |re + i im|, im = 0: the scattering non-linearity, leaving a real map ready for an FFT. */
    public static void modulus(float[] re, float[] im, int length) {
        for (int p = 0; p < length; p++) {
            re[p] = (float) Math.sqrt(re[p] * re[p] + im[p] * im[p]);
            im[p] = 0.0f;
        }
    }
}
