package org.scatter4j.scattering;

/**
 * Texture features from a translation scattering transform: the mean of every channel over the
 * whole output grid (a "global" average, fully translation invariant), optionally of
 * log(S + eps) rather than S, as in Sifre and Mallat's texture protocol (ScatNet takes the
 * logarithm before the spatial mean). K = channelCount() features per image.
 *
 * <p>Immutable and thread-safe (the scratch output of a batch is allocated per call).
 */
public final class SpatialAverage implements FeatureExtractor {
    private final Scattering2D scattering;
    private final double logEpsilon;

    /**
     * @param logEpsilon 0 for the plain mean of S, &gt; 0 for the mean of log(max(S, 0) + logEpsilon)
     */
    public SpatialAverage(Scattering2D scattering, double logEpsilon) {
        if (!(logEpsilon >= 0) || Double.isInfinite(logEpsilon)) {
            throw new IllegalArgumentException("logEpsilon must be finite and >= 0, got " + logEpsilon);
        }
        this.scattering = scattering;
        this.logEpsilon = logEpsilon;
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
        return "translation scattering J=" + scattering.J() + " L=" + scattering.L() + " order " + scattering.maxOrder()
                + ", spatial mean" + (logEpsilon > 0 ? " of log(S + " + logEpsilon + ")" : "") + " (" + featureCount()
                + " features)";
    }

    @Override
    public void extract(float[] images, int count, float[] out, int threads) {
        int k = scattering.channelCount();
        if (out.length < (long) count * k) {
            throw new IllegalArgumentException("out has length " + out.length + ", needs " + (long) count * k);
        }
        int plane = scattering.outputHeight() * scattering.outputWidth();
        float[] full = new float[Math.multiplyExact(count, scattering.outputLength())];
        scattering.transformBatch(images, count, full, threads);
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < k; c++) {
                double sum = 0;
                int base = (i * k + c) * plane;
                for (int p = 0; p < plane; p++) {
                    double v = full[base + p];
                    sum += logEpsilon > 0 ? Math.log(Math.max(v, 0) + logEpsilon) : v;
                }
                out[i * k + c] = (float) (sum / plane);
            }
        }
    }
}
