package org.scatter4j.cli;

import org.scatter4j.scattering.FeatureExtractor;

/** Feature extraction of many images in chunks, so that a progress bar can follow it. */
final class Extraction {
    private static final int CHUNK = 2048;

    private Extraction() {
    }

    /** Features (count, featureCount) of the images (count, height, width). */
    static float[] run(FeatureExtractor fx, float[] images, int count, int threads, String task) {
        int pixels = fx.height() * fx.width();
        int d = fx.featureCount();
        float[] features = new float[Math.multiplyExact(count, d)];
        float[] chunkIn = new float[Math.min(CHUNK, count) * pixels];
        float[] chunkOut = new float[Math.min(CHUNK, count) * d];
        try (Progress p = Progress.start(task, count, "images")) {
            for (int first = 0; first < count; first += CHUNK) {
                int n = Math.min(CHUNK, count - first);
                System.arraycopy(images, first * pixels, chunkIn, 0, n * pixels);
                fx.extract(chunkIn, n, chunkOut, threads);
                System.arraycopy(chunkOut, 0, features, first * d, n * d);
                p.stepBy(n);
            }
        }
        return features;
    }
}
