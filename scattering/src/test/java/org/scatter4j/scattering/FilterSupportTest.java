package org.scatter4j.scattering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scatter4j.scattering.internal.FilterSupport;
import org.scatter4j.wavelets.MorletFilterBank1D;

/** The nonzero runs of the 1D filters, and the products that loop over them only. */
class FilterSupportTest {

    @Test
    void runsAreTheMaximalNonzeroStretches() {
        double[] f = {0, 1, 2, 0, 0, 3, 0, -4, 5, 6, 0};
        assertArrayEquals(new int[] {1, 3, 5, 6, 7, 10}, FilterSupport.runs(f));
        float[] g = {7, 0, 0, 1e-30f, 2};
        assertArrayEquals(new int[] {0, 1, 3, 5}, FilterSupport.runs(g));
        assertArrayEquals(new int[0], FilterSupport.runs(new double[5]));
    }

    /** Every filter and level of a few banks: the runs hold every nonzero and nothing else. */
    @Test
    void runsCoverEveryNonzeroOfTheBanks() {
        for (MorletFilterBank1D bank : banks()) {
            for (double[] f : filters(bank)) {
                assertCovers(FilterSupport.runs(f), f.length, v -> f[v] != 0.0);
                float[] f32 = toFloat(f);
                assertCovers(FilterSupport.runs(f32), f32.length, v -> f32[v] != 0.0f);
            }
        }
    }

    /** The support loop gives the bits of the loop over every index (finite input: a zero term changes no sum). */
    @Test
    void productsAreBitIdenticalToTheFullLoop() {
        Random rng = new Random(3);
        int lanes = 3;
        for (MorletFilterBank1D bank : banks()) {
            for (double[] f : filters(bank)) {
                int n = f.length;
                double[] re = new double[n * lanes], im = new double[n * lanes];
                for (int i = 0; i < re.length; i++) {
                    re[i] = rng.nextGaussian();
                    im[i] = rng.nextGaussian();
                }
                float[] f32 = toFloat(f), re32 = toFloat(re), im32 = toFloat(im);
                for (int k = 1; k <= Math.min(n, 64); k *= 2) {
                    int m = n / k;
                    double[] outRe = new double[m * lanes], outIm = new double[m * lanes];
                    Scattering1DCascade.multiplyPeriodize(re, im, f, FilterSupport.runs(f), n, k, outRe, outIm, lanes, new double[m * lanes], new double[m * lanes]);
                    assertArrayEquals(fullLoop(re, f, n, k, lanes), outRe);
                    assertArrayEquals(fullLoop(im, f, n, k, lanes), outIm);
                    float[] o32Re = new float[m * lanes], o32Im = new float[m * lanes];
                    Scattering1DCascade32.multiplyPeriodize(re32, im32, f32, FilterSupport.runs(f32), n, k, o32Re, o32Im, lanes, new float[m * lanes], new float[m * lanes]);
                    assertArrayEquals(fullLoop(re32, f32, n, k, lanes), o32Re);
                    assertArrayEquals(fullLoop(im32, f32, n, k, lanes), o32Im);
                }
            }
        }
    }

    private static double[] fullLoop(double[] x, double[] f, int n, int k, int lanes) {
        int m = n / k;
        double[] out = new double[m * lanes];
        for (int v = 0; v < n; v++) {
            for (int b = 0; b < lanes; b++) {
                out[(v % m) * lanes + b] += x[v * lanes + b] * f[v];
            }
        }
        for (int i = 0; k > 1 && i < out.length; i++) {
            out[i] *= 1.0 / k;
        }
        return out;
    }

    private static float[] fullLoop(float[] x, float[] f, int n, int k, int lanes) {
        int m = n / k;
        float[] out = new float[m * lanes];
        for (int v = 0; v < n; v++) {
            for (int b = 0; b < lanes; b++) {
                out[(v % m) * lanes + b] += x[v * lanes + b] * f[v];
            }
        }
        for (int i = 0; k > 1 && i < out.length; i++) {
            out[i] *= 1.0f / k;
        }
        return out;
    }

    private static void assertCovers(int[] runs, int length, java.util.function.IntPredicate nonzero) {
        boolean[] inRun = new boolean[length];
        int last = -1;
        for (int r = 0; r < runs.length; r += 2) {
            assertTrue(runs[r] > last && runs[r] < runs[r + 1] && runs[r + 1] <= length, "runs in increasing order, not touching");
            last = runs[r + 1];
            for (int v = runs[r]; v < runs[r + 1]; v++) {
                inRun[v] = true;
            }
        }
        for (int v = 0; v < length; v++) {
            assertEquals(nonzero.test(v), inRun[v], "index " + v);
        }
    }

    private static List<MorletFilterBank1D> banks() {
        return List.of(MorletFilterBank1D.of(2048, 6, 8, 1, 64), MorletFilterBank1D.of(8192, 8, 12, 1, 256),
                MorletFilterBank1D.of(4096, 8, 8, 2, 256));
    }

    private static List<double[]> filters(MorletFilterBank1D bank) {
        List<double[]> out = new ArrayList<>();
        for (MorletFilterBank1D.Filter f : bank.psi1()) {
            out.addAll(List.of(f.levels()));
        }
        for (MorletFilterBank1D.Filter f : bank.psi2()) {
            out.addAll(List.of(f.levels()));
        }
        out.addAll(List.of(bank.phi().levels()));
        return out;
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
