package org.scatter4j.scattering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scatter4j.wavelets.FilterSpectrum;
import org.scatter4j.wavelets.MorletFilterBank1D;

/**
 * The 1D cascades' products with filters kept as nonzero runs ({@link FilterSpectrum}): the bits of the
 * loop over every index of the dense filter, in both precisions, at every periodization.
 */
class FilterSpectrumProductTest {

    /** The runs' loop gives the bits of the loop over every index (finite input: a zero term changes no sum). */
    @Test
    void productsAreBitIdenticalToTheFullLoop() {
        Random rng = new Random(3);
        int lanes = 3;
        for (MorletFilterBank1D bank : banks()) {
            for (FilterSpectrum spectrum : bank.spectra()) {
                double[] f = spectrum.toDense();
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
                    Scattering1DCascade.multiplyPeriodize(re, im, spectrum, n, k, outRe, outIm, lanes, new double[m * lanes], new double[m * lanes]);
                    assertArrayEquals(fullLoop(re, f, n, k, lanes), outRe);
                    assertArrayEquals(fullLoop(im, f, n, k, lanes), outIm);
                    float[] o32Re = new float[m * lanes], o32Im = new float[m * lanes];
                    Scattering1DCascade32.multiplyPeriodize(re32, im32, spectrum, n, k, o32Re, o32Im, lanes, new float[m * lanes], new float[m * lanes]);
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

    private static List<MorletFilterBank1D> banks() {
        return List.of(MorletFilterBank1D.of(2048, 6, 8, 1, 64), MorletFilterBank1D.of(8192, 8, 12, 1, 256),
                MorletFilterBank1D.of(4096, 8, 8, 2, 256));
    }


    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
