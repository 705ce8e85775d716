package org.scatter4j.scattering;

/**
 * A real Fourier filter prepared for "multiply, then subsample by k in the Fourier domain" on lane
 * layout (Kymatio's {@code cdgmm} followed by {@code subsample_fourier}): only the entries whose
 * magnitude exceeds 1e-15 of the filter's largest are kept, each with its source index on the
 * fine grid and its destination on the coarse grid.
 *
 * <p>Why: a Morlet wavelet of scale 2^j is a Gaussian bump of width ~1/2^j around its centre
 * frequency, so at large j most of the grid multiplies by numbers below 1e-15 of the peak; skipping
 * them changes no output beyond double rounding and makes the product cost proportional to the
 * filter's support instead of the grid. At j = 0 nearly everything is kept and nothing is lost.
 *
 * <p>Immutable and thread-safe.
 */
public final class SparseFourierFilter {
    private static final double NEGLIGIBLE = 1e-15;

    private final int[] source;
    private final int[] destination;
    private final double[] weight;
    private final int outLength;
    private final double scale;

    /**
     * @param filter row-major {@code rows x cols} real Fourier filter
     * @param k      subsampling factor (1 = none); divides rows and cols
     */
    public SparseFourierFilter(double[] filter, int rows, int cols, int k) {
        if (rows % k != 0 || cols % k != 0) {
            throw new IllegalArgumentException("grid " + rows + "x" + cols + " is not divisible by k=" + k);
        }
        int outRows = rows / k;
        int outCols = cols / k;
        double max = 0;
        for (double v : filter) {
            max = Math.max(max, Math.abs(v));
        }
        int n = 0;
        for (double v : filter) {
            if (Math.abs(v) > NEGLIGIBLE * max) {
                n++;
            }
        }
        this.source = new int[n];
        this.destination = new int[n];
        this.weight = new double[n];
        int q = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = filter[r * cols + c];
                if (Math.abs(v) > NEGLIGIBLE * max) {
                    source[q] = r * cols + c;
                    destination[q] = (r % outRows) * outCols + c % outCols;
                    weight[q] = v;
                    q++;
                }
            }
        }
        this.outLength = outRows * outCols;
        this.scale = 1.0 / ((double) k * k);
    }

    /** Fraction of the grid's entries kept. */
    public double density() {
        return weight.length / (double) (outLength / scale);
    }

    /**
     * dst = subsample_k(src * filter): the mean of the k x k aliases of the product, which equals
     * subsampling the spatial signal by k.
     */
    public void multiplySubsample(double[] srcRe, double[] srcIm, int lanes, double[] dstRe, double[] dstIm) {
        java.util.Arrays.fill(dstRe, 0, outLength * lanes, 0.0);
        java.util.Arrays.fill(dstIm, 0, outLength * lanes, 0.0);
        for (int q = 0; q < weight.length; q++) {
            double w = weight[q] * scale;
            int s = source[q] * lanes;
            int d = destination[q] * lanes;
            for (int b = 0; b < lanes; b++) {
                dstRe[d + b] += srcRe[s + b] * w;
                dstIm[d + b] += srcIm[s + b] * w;
            }
        }
    }
}
