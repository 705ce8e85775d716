package org.scatter4j.wavelets.fft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Lane k's output depends only on lane k's input, bit for bit, whatever the lane count: every
 * operation the 1D cascade uses, both precisions, at lane counts on both sides of the paths the
 * FFT takes by lane count (straight code at 4 lanes, arraycopy of lane runs from 8), at lengths
 * whose four-step split is square and not.
 */
class LaneFft1DLaneCountTest {
    private static final int[] LANES = {1, 3, 4, 5, 8, 16, 33};
    private static final String[] OPS = {"forward", "inverse", "forwardReal", "forwardRealEnds", "inverseReal", "inverseModulus"};

    @Test
    void float64LanesAreIndependentOfTheLaneCount() {
        for (int n : new int[] {64, 2048, 8192}) {
            LaneFft1D fft = new LaneFft1D(n, 33);
            for (int m : new int[] {n, n / 2}) {
                for (String op : OPS) {
                    Random rng = new Random(m + op.hashCode());
                    double[] xr = new double[m], xi = new double[m];
                    for (int t = 0; t < m; t++) {
                        xr[t] = rng.nextGaussian();
                        xi[t] = rng.nextGaussian();
                    }
                    double[] aloneRe = xr.clone(), aloneIm = xi.clone();
                    run64(fft, op, aloneRe, aloneIm, m, 1);
                    for (int lanes : LANES) {
                        int k = lanes / 2; // our signal in lane k, noise in the others
                        double[] re = new double[m * lanes], im = new double[m * lanes];
                        for (int i = 0; i < re.length; i++) {
                            re[i] = rng.nextGaussian() * 1e3;
                            im[i] = rng.nextGaussian() * 1e3;
                        }
                        for (int t = 0; t < m; t++) {
                            re[t * lanes + k] = xr[t];
                            im[t * lanes + k] = xi[t];
                        }
                        run64(fft, op, re, im, m, lanes);
                        boolean realOut = op.equals("inverseReal") || op.equals("inverseModulus");
                        for (int t = 0; t < m; t++) {
                            String where = op + " m=" + m + " lanes=" + lanes + " t=" + t;
                            assertEquals(Double.doubleToRawLongBits(aloneRe[t]), Double.doubleToRawLongBits(re[t * lanes + k]), where);
                            if (!realOut) {
                                assertEquals(Double.doubleToRawLongBits(aloneIm[t]), Double.doubleToRawLongBits(im[t * lanes + k]), where);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void float32LanesAreIndependentOfTheLaneCount() {
        for (int n : new int[] {64, 2048, 8192}) {
            LaneFft1D32 fft = new LaneFft1D32(n, 33);
            for (int m : new int[] {n, n / 2}) {
                for (String op : OPS) {
                    Random rng = new Random(m + op.hashCode());
                    float[] xr = new float[m], xi = new float[m];
                    for (int t = 0; t < m; t++) {
                        xr[t] = (float) rng.nextGaussian();
                        xi[t] = (float) rng.nextGaussian();
                    }
                    float[] aloneRe = xr.clone(), aloneIm = xi.clone();
                    run32(fft, op, aloneRe, aloneIm, m, 1);
                    for (int lanes : LANES) {
                        int k = lanes / 2;
                        float[] re = new float[m * lanes], im = new float[m * lanes];
                        for (int i = 0; i < re.length; i++) {
                            re[i] = (float) rng.nextGaussian() * 1e3f;
                            im[i] = (float) rng.nextGaussian() * 1e3f;
                        }
                        for (int t = 0; t < m; t++) {
                            re[t * lanes + k] = xr[t];
                            im[t * lanes + k] = xi[t];
                        }
                        run32(fft, op, re, im, m, lanes);
                        boolean realOut = op.equals("inverseReal") || op.equals("inverseModulus");
                        for (int t = 0; t < m; t++) {
                            String where = op + " m=" + m + " lanes=" + lanes + " t=" + t;
                            assertEquals(Float.floatToRawIntBits(aloneRe[t]), Float.floatToRawIntBits(re[t * lanes + k]), where);
                            if (!realOut) {
                                assertEquals(Float.floatToRawIntBits(aloneIm[t]), Float.floatToRawIntBits(im[t * lanes + k]), where);
                            }
                        }
                    }
                }
            }
        }
    }

    private static void run64(LaneFft1D fft, String op, double[] re, double[] im, int m, int lanes) {
        switch (op) {
            case "forward" -> fft.forward(re, im, m, lanes);
            case "inverse" -> fft.inverse(re, im, m, lanes);
            case "forwardReal" -> fft.forwardReal(re, im, m, lanes);
            case "forwardRealEnds" -> fft.forwardRealEnds(re, im, m, lanes, 5, 4); // pruned from m = 2048 (n1 / 4 >= 5)
            case "inverseReal" -> fft.inverseReal(re, im, m, lanes);
            default -> fft.inverseModulus(re, im, m, lanes);
        }
    }

    private static void run32(LaneFft1D32 fft, String op, float[] re, float[] im, int m, int lanes) {
        switch (op) {
            case "forward" -> fft.forward(re, im, m, lanes);
            case "inverse" -> fft.inverse(re, im, m, lanes);
            case "forwardReal" -> fft.forwardReal(re, im, m, lanes);
            case "forwardRealEnds" -> fft.forwardRealEnds(re, im, m, lanes, 5, 4); // pruned from m = 2048 (n1 / 4 >= 5)
            case "inverseReal" -> fft.inverseReal(re, im, m, lanes);
            default -> fft.inverseModulus(re, im, m, lanes);
        }
    }
}
