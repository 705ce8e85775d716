package org.scatter4j.scattering;

/**
 * One interface for every transform that turns fixed-size grey images into feature vectors
 * (translation scattering, roto-translation scattering, and their averaged or log variants), so that
 * the MNIST and texture pipelines and the command line never care which transform they run.
 * Implementations are immutable and thread-safe.
 */
public interface FeatureExtractor {
    /** Expected input image height. */
    int height();

    /** Expected input image width. */
    int width();

    /** Floats written per image. */
    int featureCount();

    /** A short human-readable description, e.g. "translation scattering J=2 L=8 order 2". */
    String describe();

    /**
     * Extracts the features of {@code count} images stored one after another (count, height, width)
     * into {@code out} (count, featureCount), using {@code threads} threads.
     */
    void extract(float[] images, int count, float[] out, int threads);
}
