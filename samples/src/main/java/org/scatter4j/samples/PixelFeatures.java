package org.scatter4j.samples;

import org.scatter4j.scattering.FeatureExtractor;

/**
 * The raw pixels as features: the baseline every invariant representation is compared against. A
 * one-pixel shift of a sharp image already changes it by a large fraction of its norm (Mallat 2012,
 * section 1), which is what the stability demos show.
 */
public final class PixelFeatures implements FeatureExtractor {
    private final int height;
    private final int width;

    public PixelFeatures(int height, int width) {
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
        return "raw pixels";
    }

    @Override
    public void extract(float[] images, int count, float[] out, int threads) {
        System.arraycopy(images, 0, out, 0, count * height * width);
    }
}
