package org.scatter4j.wavelets.fft;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The real-output inverse (half-length complex inverse after the tangle) against the complex inverse, in both precisions. */
class LaneFft1DRealTest {
    private static final int[] LENGTHS = {1, 2, 4, 6, 8, 96, 1000, 1024, 1031};

    /** Any spectrum (not Hermitian): inverseReal gives the real part of the complex inverse. */
    @Test
    void inverseRealIsTheRealPartOfTheInverseOfAnySpectrum() {
        Random rng = new Random(11);
        for (int n : LENGTHS) {
            LaneFft1D fft = new LaneFft1D(n, 5);
            for (int m = n; m >= 1; m /= 2) {
                for (int lanes : new int[] {1, 3, 5}) {
                    double[] re = new double[m * lanes], im = new double[m * lanes];
                    for (int i = 0; i < re.length; i++) {
                        re[i] = rng.nextGaussian();
                        im[i] = rng.nextGaussian();
                    }
                    assertRealPart(fft, re, im, m, lanes, 1e-13);
                }
                if (m % 2 == 1) {
                    break;
                }
            }
        }
    }

    /** A real signal's spectrum (forwardReal) comes back to the signal. */
    @Test
    void forwardRealThenInverseRealGivesTheSignalBack() {
        Random rng = new Random(12);
        for (int n : LENGTHS) {
            LaneFft1D fft = new LaneFft1D(n, 4);
            for (int m = n; m >= 1; m /= 2) {
                int lanes = 4;
                double[] x = new double[m * lanes];
                for (int i = 0; i < x.length; i++) {
                    x[i] = rng.nextGaussian();
                }
                double[] re = x.clone(), im = new double[m * lanes];
                fft.forwardReal(re, im, m, lanes);
                assertRealPart(fft, re, im, m, lanes, 1e-13);
                fft.inverseReal(re, im, m, lanes);
                double err = 0, norm = 0;
                for (int i = 0; i < x.length; i++) {
                    err = Math.max(err, Math.abs(re[i] - x[i]));
                    norm = Math.max(norm, Math.abs(x[i]));
                }
                assertTrue(err <= 1e-13 * norm, "round trip m=" + m + " err " + err / norm);
                if (m % 2 == 1) {
                    break;
                }
            }
        }
    }

    @Test
    void float32InverseRealIsTheRealPartOfTheInverse() {
        Random rng = new Random(13);
        for (int n : LENGTHS) {
            LaneFft1D32 fft = new LaneFft1D32(n, 5);
            for (int m = n; m >= 1; m /= 2) {
                int lanes = 5;
                float[] re = new float[m * lanes], im = new float[m * lanes];
                for (int i = 0; i < re.length; i++) {
                    re[i] = (float) rng.nextGaussian();
                    im[i] = (float) rng.nextGaussian();
                }
                float[] re1 = re.clone(), im1 = im.clone();
                fft.inverse(re1, im1, m, lanes);
                fft.inverseReal(re, im, m, lanes);
                double err = 0, norm = 0;
                for (int i = 0; i < re.length; i++) {
                    err = Math.max(err, Math.abs(re[i] - re1[i]));
                    norm = Math.max(norm, Math.abs(re1[i]));
                }
                assertTrue(err <= 1e-5 * norm, "float32 m=" + m + " err " + err / norm);
                if (m % 2 == 1) {
                    break;
                }
            }
        }
    }

    /** inverseModulus is, bit for bit, the complex inverse followed by the modulus, in both precisions. */
    @Test
    void inverseModulusIsTheModulusOfTheInverseBitForBit() {
        Random rng = new Random(14);
        for (int n : LENGTHS) {
            LaneFft1D fft = new LaneFft1D(n, 5);
            LaneFft1D32 fft32 = new LaneFft1D32(n, 5);
            for (int m = n; m >= 1; m /= 2) {
                for (int lanes : new int[] {1, 5}) {
                    double[] re = new double[m * lanes], im = new double[m * lanes];
                    float[] re32 = new float[m * lanes], im32 = new float[m * lanes];
                    for (int i = 0; i < re.length; i++) {
                        re[i] = rng.nextGaussian();
                        im[i] = rng.nextGaussian();
                        re32[i] = (float) re[i];
                        im32[i] = (float) im[i];
                    }
                    double[] re1 = re.clone(), im1 = im.clone();
                    float[] re132 = re32.clone(), im132 = im32.clone();
                    fft.inverse(re1, im1, m, lanes);
                    fft.inverseModulus(re, im, m, lanes);
                    fft32.inverse(re132, im132, m, lanes);
                    fft32.inverseModulus(re32, im32, m, lanes);
                    for (int i = 0; i < re.length; i++) {
                        double want = Math.sqrt(re1[i] * re1[i] + im1[i] * im1[i]);
                        float want32 = (float) Math.sqrt(re132[i] * re132[i] + im132[i] * im132[i]);
                        assertTrue(re[i] == want, "m=" + m + " lanes=" + lanes + " at " + i + ": " + re[i] + " != " + want);
                        assertTrue(re32[i] == want32, "float32 m=" + m + " lanes=" + lanes + " at " + i + ": " + re32[i] + " != " + want32);
                    }
                }
                if (m % 2 == 1) {
                    break;
                }
            }
        }
    }

    /**
     * forwardRealEnds (the pruned transform an average uses) gives forwardReal's bins [0, low) and
     * [m - high, m) to rounding, in both precisions: lengths and bin counts where it prunes and where
     * it falls back, lane counts on both sides of its two ways of summing (1, 4, 7 and 9).
     */
    @Test
    void forwardRealEndsGivesForwardRealsBinsAtBothEnds() {
        Random rng = new Random(15);
        int[][] ends = {{1, 0}, {3, 2}, {8, 7}, {24, 23}, {2, 30}, {64, 0}, {200, 200}};
        for (int m : new int[] {16, 64, 256, 1536, 2048, 4096, 65536}) { // 1536: h = 24 x 32, a radix-3 first pass
            LaneFft1D fft = new LaneFft1D(m, 9);
            LaneFft1D32 fft32 = new LaneFft1D32(m, 9);
            for (int lanes : new int[] {1, 4, 7, 9}) {
                for (int[] e : ends) {
                    int low = Math.min(e[0], m / 2), high = Math.min(e[1], m / 2 - 1);
                    double[] x = new double[m * lanes];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = rng.nextGaussian();
                    }
                    double[] re = x.clone(), im = new double[m * lanes], wantRe = x.clone(), wantIm = new double[m * lanes];
                    float[] re32 = new float[m * lanes], im32 = new float[m * lanes];
                    for (int i = 0; i < x.length; i++) {
                        re32[i] = (float) x[i];
                    }
                    fft.forwardRealEnds(re, im, m, lanes, low, high);
                    fft32.forwardRealEnds(re32, im32, m, lanes, low, high);
                    fft.forwardReal(wantRe, wantIm, m, lanes);
                    double norm = 0;
                    for (int i = 0; i < x.length; i++) {
                        norm = Math.max(norm, Math.hypot(wantRe[i], wantIm[i]));
                    }
                    double err = 0, err32 = 0;
                    int checked = 0;
                    for (int f = 0; f < m; f++) {
                        if (f >= low && f < m - high) {
                            continue;
                        }
                        for (int b = 0; b < lanes; b++) {
                            int i = f * lanes + b;
                            err = Math.max(err, Math.hypot(re[i] - wantRe[i], im[i] - wantIm[i]));
                            err32 = Math.max(err32, Math.hypot(re32[i] - wantRe[i], im32[i] - wantIm[i]));
                            checked++;
                        }
                    }
                    String where = "m=" + m + " lanes=" + lanes + " low=" + low + " high=" + high;
                    assertTrue(checked == (low + high) * lanes, where + ": bins checked " + checked);
                    assertTrue(err <= 1e-13 * norm, where + ": float64 error " + err / norm);
                    assertTrue(err32 <= 2e-6 * norm, where + ": float32 error " + err32 / norm);
                }
            }
        }
    }

    /** inverseReal on copies of (re, im) against the real part of the complex inverse, relative to its largest value. */
    private static void assertRealPart(LaneFft1D fft, double[] re, double[] im, int m, int lanes, double tolerance) {
        double[] re1 = re.clone(), im1 = im.clone(), re2 = re.clone(), im2 = im.clone();
        fft.inverse(re1, im1, m, lanes);
        fft.inverseReal(re2, im2, m, lanes);
        double err = 0, norm = 0;
        for (int i = 0; i < m * lanes; i++) {
            err = Math.max(err, Math.abs(re2[i] - re1[i]));
            norm = Math.max(norm, Math.abs(re1[i]));
        }
        assertTrue(err <= tolerance * norm, "m=" + m + " lanes=" + lanes + " err " + err / norm);
    }
}
