package org.scatter4j.experiments;

import java.util.List;
import java.util.function.IntConsumer;
import org.scatter4j.scattering.Scattering1D;

/**
 * Fixed-length features of variable-length recordings from 1D scattering: each recording is scaled
 * to a peak of 1, zero-padded (or cut) to the transform's length N, and scattered with local
 * averaging over T samples, which gives one frame of C channels every {@code stride} samples. Only
 * the frames that cover the recording (not the padding after it) are kept; they are cut into
 * {@code segments} equal parts in time and each part gives the mean of log(S + eps) per channel,
 * orders 1 and 2 (order 0, the signed local mean, is left out: its log is undefined).
 *
 * <p>Why segments: a digit is a sequence of phonemes ("sev-en", "ei-ght"); the mean over the whole
 * recording (Kymatio's example, T = N) keeps the spectral envelope but loses their order, while a
 * few segments in the recording's own time keep it and still do not depend on the speaking rate.
 * Immutable; thread-safe if the transform is.
 */
public final class SpokenDigitFeatures {
    /** Recordings scattered per batch call: bounds memory and gives progress steps. */
    static final int CHUNK = 128;

    private final Scattering1D scattering;
    private final int segments;
    private final double epsilon;

    /**
     * @param scattering the transform (its length N is the padded recording length)
     * @param segments   parts of the recording's time span, each giving one value per channel (&gt;= 1)
     * @param epsilon    the eps of log(S + eps) (&gt; 0)
     */
    public SpokenDigitFeatures(Scattering1D scattering, int segments, double epsilon) {
        if (segments < 1) {
            throw new IllegalArgumentException("segments must be >= 1, got segments=" + segments);
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon of log(S + epsilon) must be > 0 and finite, got epsilon=" + epsilon);
        }
        if (scattering.globalAveraging()) {
            throw new IllegalArgumentException("segments need local averaging (an integer T), not global averaging");
        }
        this.scattering = scattering;
        this.segments = segments;
        this.epsilon = epsilon;
    }

    public Scattering1D scattering() {
        return scattering;
    }

    public int segments() {
        return segments;
    }

    public double epsilon() {
        return epsilon;
    }

    /** Features per recording: (C - 1) channels times the segments. */
    public int dimension() {
        return (scattering.channelCount() - 1) * segments;
    }

    /**
     * The features of every recording, row after row, using {@code threads} threads; {@code
     * progress} receives the number of recordings done after each chunk.
     *
     * @throws IllegalArgumentException if a recording is empty or has a non-finite sample (the
     *                                  message names the recording's index and the sample)
     */
    public float[] extract(List<float[]> recordings, int threads, IntConsumer progress) {
        int n = scattering.signalLength();
        int c = scattering.channelCount();
        int frames = scattering.outputLength();
        int d = dimension();
        float[] features = new float[Math.multiplyExact(recordings.size(), d)];
        int chunk = Math.min(CHUNK, Math.max(1, recordings.size()));
        float[] input = new float[chunk * n];
        float[] output = new float[chunk * c * frames];
        for (int first = 0; first < recordings.size(); first += chunk) {
            int count = Math.min(chunk, recordings.size() - first);
            java.util.Arrays.fill(input, 0f);
            for (int i = 0; i < count; i++) {
                load(recordings.get(first + i), first + i, input, i * n, n);
            }
            scattering.transformBatch(input, count, output, threads);
            for (int i = 0; i < count; i++) {
                int valid = validFrames(recordings.get(first + i).length);
                pool(output, i * c * frames, valid, features, (first + i) * d);
            }
            progress.accept(first + count);
        }
        return features;
    }

    /** Frames whose stride interval starts inside the recording (at least 1, at most N'). */
    int validFrames(int recordingLength) {
        int covered = Math.min(recordingLength, scattering.signalLength());
        int stride = scattering.stride();
        return Math.max(1, Math.min(scattering.outputLength(), (covered + stride - 1) / stride));
    }

    /** The recording scaled to a peak of 1, cut or zero-padded to n samples, into dst. */
    private static void load(float[] x, int index, float[] dst, int at, int n) {
        if (x.length == 0) {
            throw new IllegalArgumentException("recording " + index + " is empty");
        }
        float peak = 0;
        for (int t = 0; t < x.length; t++) {
            if (!Float.isFinite(x[t])) {
                throw new IllegalArgumentException("recording " + index + ": sample " + t + " is " + x[t]
                        + " (samples must be finite)");
            }
            peak = Math.max(peak, Math.abs(x[t]));
        }
        float scale = peak > 0 ? 1 / peak : 0;
        int m = Math.min(n, x.length);
        for (int t = 0; t < m; t++) {
            dst[at + t] = x[t] * scale;
        }
    }

    /** Segment means of log(S + eps) over the first {@code valid} frames, channels 1..C-1. */
    private void pool(float[] s, int at, int valid, float[] dst, int out) {
        int c = scattering.channelCount();
        int frames = scattering.outputLength();
        for (int k = 0; k < segments; k++) {
            int a = (int) ((long) k * valid / segments);
            int b = Math.max((int) ((long) (k + 1) * valid / segments), a + 1);
            for (int ch = 1; ch < c; ch++) {
                double sum = 0;
                for (int f = a; f < b; f++) {
                    // max: an FFT-computed average of a modulus can come out a rounding error below 0
                    sum += Math.log(Math.max(s[at + ch * frames + f], 0f) + epsilon);
                }
                dst[out + k * (c - 1) + ch - 1] = (float) (sum / (b - a));
            }
        }
    }
}
