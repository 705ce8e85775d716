package org.scatter4j.samples;

import org.scatter4j.scattering.FeatureExtractor;
import org.scatter4j.scattering.Scattering2D;

/**
 * Translation scattering averaged over the whole image: one number per path, sum_u S x[p](u) / (H' W').
 * Averaging makes the coefficients invariant to any translation (Bruna and Mallat 2013, section 3.1:
 * J going to the image size), at the cost of spatial information; it is the representation used for
 * textures and for measuring what rotation does to the coefficients.
 */
public final class SpatialAverage implements FeatureExtractor {
    private final Scattering2D scattering;

    public SpatialAverage(Scattering2D scattering) {
        this.scattering = scattering;
    }

    @Override
    public int height() {
        return scattering.height();
    }

    @Override
    public int width() {
        return scattering.width();
    }

    @Override
    public int featureCount() {
        return scattering.channelCount();
    }

    @Override
    public String describe() {
        return "translation scattering J=" + scattering.J() + " averaged over space";
    }

    @Override
    public void extract(float[] images, int count, float[] out, int threads) {
        float[] maps = new float[count * scattering.outputLength()];
        scattering.extract(images, count, maps, threads);
        int plane = scattering.outputHeight() * scattering.outputWidth();
        int channels = scattering.channelCount();
        for (int b = 0; b < count; b++) {
            for (int k = 0; k < channels; k++) {
                double sum = 0;
                int base = (b * channels + k) * plane;
                for (int p = 0; p < plane; p++) {
                    sum += maps[base + p];
                }
                out[b * channels + k] = (float) (sum / plane);
            }
        }
    }
}
