package org.scatter4j.samples;

import org.scatter4j.scattering.FeatureExtractor;

/**
 * The measure of every stability figure: ||Phi x' - Phi x|| / ||Phi x|| for a representation Phi, a
 * reference image x and transformed copies x'. Mallat 2012 (theorem 2.12) bounds this for the
 * scattering transform by C (2^-J |tau|_inf + |grad tau|_inf) for a deformation tau, up to
 * normalization by ||x|| instead of ||Phi x||; the demos divide by ||Phi x|| so that curves of
 * representations with different units share one axis.
 */
public final class RelativeChange {
    private RelativeChange() {
    }

    /**
     * One relative distance per copy: {@code copies} holds {@code count} images of the extractor's
     * size one after another.
     */
    public static double[] of(FeatureExtractor phi, float[] reference, float[] copies, int count) {
        int pixels = phi.height() * phi.width();
        if (reference.length != pixels || copies.length != count * pixels) {
            throw new IllegalArgumentException("expected a " + phi.height() + "x" + phi.width() + " reference and " + count
                    + " copies, got " + reference.length + " and " + copies.length + " values");
        }
        int d = phi.featureCount();
        float[] ref = new float[d];
        phi.extract(reference, 1, ref, 1);
        float[] out = new float[count * d];
        phi.extract(copies, count, out, Runtime.getRuntime().availableProcessors());
        double norm = 0;
        for (float v : ref) {
            norm += (double) v * v;
        }
        if (norm == 0) {
            throw new IllegalArgumentException("the reference image has zero " + phi.describe() + "; use a non-blank image");
        }
        double[] change = new double[count];
        for (int b = 0; b < count; b++) {
            double diff = 0;
            for (int i = 0; i < d; i++) {
                double e = out[b * d + i] - ref[i];
                diff += e * e;
            }
            change[b] = Math.sqrt(diff / norm);
        }
        return change;
    }
}
