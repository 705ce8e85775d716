// GENERATED from Stockham.java by org.scatter4j.codegen.Float32Kernels: do not edit.
// Edit Stockham.java and run the generator (see its Javadoc).
package org.scatter4j.wavelets.fft;

/**
 * Runs an {@link FftPlan} over a sequence of blocks: a 1D FFT of length {@code n} whose element
 * {@code e} is the block {@code x[e]} of {@code width} independent values. Stockham autosort ping-pongs
 * between two block sets, so the result is in natural order without a bit-reversal pass.
 */
final class FloatStockham {
    private FloatStockham() {
    }

    /** Scratch for the generic prime butterfly: four blocks at least {@code width} long. */
    static float[][] genericScratch(FftPlan plan, int width) {
        return plan.maxGenericRadix() == 0 ? null : new float[4][width];
    }

    /**
     * Transforms blocks {@code 0 .. n-1} of {@code (ar, ai)}, using {@code (br, bi)} as the other
     * half of the ping-pong. Returns true if the result ended in {@code (br, bi)} (odd number of
     * stages), false if it is back in {@code (ar, ai)}.
     */
    static boolean run(FftPlan plan, float[][] ar, float[][] ai, float[][] br, float[][] bi,
                       int width, float[][] scratch) {
        float[][] xr = ar, xi = ai, yr = br, yi = bi;
        for (FftPlan.Stage st : plan.stages) {
            stage(st, xr, xi, yr, yi, width, scratch);
            float[][] tr = xr, ti = xi;
            xr = yr;
            xi = yi;
            yr = tr;
            yi = ti;
        }
        return (plan.stages.length & 1) == 1;
    }

    private static void stage(FftPlan.Stage st, float[][] xr, float[][] xi, float[][] yr,
                              float[][] yi, int width, float[][] scratch) {
        int p = st.radix, m = st.m, s = st.s;
        int inStride = s * m;
        for (int j = 0; j < m; j++) {
            int tw = j * (p - 1);
            boolean twiddle = j > 0; // row j = 0 of the twiddles is all ones
            for (int q = 0; q < s; q++) {
                int in = q + s * j;
                int out = q + s * p * j;
                switch (p) {
                    case 2:
                        FloatButterflies.radix2(xr, xi, in, inStride, yr, yi, out, s, st.twRe32, st.twIm32, tw, twiddle, width);
                        break;
                    case 3:
                        FloatButterflies.radix3(xr, xi, in, inStride, yr, yi, out, s, st.twRe32, st.twIm32, tw, twiddle, width);
                        break;
                    case 4:
                        FloatButterflies.radix4(xr, xi, in, inStride, yr, yi, out, s, st.twRe32, st.twIm32, tw, twiddle, width);
                        break;
                    case 5:
                        FloatButterflies.radix5(xr, xi, in, inStride, yr, yi, out, s, st.twRe32, st.twIm32, tw, twiddle, width);
                        break;
                    default:
                        FloatButterflies.generic(st, xr, xi, in, inStride, yr, yi, out, s, tw, twiddle, width,
                                scratch[0], scratch[1], scratch[2], scratch[3]);
                }
            }
        }
    }
}
