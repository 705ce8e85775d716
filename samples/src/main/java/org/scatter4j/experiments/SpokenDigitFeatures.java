package org.scatter4j.experiments;

import java.util.ArrayList;
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
    /** The transform at N, N/2, N/4, ... (shortest first): each recording is padded to the shortest that holds it. */
    private final List<Scattering1D> transforms;
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
        this.transforms = shorterTransforms(scattering);
        this.segments = segments;
        this.epsilon = epsilon;
    }

    /**
     * The transforms at N, N/2, N/4, ... down to max(2^J, T), shortest first, with the same J, Q, T
     * and order (hence the same channels). A recording is zero-padded to the shortest that holds it:
     * with FSDD's lengths (median 3360 samples at N = 8192) this scatters most recordings at a
     * quarter or half of the cost, and the frames kept (those covering the recording) see the same
     * recording followed by zeros.
     */
    private static List<Scattering1D> shorterTransforms(Scattering1D full) {
        List<Scattering1D> list = new ArrayList<>();
        list.add(full);
        int minimum = Math.max(1 << full.J(), full.T());
        for (int n = full.signalLength() / 2; n >= minimum; n /= 2) {
            Scattering1D shorter = Scattering1D.builder().J(full.J()).Q(full.Q1(), full.Q2()).T(full.T())
                    .maxOrder(full.maxOrder()).length(n).build();
            if (shorter.channelCount() != full.channelCount() || shorter.stride() != full.stride()) {
                break; // a different channel set or frame rate would not give comparable features
            }
            list.add(0, shorter);
        }
        return List.copyOf(list);
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
        int d = dimension();
        float[] features = new float[Math.multiplyExact(recordings.size(), d)];
        // one group of recordings per padded length, each scattered by its own transform
        List<List<Integer>> groups = new ArrayList<>();
        for (int g = 0; g < transforms.size(); g++) {
            groups.add(new ArrayList<>());
        }
        for (int r = 0; r < recordings.size(); r++) {
            groups.get(groupOf(recordings.get(r).length)).add(r);
        }
        int done = 0;
        for (int g = 0; g < transforms.size(); g++) {
            done = extractGroup(transforms.get(g), recordings, groups.get(g), threads, features, done, progress);
        }
        return features;
    }

    /** Index in {@link #transforms} of the shortest transform that holds a recording (the longest if none). */
    private int groupOf(int recordingLength) {
        for (int g = 0; g < transforms.size(); g++) {
            if (recordingLength <= transforms.get(g).signalLength()) {
                return g;
            }
        }
        return transforms.size() - 1;
    }

    private int extractGroup(Scattering1D transform, List<float[]> recordings, List<Integer> members, int threads,
            float[] features, int done, IntConsumer progress) {
        if (members.isEmpty()) {
            return done;
        }
        int n = transform.signalLength();
        int c = transform.channelCount();
        int frames = transform.outputSamples();
        int d = dimension();
        int chunk = Math.min(CHUNK, members.size());
        float[] input = new float[chunk * n];
        float[] output = new float[chunk * c * frames];
        for (int first = 0; first < members.size(); first += chunk) {
            int count = Math.min(chunk, members.size() - first);
            java.util.Arrays.fill(input, 0f);
            for (int i = 0; i < count; i++) {
                int r = members.get(first + i);
                load(recordings.get(r), r, input, i * n, n);
            }
            transform.transformBatch(input, count, output, threads);
            for (int i = 0; i < count; i++) {
                int r = members.get(first + i);
                int valid = validFrames(transform, recordings.get(r).length);
                pool(output, i * c * frames, c, frames, valid, features, r * d);
            }
            done += count;
            progress.accept(done);
        }
        return done;
    }

    /** Frames whose stride interval starts inside the recording (at least 1, at most N'). */
    int validFrames(int recordingLength) {
        return validFrames(transforms.get(groupOf(recordingLength)), recordingLength);
    }

    private static int validFrames(Scattering1D transform, int recordingLength) {
        int covered = Math.min(recordingLength, transform.signalLength());
        int stride = transform.stride();
        return Math.max(1, Math.min(transform.outputSamples(), (covered + stride - 1) / stride));
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
    private void pool(float[] s, int at, int c, int frames, int valid, float[] dst, int out) {
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
