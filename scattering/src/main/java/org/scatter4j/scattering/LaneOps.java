package org.scatter4j.scattering;

/**
 * The pointwise kernels of the cascade on lane-layout arrays (value (r, c) of lane b at
 * {@code (r * cols + c) * lanes + b}). Each inner loop runs over contiguous lanes, so HotSpot
 * vectorizes it, and every lane sees exactly the same arithmetic, which keeps results independent
 * of how images are grouped into lanes and threads.
 */
public final class LaneOps {
    private LaneOps() {
    }

    /**
     * dst = subsample_k(src * filter): the product with a real Fourier filter on the
     * {@code rows x cols} grid, then the Fourier-domain subsampling by k (the mean of the k x k
     * aliases, which equals subsampling the spatial signal by k; Kymatio's subsample_fourier).
     */
    public static void multiplySubsample(double[] srcRe, double[] srcIm, int rows, int cols, double[] filter, int k,
            int lanes, double[] dstRe, double[] dstIm) {
        int outRows = rows / k;
        int outCols = cols / k;
        int outLen = outRows * outCols * lanes;
        if (k == 1) {
            for (int p = 0, f = 0; f < rows * cols; f++) {
                double w = filter[f];
                for (int b = 0; b < lanes; b++, p++) {
                    dstRe[p] = srcRe[p] * w;
                    dstIm[p] = srcIm[p] * w;
                }
            }
            return;
        }
        java.util.Arrays.fill(dstRe, 0, outLen, 0.0);
        java.util.Arrays.fill(dstIm, 0, outLen, 0.0);
        for (int r = 0; r < rows; r++) {
            int dr = (r % outRows) * outCols;
            for (int c = 0; c < cols; c++) {
                double w = filter[r * cols + c];
                int s = (r * cols + c) * lanes;
                int d = (dr + c % outCols) * lanes;
                for (int b = 0; b < lanes; b++) {
                    dstRe[d + b] += srcRe[s + b] * w;
                    dstIm[d + b] += srcIm[s + b] * w;
                }
            }
        }
        double scale = 1.0 / ((double) k * k);
        for (int p = 0; p < outLen; p++) {
            dstRe[p] *= scale;
            dstIm[p] *= scale;
        }
    }

    /** re = |re + i im|, im = 0: the scattering non-linearity, leaving a real map ready for an FFT. */
    public static void modulus(double[] re, double[] im, int length) {
        for (int p = 0; p < length; p++) {
            re[p] = Math.sqrt(re[p] * re[p] + im[p] * im[p]);
            im[p] = 0.0;
        }
    }
}
