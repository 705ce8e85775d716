package org.scatter4j.samples;

import org.scatter4j.scattering.FeatureExtractor;

/**
 * The modulus of the 2D discrete Fourier transform, |x^(w)|: exactly invariant to circular
 * translations, yet unstable to deformations, because a small dilation moves a high frequency w by
 * an amount proportional to |w| (Mallat 2012, section 1; Bruna and Mallat 2013, section 2). The
 * scattering transform keeps the invariance and removes that instability. A direct separable DFT:
 * the demos' images are small, and this keeps the class self-explanatory.
 */
public final class FourierModulus implements FeatureExtractor {
    private final int height;
    private final int width;

    public FourierModulus(int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        }
        this.height = height;
        this.width = width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int featureCount() {
        return height * width;
    }

    @Override
    public String describe() {
        return "Fourier modulus |x^|";
    }

    @Override
    public void extract(float[] images, int count, float[] out, int threads) {
        int n = height * width;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int b = 0; b < count; b++) {
            // rows first: X(r, k) = sum_c x(r, c) e^{-2 pi i k c / W}
            for (int r = 0; r < height; r++) {
                for (int k = 0; k < width; k++) {
                    double sr = 0;
                    double si = 0;
                    for (int c = 0; c < width; c++) {
                        double a = -2 * Math.PI * k * c / width;
                        double v = images[b * n + r * width + c];
                        sr += v * Math.cos(a);
                        si += v * Math.sin(a);
                    }
                    re[r * width + k] = sr;
                    im[r * width + k] = si;
                }
            }
            // then columns: X^(l, k) = sum_r X(r, k) e^{-2 pi i l r / H}, keeping only the modulus
            for (int k = 0; k < width; k++) {
                for (int l = 0; l < height; l++) {
                    double sr = 0;
                    double si = 0;
                    for (int r = 0; r < height; r++) {
                        double a = -2 * Math.PI * l * r / height;
                        double c = Math.cos(a);
                        double s = Math.sin(a);
                        sr += re[r * width + k] * c - im[r * width + k] * s;
                        si += re[r * width + k] * s + im[r * width + k] * c;
                    }
                    out[b * n + l * width + k] = (float) Math.hypot(sr, si);
                }
            }
        }
    }
}
