package org.scatter4j.scattering;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.scatter4j.scattering.engine.LaneBatchEngine;
import org.scatter4j.scattering.engine.Records;
import org.scatter4j.wavelets.MorletFilterBank1D;
import org.scatter4j.wavelets.Padding1D;

/**
 * The 1D scattering transform of Kymatio's {@code Scattering1D} (0.4, numpy backend, {@code
 * out_type='array'}): for signals of length N, wavelets with Q1 (first order) and Q2 (second order)
 * per octave up to scale 2^J, averaging over T samples (local, with output at stride 2^floor(log2
 * T)) or over the whole signal (global), orders up to 2. Output (B, C, N') in Kymatio's channel
 * order: order 0, order 1 by n1, order 2 by (n1, n2) with j2 &gt; j1; {@link #paths()} describes
 * each channel as Kymatio's {@code meta()} does.
 *
 * <p>Immutable and thread-safe: the filters are built once; batches run a block of signals at a
 * time as lanes ({@link Scattering1DCascade} in the shared lane batch engine), scratch memory comes from pools (nothing allocated per
 * signal once warm), and each signal's arithmetic is the same whatever the thread count and block,
 * so results are identical bit for bit.
 *
 * <pre>{@code
 * Scattering1D s = Scattering1D.builder().J(8).Q(12).length(8192).build();
 * float[] out = s.transformBatch(signals, count);   // (count, s.channelCount(), s.outputSamples())
 * }</pre>
 */
public final class Scattering1D {
    /**
     * Padded values per block of lanes in a batch (2 MiB of float64 per block array), at most {@link
     * #MAX_LANES} lanes, and at least {@link #MIN_LANES} while a block array stays within {@link
     * #MAX_BLOCK_VALUES} (long signals: one lane leaves the lane loops too short to vectorize).
     * History: 2^17 -> 2^19 values (f 1 -> 4 lanes, e 8 -> 32) gave f 1211 -> 709-1118 ms/signal, e
     * 65.1 -> 51.8-58.8 (loaded machine); then 2^19 / 64 -> 2^18 / 32 / at least 4 (g 64 -> 32 lanes,
     * e 32 -> 16, f 4) keeps a block's working set nearer the caches: docs/signal1d.md has the A/B.
     * With the float32 first order (2026-12-06) 2^18 -> 2^19 again (e 16 -> 32 lanes; g, f unchanged):
     * e p25 3.91 -> 3.44 ms/signal. With the vectorized lane sums (fourth session) 32 -> 64 lanes
     * (g 32 -> 64, padded lengths up to 8192 change): g one thread CPU 0.336-0.355 -> 0.284-0.291
     * ms/signal, two threads p25 0.215 -> 0.167 and 0.188 -> 0.178 (both orders); 16 lanes gave 0.43,
     * 128 no better than 64; N=4096 (8192 padded) within the noise. For f, 8 lanes (2^20 values)
     * were slower than 4 (one thread 47.6-48.6 -> 54.9-56.4 ms/signal).
     */
    private static final int BLOCK_VALUES = 1 << 19;
    private static final int MAX_LANES = 64;
    private static final int MIN_LANES = 4;
    private static final int MAX_BLOCK_VALUES = 1 << 20;
    /**
     * Output values (channels x N' per signal) per block at most, 16 MB in float64: a block holds its
     * lanes' outputs, and a small T with many channels (J=12, Q=(24, 4), T=2, N=4096: 5689 channels
     * x 2048 = 11.7 million values per signal) gave a block of 64 lanes 6 GB of output, even for a
     * batch of two signals. The bench cases' outputs (2016, 10784 and 8736 values) are far below it.
     */
    private static final long MAX_BLOCK_OUTPUT = 1 << 21;

    private final int J;
    private final int Q1;
    private final int Q2;
    private final int T;
    private final boolean global;
    private final int maxOrder;
    private final int N;
    private final Padding1D padding;
    private final MorletFilterBank1D bank;
    private final List<SignalPath> paths;
    private final int outLength;
    private final int blockLanes;
    private final LaneBatchEngine<Scattering1DCascade.Block, Scattering1DCascade.Workspace> engine64;
    private final LaneBatchEngine<Scattering1DCascade32.Block, Scattering1DCascade32.Workspace> engine32;

    private Scattering1D(Builder b) {
        this.J = b.J;
        this.Q1 = b.Q1;
        this.Q2 = b.Q2;
        this.global = b.global;
        this.T = b.global || b.T == 0 ? 1 << b.J : b.T;
        this.maxOrder = b.maxOrder;
        this.N = b.N;
        this.padding = Padding1D.of(N, J, T);
        checkMemory(padding.paddedLength(), J, Q1, Q2, T, global, N); // the exact padded length, before the filters
        this.bank = MorletFilterBank1D.of(padding.paddedLength(), J, Q1, Q2, T);
        bank.checkAliasFree();
        if (maxOrder == 2) {
            checkSecondOrderLevels();
        }
        this.paths = Collections.unmodifiableList(buildPaths());
        int log2T = bank.phi().j();
        this.outLength = global ? 1 : padding.end(log2T) - padding.start(log2T);
        this.blockLanes = blockLanes(padding.paddedLength(), (long) paths.size() * outLength);
        this.engine64 = new LaneBatchEngine<>(new Scattering1DCascade(this), blockLanes);
        this.engine32 = new LaneBatchEngine<>(new Scattering1DCascade32(this), blockLanes);
    }

    /**
     * Refuses what Kymatio's {@code scattering1d} cannot run: the second order reads psi2 at level
     * k1 (the subsampling of U1: min(j1, log2 T), or j1 for global averaging), and the filter bank
     * builds psi2's levels only below min(max j1, j2, 1 + log2 T) ({@code scattering_filter_factory});
     * when the first-order wavelet with the largest j1 has a second-order partner (j2 &gt; j1) with
     * j1 &lt;= log2 T, that level is missing and Kymatio raises IndexError (typically Q1 = 1 with
     * Q2 &gt;= 2). Checked on the very levels the cascades read, so it is the same condition.
     */
    private void checkSecondOrderLevels() {
        int log2T = bank.phi().j();
        List<MorletFilterBank1D.Filter> psi1 = bank.psi1(), psi2 = bank.psi2();
        for (int n1 = 0; n1 < psi1.size(); n1++) {
            int j1 = psi1.get(n1).j();
            int k1 = global ? j1 : Math.min(j1, log2T);
            for (int n2 = 0; n2 < psi2.size(); n2++) {
                MorletFilterBank1D.Filter f2 = psi2.get(n2);
                if (f2.j() > j1 && k1 >= f2.levelCount()) {
                    throw new IllegalArgumentException("Q=(" + Q1 + ", " + Q2 + "), J=" + J + ", T=" + (global ? "global" : T)
                            + ": second-order wavelet n2=" + n2 + " (j2=" + f2.j() + ") has " + f2.levelCount() + " levels but first-order n1="
                            + n1 + " (j1=" + j1 + ") needs level " + k1 + "; Kymatio raises IndexError here (lower Q2 or raise Q1)");
                }
            }
        }
    }

    /**
     * Refuses, before anything large is allocated, a transform that cannot fit in the heap: its filter
     * bank (an upper bound computed from the filters' bandwidths, {@link
     * MorletFilterBank1D#estimateBytes}, a few percent above the true size at most), its FFT tables and padding map
     * (about {@link #TABLE_BYTES} per padded sample) and one block's scratch ({@link #BLOCK_BYTES}); each
     * more thread on the same long signal needs another workspace, and the engine starts only the
     * threads whose workspaces fit ({@code LaneCascade.workspaceBytes}). A Q or N far
     * beyond the heap (--Q 1000000, --length 2000000000) is refused at once, naming N, J, Q, T, the
     * estimate and the heap, instead of an OutOfMemoryError after seconds.
     */
    private static void checkMemory(long paddedLength, int J, int Q1, int Q2, int T, boolean global, int N) {
        if (paddedLength > ScatteringMemory.MAX_ARRAY) {
            throw new IllegalArgumentException("signal length N=" + N + " needs a padded length of " + paddedLength
                    + " samples, more than the " + ScatteringMemory.MAX_ARRAY + " a Java array holds");
        }
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long scratch = (TABLE_BYTES + BLOCK_BYTES) * paddedLength;
        long usable = (long) (available / HEAP_MARGIN);
        long bank = MorletFilterBank1D.estimateBytes((int) paddedLength, J, Q1, Q2, T, Math.max(0, usable - scratch));
        if (bank + scratch > usable) {
            boolean over = bank > usable - scratch; // estimateBytes stopped counting at its limit
            String tLabel = global ? "global" : String.valueOf(T);
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "signal length N=%d, J=%d, Q=(%d, %d), T=%s"
                    + " needs %s %.2f GB of memory (filters %s%.2f GB, scratch %.2f GB for %d padded samples, and %d %% for the"
                    + " heap's own overhead), more than the %.2f GB of heap available (raise it with java -Xmx, or"
                    + " SCATTER4J_JAVA_OPTS for the command line; or lower Q or N)",
                    N, J, Q1, Q2, tLabel, over ? "more than" : "about", (bank + scratch) * HEAP_MARGIN / 1e9, over ? "over " : "",
                    bank / 1e9, scratch / 1e9, paddedLength, Math.round((HEAP_MARGIN - 1) * 100), available / 1e9));
        }
    }

    /**
     * What the heap needs beyond the estimate, as a factor. G1 keeps each array of more than half a
     * region (1 MB in a heap under 2 GB) in whole regions of its own, so a long signal's filters and
     * work arrays (megabytes each) waste part of their last region, and the filter build's per-thread
     * scratch comes on top of the bank while it is built. Measured: N = 262144, J = 8, Q = 12 (an
     * estimate of 0.34 GB) ran out of memory in 1 of 3 runs at 384 MB of heap, never at 416 MB
     * (docs/signal1d.md, sixth session); without the margin the check admitted it from 340 MB.
     */
    static final double HEAP_MARGIN = 1.2;

    /** FFT twiddles and the padding map per padded sample, both precisions (measured with a class histogram: about 57). */
    private static final long TABLE_BYTES = 64;
    /**
     * One block (x and its spectrum, float64; a block of 8 lanes or more also keeps the records as
     * loaded, but such blocks belong to short signals) and one workspace per padded sample of a lane.
     */
    private static final long BLOCK_BYTES = 2 * 8 + Scattering1DCascade.WORKSPACE_BYTES;

    public static Builder builder() {
        return new Builder();
    }

    private List<SignalPath> buildPaths() {
        List<SignalPath> p = new ArrayList<>();
        p.add(new SignalPath(0, -1, -1, -1, -1, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        List<MorletFilterBank1D.Filter> psi1 = bank.psi1(), psi2 = bank.psi2();
        for (int n1 = 0; n1 < psi1.size(); n1++) {
            MorletFilterBank1D.Filter f = psi1.get(n1);
            p.add(new SignalPath(1, n1, -1, f.j(), -1, f.xi(), Double.NaN, f.sigma(), Double.NaN));
        }
        if (maxOrder == 2) {
            for (int n1 = 0; n1 < psi1.size(); n1++) {
                MorletFilterBank1D.Filter f = psi1.get(n1);
                for (int n2 = 0; n2 < psi2.size(); n2++) {
                    MorletFilterBank1D.Filter g = psi2.get(n2);
                    if (g.j() > f.j()) {
                        p.add(new SignalPath(2, n1, n2, f.j(), g.j(), f.xi(), g.xi(), f.sigma(), g.sigma()));
                    }
                }
            }
        }
        return p;
    }

    // ------------------------------------------------------------------ transforms

    /** One signal of length N (float32); returns (C, N') floats. */
    public float[] transform(float[] signal) {
        float[] out = new float[outputLength()];
        transformBatch(signal, 1, out, 1);
        return out;
    }

    /** One signal of length N (float64); returns (C, N') doubles. */
    public double[] transform(double[] signal) {
        double[] out = new double[outputLength()];
        transformBatch(signal, 1, out, 1);
        return out;
    }

    /** {@code count} signals one after another (B, N) in float32, all processors; returns (B, C, N'). */
    public float[] transformBatch(float[] signals, int count) {
        float[] out = new float[Math.multiplyExact(Math.max(count, 0), outputLength())];
        transformBatch(signals, count, out, Runtime.getRuntime().availableProcessors());
        return out;
    }

    /** {@code count} signals one after another (B, N) in float64, all processors; returns (B, C, N'). */
    public double[] transformBatch(double[] signals, int count) {
        double[] out = new double[Math.multiplyExact(Math.max(count, 0), outputLength())];
        transformBatch(signals, count, out, Runtime.getRuntime().availableProcessors());
        return out;
    }

    /**
     * (B, N) float32 signals into {@code out} (B, C, N') with {@code threads} threads (at least 1):
     * blocks of {@link #blockLanes()} signals spread over threads, or for fewer blocks than threads
     * each block's first-order wavelets spread over threads.
     */
    public void transformBatch(float[] signals, int count, float[] out, int threads) {
        requireBatch(count);
        engine32.run(new Records.Float32("signals", signals, 0, count, N),
                new Records.Float32("output", out, 0, count, outputLength()), threads);
        Float32Range.recomputeHugeImages(signals, 0, count, N, out, 0, outputLength(), outputSamples(), this::transform,
                "signal"); // samples above 2^50 overflow the float32 modulus: float64
    }

    /**
     * As {@link #transformBatch(float[], int, float[], int)} in float64; samples above {@link
     * #SAFE_FLOAT64} are refused (the message names signal and sample).
     */
    public void transformBatch(double[] signals, int count, double[] out, int threads) {
        requireBatch(count);
        requireFloat64Range(signals, count);
        engine64.run(new Records.Float64("signals", signals, 0, count, N),
                new Records.Float64("output", out, 0, count, outputLength()), threads);
    }

    /**
     * (B, N) float64 signals into float32 coefficients {@code out} (B, C, N'): the float32 transform
     * (its speed, its arithmetic) without rounding the samples to float32 first. The 1D cascade takes
     * the spectrum of x in float64 in both precisions, so here the samples enter it as they are; with
     * float32 samples the rounding of the input alone (2^-24 of each sample) can reach 1e-4 of a
     * channel 1e-6 weaker than the signal's strongest, and this way it does not arise. Samples above
     * {@link #SAFE_FLOAT64} are refused as in float64; signals with samples above {@link
     * Float32Range#SAFE} (2^50) are computed in float64 and rounded, as in {@link
     * #transformBatch(float[], int, float[], int)}.
     */
    public void transformBatch(double[] signals, int count, float[] out, int threads) {
        requireBatch(count);
        requireFloat64Range(signals, count);
        engine32.run(new Records.Float64("signals", signals, 0, count, N),
                new Records.Float32("output", out, 0, count, outputLength()), threads);
        Float32Range.recomputeHugeImages(signals, 0, count, N, out, 0, outputLength(), outputSamples(), this::transform,
                "signal");
    }

    /** Largest |sample| the float64 cascade takes: {@link Float64Range#SAFE}. */
    public static final double SAFE_FLOAT64 = Float64Range.SAFE;

    private void requireFloat64Range(double[] signals, int count) {
        Float64Range.require(signals, 0, count, N, "signal", "sample");
    }

    private static void requireBatch(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("empty batch: count must be >= 1, got count=" + count);
        }
    }

    // ------------------------------------------------------------------ accessors

    public int J() {
        return J;
    }

    public int Q1() {
        return Q1;
    }

    public int Q2() {
        return Q2;
    }

    /** The averaging support T (2^J for the default and for global averaging). */
    public int T() {
        return T;
    }

    public boolean globalAveraging() {
        return global;
    }

    public int maxOrder() {
        return maxOrder;
    }

    /** The input length N. */
    public int signalLength() {
        return N;
    }

    /** Channels C: 1 + first-order wavelets + second-order paths with j2 &gt; j1. */
    public int channelCount() {
        return paths.size();
    }

    /** Samples per channel N': the signal's span at stride 2^floor(log2 T), or 1 for global averaging. */
    public int outputSamples() {
        return outLength;
    }

    /** Values per transformed signal: C * N' (as {@link Scattering2D#outputLength()} is per image). */
    public int outputLength() {
        return channelCount() * outLength;
    }

    /** The stride of the output in input samples (2^floor(log2 T)); the whole signal for global averaging. */
    public int stride() {
        return global ? N : 1 << bank.phi().j();
    }

    /** Every channel in output order. */
    public List<SignalPath> paths() {
        return paths;
    }

    public MorletFilterBank1D filterBank() {
        return bank;
    }

    public Padding1D padding() {
        return padding;
    }

    /**
     * Lanes per block for a padded length (see {@link #BLOCK_VALUES}) and an output of {@code
     * outputLength} values per signal (at most {@link #MAX_BLOCK_OUTPUT} values per block, at least one lane).
     */
    static int blockLanes(int paddedLength, long outputLength) {
        int lanes = Math.min(MAX_LANES, BLOCK_VALUES / paddedLength);
        lanes = lanes >= MIN_LANES ? lanes : Math.max(1, Math.min(MIN_LANES, MAX_BLOCK_VALUES / paddedLength));
        return (int) Math.max(1, Math.min(lanes, MAX_BLOCK_OUTPUT / outputLength));
    }

    /** Signals per block of lanes in a large batch. */
    public int blockLanes() {
        return blockLanes;
    }

    @Override
    public String toString() {
        return "Scattering1D(J=" + J + ", Q=(" + Q1 + ", " + Q2 + "), T=" + (global ? "global" : String.valueOf(T)) + ", order "
                + maxOrder + ", N=" + N + ": " + channelCount() + " channels x " + outLength + ")";
    }

    /** Parameters with Kymatio's defaults: Q = (1, 1), T = 2^J, max order 2. J and the length are required. */
    public static final class Builder {
        private int J = -1;
        private int Q1 = 1;
        private int Q2 = 1;
        private int T = 0;
        private boolean global;
        private int maxOrder = 2;
        private int N = -1;

        /** The largest wavelet scale 2^J (1 &lt;= J, 2^J &lt;= N). */
        public Builder J(int J) {
            this.J = J;
            return this;
        }

        /** Q wavelets per octave at the first order, 1 at the second (Kymatio's Q = int). */
        public Builder Q(int Q) {
            return Q(Q, 1);
        }

        /** Q1 wavelets per octave at the first order and Q2 at the second (Kymatio's Q = (Q1, Q2)). */
        public Builder Q(int Q1, int Q2) {
            this.Q1 = Q1;
            this.Q2 = Q2;
            return this;
        }

        /** Local averaging over T samples (1 &lt;= T &lt;= N; not necessarily a power of two). */
        public Builder T(int T) {
            this.T = T;
            this.global = false;
            if (T < 1) {
                throw new IllegalArgumentException("T must be >= 1 (or global averaging), got T=" + T);
            }
            return this;
        }

        /** Averaging over the whole signal (Kymatio's T = 'global'): one value per channel. */
        public Builder globalAveraging() {
            this.global = true;
            this.T = 0;
            return this;
        }

        public Builder maxOrder(int maxOrder) {
            this.maxOrder = maxOrder;
            return this;
        }

        /** The signal length N. */
        public Builder length(int N) {
            this.N = N;
            return this;
        }

        public Scattering1D build() {
            if (N < 0) {
                throw new IllegalArgumentException("the signal length is required (call length(N))");
            }
            if (J < 0) {
                throw new IllegalArgumentException("J is required (call J(int))");
            }
            if (N < 2) {
                throw new IllegalArgumentException("signal length N must be >= 2, got N=" + N);
            }
            int maxJ = MorletFilterBank1D.floorLog2(N);
            if (J < 1 || J > maxJ) {
                throw new IllegalArgumentException("J must be in [1, " + maxJ + "] for signals of length N=" + N
                        + " (2^J <= N), got J=" + J);
            }
            if (Q1 < 1) {
                throw new IllegalArgumentException("Q1 (first-order wavelets per octave) must be >= 1, got Q1=" + Q1);
            }
            if (Q2 < 1) {
                throw new IllegalArgumentException("Q2 (second-order wavelets per octave) must be >= 1, got Q2=" + Q2);
            }
            if (maxOrder != 1 && maxOrder != 2) {
                throw new IllegalArgumentException("maxOrder must be 1 or 2, got maxOrder=" + maxOrder);
            }
            if (!global && T > N) {
                throw new IllegalArgumentException("T=" + T + " exceeds the signal length N=" + N
                        + " (T must be <= N; use global averaging for a longer average)");
            }
            // the padded length is at least the next power of two of N: checked before Padding1D,
            // which itself allocates N values (and overflows int past 2^30)
            checkMemory(Long.highestOneBit(2L * N - 1), J, Q1, Q2, global || T == 0 ? 1 << J : T, global, N);
            return new Scattering1D(this);
        }
    }
}
