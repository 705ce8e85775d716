package org.scatter4j.scattering;

import org.scatter4j.scattering.engine.LaneBlock64;
import org.scatter4j.scattering.engine.LaneCascade;
import org.scatter4j.wavelets.FilterSpectrum;
import org.scatter4j.wavelets.MorletFilterBank1D;
import org.scatter4j.wavelets.fft.LaneFft1D;

/**
 * The float64 cascade of {@link Scattering1D}, Kymatio's {@code core/scattering1d.py} on a block of
 * signals held as lanes (sample p of lane k at {@code [p * lanes + k]}): reflect padding, the
 * spectrum of x, then for each first-order wavelet psi1 (Kymatio's n1 order) U1 = |x * psi1|
 * subsampled by 2^k1, its average S1 = U1 * phi, and for each psi2 with j2 &gt; j1 U2 = |U1 *
 * psi2| and S2 = U2 * phi; convolutions are products in the Fourier domain, subsampling is
 * periodization of the spectrum (Kymatio's {@code subsample_fourier}, a mean over periods), and
 * the averaged maps are unpadded to the signal's own samples (or summed over the padded length for
 * global averaging). It runs in the shared lane batch engine ({@code org.scatter4j.scattering.engine}):
 * {@link #root} computes the spectrum of x and S0, each subtree n1 the paths that start with wavelet
 * n1 (so a few long signals spread over threads by wavelet). Each lane's arithmetic is independent of the other lanes, so results do not
 * depend on how signals are grouped into blocks and threads. The float32 twin {@code
 * Scattering1DCascade32} is generated from this file by {@code org.scatter4j.codegen.Float32Kernels}.
 *
 * <p>Precision. The spectrum of x and S0 are computed in float64 in both ({@link FirstOrder1D}), so
 * S0 is the same but for the output's rounding; the float32 twin rounds the spectrum to float32 bin by
 * bin for the first order. Each subtree then
 * runs in the cascade's own precision: U1 = |x * psi1| (product, inverse FFT, modulus), its
 * spectrum, S1, U2 and S2. A float32 FFT spreads an error of about 1e-7 of its input's whole norm
 * over every frequency, which can swamp a channel far weaker than U1 (a sine's U1 is nearly
 * constant: its second-order channels; a chirp's weak bands). So after the subtree each lane's
 * channels are checked against a noise model ({@link #noiseScale}, {@link #noiseWeight}): the noise
 * the two float32 FFTs of U1 put into channel c of a lane is about {@code C eps^2 (2 log2 n + 1)
 * ||U1||^2 w_c}, w_c depending only on the filter bank; the modulus also makes a bias of that noise,
 * which an average adds up coherently ({@link #biasBounds} bounds it from the maps U1 and U2
 * themselves); a lane is flagged when, for some channel, the two together
 * exceed {@link #TOLERANCE}^2 times the energy the channel got. Then the subtree is computed again
 * with U1 in float64 ({@link FirstOrder1D}, the former float32 path of every lane, whose U1 spectrum
 * is rounded to float32 for what follows) for the whole block, and only the flagged lanes keep those
 * values (the others are restored from a copy): each lane's result depends on that lane alone,
 * whatever the block, thread or batch. The same fallback gives {@link ExactSecondOrder1D}'s float64
 * S2 to the (channel, lane) pairs whose U2 sits in the padding. In the float64 cascade eps is 2^-52:
 * nothing is flagged, and the subtree's arithmetic is the one it always had (same FFT operations
 * in the same order), so its output is unchanged bit for bit. docs/signal1d.md has the calibration
 * of C and the flag rates.
 */
final class Scattering1DCascade implements LaneCascade<Scattering1DCascade.Block, Scattering1DCascade.Workspace> {
    private final int signalLength;
    private final int paddedLength;
    private final int[] source;
    private final boolean global;
    private final int log2T;
    private final int maxOrder;
    private final int outLength;
    private final int start;
    private final int channels;
    /** phi at each level, as nonzero runs ({@link FilterSpectrum}; the cascade reads its own precision's). */
    private final FilterSpectrum[] phi;
    private final FirstOrder1D first;
    /** The float32 cascade's float64 fallback for second-order maps made in the padding. */
    private final ExactSecondOrder1D exact;
    /** Each second-order wavelet at each level. */
    private final FilterSpectrum[][] psi2;
    /**
     * The fast path's psi1 (level 0), psi2 and phi: in the float32 cascade without their values below
     * {@link #FLOAT32_FLOOR} of their peak, in the float64 cascade the filters themselves. S0 and the
     * fallback use every value ({@link #phi}, {@link #psi2}, {@link FirstOrder1D}).
     */
    private final FilterSpectrum[] psi1;
    private final FilterSpectrum[][] fastPsi2;
    private final FilterSpectrum[] fastPhi;
    /** Per level, the bins of phi and of fastPhi that an average reads ({@link #averageBins}). */
    private final int[][] phiBins, fastPhiBins;
    /**
     * The noise the float32 FFTs of U1 put into a channel, over ||U1||^2, without the filters' part:
     * {@link #NOISE_C} eps^2 (2 log2 n + 1) for U1 of n samples (its inverse and forward FFT, plus the
     * rounding of x's spectrum and of the products); eps is the cascade's own (2^-23 or 2^-52).
     */
    private final double[] noiseScale; // float64 in both
    /**
     * Per channel, how much of white noise of unit energy in U1 (over its n samples) reaches the
     * channel's output: local averaging keeps sum(phi_k^2) / (sub n_k) of it, times outLength / m_k
     * (the unpadded part); a global average (bin 0) keeps 1; a second-order channel first goes
     * through psi2 at level k1 periodized over 2^k2: sum(psi2^2) / (n 2^k2).
     */
    private final double[] noiseWeight; // float64 in both
    /**
     * Per channel, the part of U1's modelled noise energy that reaches the map the channel averages:
     * 1 for U1 itself (S1), psi2's share sum(psi2^2) / (n 2^k2) for U2 ({@link #biasBounds}).
     */
    private final double[] mapWeight; // float64 in both
    /** Per channel, {@link #averageGain} of its map's level: how much a bias in the map can grow through the average. */
    private final double[] mapGain; // float64 in both
    /**
     * Per channel, the most that the fast path's left-out filter values ({@link #FLOAT32_FLOOR}) can
     * change it, in squared L2 norm: {@code truncationWeight[0][c] ||x||^2 + truncationWeight[1][c]
     * ||U1||^2} (zero in the float64 cascade, which keeps every value).
     */
    private final double[][] truncationWeight; // float64 in both
    /** Second-order channels of the largest subtree. */
    private final int maxSecond;
    /**
     * {@link #FALLBACK} normally; in tests {@link #FAST_ONLY} (every lane keeps its fast-path result: no
     * float64 first order, no padding redo) or {@link #EVERY_LANE} (every lane redone: the float64
     * first order for all, as before the fast path existed).
     */
    private final int fallback;
    static final int FAST_ONLY = 0, FALLBACK = 1, EVERY_LANE = 2;
    private final int[] j1;
    private final int[] j2;
    /** The channel of the first second-order path of each n1. */
    private final int[] secondStart;

    /**
     * The calibration constant of the noise model (the float32 FFT's error energy over eps^2 log2 n
     * times its input's): measured per channel on Kymatio1DAgreementTest's cases, with a margin
     * (docs/signal1d.md).
     */
    static final double NOISE_C = 4; // float64 in both
    /**
     * The noise model's constant for {@link #biasBounds}: {@link #NOISE_C} without its margin. The
     * bias bound has margins of its own, and it adds the noise up coherently, so the margin counted
     * many times over: with it, FSDD's extraction (J=8, Q=6, T=256) took 40 % longer, its float32
     * errors being within 1.2e-6 of float64 without any of these flags; without it the chirps that
     * need the bound stay within 1.9e-6 (with a quarter of it, 7.3e-6). docs/signal1d.md has the runs.
     */
    static final double BIAS_C = 1; // float64 in both
    /** Relative L2 error per channel a float32 first order may cost before its lane is redone in float64. */
    static final double TOLERANCE = 5e-6; // float64 in both
    /**
     * Whether the fast path bounds the bias that the modulus makes of U1's float32 noise
     * ({@link #biasBounds}): in float32; in float64 that noise is far below any tolerance.
     */
    private static final boolean BOUNDS_BIAS = Math.ulp((double) 1) > 1e-10; // the cascade's own eps: true in float32 only
    /** The cascade's rounding unit: 2^-52 here, 2^-23 in the float32 twin. */
    private static final double EPS = Math.ulp((double) 1);

    /**
     * The float32 cascade's fast path leaves out the filters' values at most this fraction of their
     * peak ({@link FilterSpectrum#withFloat32Floor}): Morlet and Gaussian tails below float32's
     * underflow are zero already, and those between 2^-40 and it doubled the products' length (g:
     * psi1's float32 runs 15730 values, 8102 with the floor). What is left out is bounded, not
     * modelled ({@link #truncationWeights}): a lane for which it may exceed {@link #TOLERANCE} of a
     * channel is flagged like any other ({@link #flag}) and its subtree redone from the float64 U1
     * with every value; S0 keeps every value too. The float64 cascade keeps every value (its eps is
     * below the floor).
     */
    static final double FLOAT32_FLOOR = 0x1p-40; // float64 in both
    /** Whether this cascade's fast path uses {@link #FLOAT32_FLOOR}: where it is far below eps. */
    private static final boolean TRUNCATES = FLOAT32_FLOOR < EPS;

    Scattering1DCascade(Scattering1D s) {
        this(s, FALLBACK);
    }

    /** @param fallback {@link #FALLBACK}; the other modes are for tests that show what it is for */
    Scattering1DCascade(Scattering1D s, int fallback) {
        this.fallback = fallback;
        MorletFilterBank1D bank = s.filterBank();
        signalLength = s.signalLength();
        paddedLength = bank.paddedLength();
        source = new int[paddedLength];
        for (int p = 0; p < paddedLength; p++) {
            source[p] = s.padding().source(p);
        }
        global = s.globalAveraging();
        log2T = bank.phi().j();
        maxOrder = s.maxOrder();
        outLength = s.outputSamples();
        start = s.padding().start(log2T);
        channels = s.channelCount();
        phi = bank.phi().spectra();
        first = new FirstOrder1D(s);
        exact = new ExactSecondOrder1D(s);
        j1 = new int[bank.psi1().size()];
        for (int n = 0; n < j1.length; n++) {
            j1[n] = bank.psi1().get(n).j();
        }
        psi2 = new FilterSpectrum[bank.psi2().size()][];
        j2 = new int[psi2.length];
        for (int n = 0; n < psi2.length; n++) {
            psi2[n] = bank.psi2().get(n).spectra();
            j2[n] = bank.psi2().get(n).j();
        }
        secondStart = new int[j1.length];
        int channel = 1 + j1.length;
        int most = 0;
        for (int n = 0; n < j1.length; n++) {
            secondStart[n] = channel;
            if (maxOrder == 2) {
                for (int m = 0; m < psi2.length; m++) {
                    channel += j2[m] > j1[n] ? 1 : 0;
                }
            }
            most = Math.max(most, channel - secondStart[n]);
        }
        maxSecond = most;
        psi1 = new FilterSpectrum[j1.length];
        for (int n = 0; n < j1.length; n++) {
            psi1[n] = fast(bank.psi1().get(n).spectrum(0));
        }
        fastPsi2 = new FilterSpectrum[psi2.length][];
        for (int n = 0; n < psi2.length; n++) {
            fastPsi2[n] = java.util.Arrays.stream(psi2[n]).map(Scattering1DCascade::fast).toArray(FilterSpectrum[]::new);
        }
        fastPhi = java.util.Arrays.stream(phi).map(Scattering1DCascade::fast).toArray(FilterSpectrum[]::new);
        phiBins = java.util.Arrays.stream(phi).map(Scattering1DCascade::averageBins).toArray(int[][]::new);
        fastPhiBins = java.util.Arrays.stream(fastPhi).map(Scattering1DCascade::averageBins).toArray(int[][]::new);
        noiseScale = new double[j1.length]; // float64 in both
        noiseWeight = new double[channels]; // float64 in both
        mapWeight = new double[channels]; // float64 in both
        mapGain = new double[channels]; // float64 in both
        java.util.Map<Integer, Double> gains = new java.util.HashMap<>(); // float64 in both
        for (int n = 0; n < j1.length; n++) {
            int len = paddedLength >> first.k1(n);
            noiseScale[n] = NOISE_C * EPS * EPS * (2 * MorletFilterBank1D.floorLog2(len) + 1);
            noiseWeight[1 + n] = averageWeight(bank, first.k1(n));
            mapWeight[1 + n] = 1;
            mapGain[1 + n] = averageGain(bank, first.k1(n), gains);
            int c = secondStart[n];
            for (int m = 0; maxOrder == 2 && m < psi2.length; m++) {
                if (j2[m] > j1[n]) {
                    int k2 = k2(m, first.k1(n));
                    mapWeight[c] = bank.psi2().get(m).spectrum(first.k1(n)).sumOfSquares() / ((double) len * (1 << k2)); // float64 in both
                    mapGain[c] = averageGain(bank, first.k1(n) + k2, gains);
                    noiseWeight[c] = mapWeight[c] * averageWeight(bank, first.k1(n) + k2);
                    c++;
                }
            }
        }
        truncationWeight = truncationWeights(bank);
    }

    /** The fast path's copy of a filter ({@link #FLOAT32_FLOOR}). */
    private static FilterSpectrum fast(FilterSpectrum full) {
        return TRUNCATES ? full.withFloat32Floor(FLOAT32_FLOOR) : full;
    }

    /**
     * {@link #truncationWeight}. A filter spectrum s without its values at most {@code f peak(s)}
     * (f = {@link #FLOAT32_FLOOR}) changes a product with a spectrum X by at most {@code f peak(s)
     * ||X||} in L2 (Parseval), and a product then subsampled by at most as much. So, in squared L2
     * norms: U1 = |x * psi1| moves by at most {@code d1 = (f peak(psi1))^2 ||x||^2} (the modulus is
     * 1-Lipschitz); S1 by {@code A(k1) d1} (A: the average's {@link #averageGain}, computed with the
     * full filter, whose gain bounds the fast copy's) plus, for a local average, {@code (f
     * peak(phi_k1))^2 ||U1||^2}; U2 = |U1 * psi2| subsampled by {@code G d1 + (f peak(psi2))^2
     * ||U1||^2} (G: psi2's {@link FilterSpectrum#subsamplingGainBound}), and S2 by A(k1 + k2) times that
     * plus {@code (f peak(phi))^2 G ||U1||^2}. Each weight is 4 times the sum of its terms: the
     * changes add in norm, and (a + b + c)^2 &lt;= 3 (a^2 + b^2 + c^2).
     */
    private double[][] truncationWeights(MorletFilterBank1D bank) { // float64 in both
        double[][] weight = new double[2][channels]; // float64 in both
        if (!TRUNCATES) {
            return weight;
        }
        double f2 = FLOAT32_FLOOR * FLOAT32_FLOOR; // float64 in both
        java.util.Map<Integer, Double> gains = new java.util.HashMap<>(); // float64 in both: each filter level's gain, computed once
        for (int n = 0; n < j1.length; n++) {
            int k1 = first.k1(n);
            double d1 = f2 * Math.pow(bank.psi1().get(n).spectrum(0).peak(), 2); // float64 in both
            weight[0][1 + n] = 4 * d1 * averageGain(bank, k1, gains);
            weight[1][1 + n] = 4 * (global ? 0 : f2 * Math.pow(phi[k1].peak(), 2)); // float64 in both
            int c = secondStart[n];
            for (int m = 0; maxOrder == 2 && m < psi2.length; m++) {
                if (j2[m] > j1[n]) {
                    int k2 = k2(m, k1);
                    FilterSpectrum level = psi2[m][k1];
                    double g = gains.computeIfAbsent((m + 1) * 64 + k1, key -> level.subsamplingGainBound(1 << k2)); // float64 in both
                    double a = averageGain(bank, k1 + k2, gains); // float64 in both
                    double u2 = f2 * Math.pow(level.peak(), 2); // float64 in both: U2's move per ||U1||^2
                    weight[0][c] = 4 * a * g * d1;
                    weight[1][c] = 4 * (a * u2 + (global ? 0 : f2 * Math.pow(phi[k1 + k2].peak(), 2) * g)); // float64 in both
                    c++;
                }
            }
        }
        return weight;
    }

    /**
     * log2 of U2's subsampling after U1's 2^-k1 for second-order wavelet n2: U2 is at resolution
     * 2^-(k1 + k2), the coarser of psi2's safe 2^-j2 (capped at T's for a local average) and U1's own.
     */
    private int k2(int n2, int k1) {
        int sub2 = global ? j2[n2] : Math.min(j2[n2], log2T);
        return Math.max(sub2 - k1, 0);
    }

    /** The periods a local average folds a map at resolution 2^-k into: its output is at resolution 2^-log2T. */
    private int averageSubsampling(int k) {
        return 1 << Math.max(log2T - k, 0);
    }

    /** The part of white noise of unit energy in a map at resolution 2^-k that its average keeps ({@link #noiseWeight}). */
    private double averageWeight(MorletFilterBank1D bank, int k) { // float64 in both
        if (global) {
            return 1; // float64 in both
        }
        int n = paddedLength >> k;
        int sub = averageSubsampling(k);
        int m = n / sub;
        return bank.phi().spectrum(k).sumOfSquares() / ((double) sub * n) * outLength / m; // float64 in both
    }

    /**
     * The largest factor by which the squared L2 norm of a map at resolution 2^-k can grow through its
     * average: a global average sums its n = paddedLength / 2^k samples (at most n times the squared
     * norm, by Cauchy-Schwarz), a local one is phi's {@link FilterSpectrum#subsamplingGainBound} at level k
     * (the unpadding only drops samples), kept in {@code gains} at key k.
     */
    private double averageGain(MorletFilterBank1D bank, int k, java.util.Map<Integer, Double> gains) { // float64 in both
        if (global) {
            return paddedLength >> k;
        }
        return gains.computeIfAbsent(k, key -> bank.phi().spectrum(k).subsamplingGainBound(averageSubsampling(k)));
    }

    @Override
    public Block newBlock(int lanes) {
        return new Block(lanes);
    }

    @Override
    public Workspace newWorkspace(int lanes) {
        return new Workspace(lanes);
    }

    /**
     * Bytes per padded sample and lane of a workspace, an upper bound in both precisions: its FFT (four
     * block sets) and eight maps, the float64 first order's FFT and four maps ({@link FirstOrder1D}),
     * and the float64 fallback's FFT and six maps ({@link ExactSecondOrder1D}, made when first needed),
     * counted at 8 bytes a value.
     */
    static final long WORKSPACE_BYTES = 8 * (4 + 8) + 8 * (4 + 4) + 8 * (4 + 6);

    @Override
    public long workspaceBytes(int lanes) {
        return WORKSPACE_BYTES * paddedLength * lanes;
    }

    /**
     * The float64 spectrum of the padded signals (kept in the block for the fallback), rounded to the
     * cascade's precision for the subtrees (the float64 cascade uses it as it is), and S0 (in float64).
     */
    @Override
    public void root(Block b, Workspace w) {
        int l = b.lanes;
        int np = paddedLength;
        b.pad();
        if (TRUNCATES) {
            first.energyOfSignals(b.u0Re, l, w.first, b.xEnergy); // the padded signals, before their FFT
        }
        if (global) {
            first.sumSignals(b.u0Re, l, w.sums); // the padded signals, before their FFT
            storeSums(w.sums, b.out, 0, l);
        }
        first.spectrumOfX(b.u0Re, b.u0Im, w.first, l);
        FirstOrder1D.round(b.u0Re, b.xRe, np * l);
        FirstOrder1D.round(b.u0Im, b.xIm, np * l);
        if (!global) { // S0 from the float64 spectrum, in float64 in both (FirstOrder1D.lowPass says why)
            first.lowPass(b.u0Re, b.u0Im, np, phi[0], averageSubsampling(0), w.first, l);
            FirstOrder1D.round(w.first.lowRe, start * l, b.out, 0, outLength * l);
        }
    }

    /** One subtree per first-order wavelet. */
    @Override
    public int subtreeCount() {
        return j1.length;
    }

    /**
     * S1 of wavelet n1 and, at order 2, its S2 paths, with U1 in the cascade's precision; then, if a
     * lane is flagged or a second-order map sits in the padding, the fallback ({@link #redo}).
     */
    @Override
    public void subtree(int n1, Block b, Workspace w) {
        int l = b.lanes;
        int k = first.k1(n1);
        int n = paddedLength >> k;
        multiplyPeriodize(b.xRe, b.xIm, psi1[n1], paddedLength, 1 << k, w.u1Re, w.u1Im, l, w.alignRe, w.alignIm);
        w.fft.inverseModulus(w.u1Re, w.u1Im, n, l);
        energyLanes(w.u1Re, 0, n, l, w.laneSums, w.u1Energy);
        mapBias(n1, 1 + n1, w.u1Re, n, l, w);
        int heavy = spectrumAndAverages(n1, b, w, w.u1Re, w.u1Im, false);
        int flagged = flag(n1, b, w);
        if (fallback == EVERY_LANE) {
            java.util.Arrays.fill(w.flagged, 0, l, true);
            flagged = l;
        }
        if (fallback != FAST_ONLY && (flagged > 0 || heavy > 0)) {
            redo(n1, b, w, flagged);
        }
    }

    /**
     * From U1 in {@code (re, im)} (its samples in re): S1 (global: the sum of U1), the spectrum of U1
     * in place, S1 (local) and the S2 paths of n1 into {@code b.out}. With {@code exact} false (the
     * fast path) the (path, lane) pairs whose U2 sits in the padding are marked in {@code w.heavy}
     * and their count returned; with {@code exact} true (the fallback, U1 from the float64 first
     * order, whose float64 spectrum is in {@code w.first}) they are computed again at once
     * ({@link ExactSecondOrder1D}).
     */
    private int spectrumAndAverages(int n1, Block b, Workspace w, double[] re, double[] im, boolean exact) {
        int l = b.lanes;
        int k1 = first.k1(n1);
        int n = paddedLength >> k1;
        FilterSpectrum[][] second = exact ? psi2 : fastPsi2; // every value in the fallback
        FilterSpectrum[] lowPass = exact ? phi : fastPhi;
        if (global && !exact) {
            sumInto(re, n, l, w.sums, b.out, (1 + n1) * l);
        }
        boolean paths = maxOrder == 2 && secondCount(n1) > 0;
        if (global && !paths) { // S1 is the sum above, and no U2 reads U1's spectrum
            return 0;
        }
        if (!exact && paths) {
            w.fft.forwardReal(re, im, n, l);
        } else if (!exact) { // only S1's average reads U1's spectrum
            w.fft.forwardRealEnds(re, im, n, l, fastPhiBins[k1][0], fastPhiBins[k1][1]);
        }
        if (!global && exact) { // the fallback's S1 from U1's float64 spectrum, in float64 (FirstOrder1D.lowPass says why)
            first.lowPass(w.first.re, w.first.im, n, phi[k1], averageSubsampling(k1), w.first, l);
            FirstOrder1D.round(w.first.lowRe, start * l, b.out, (1 + n1) * outLength * l, outLength * l);
        } else if (!global) {
            average(re, im, n, k1, lowPass, w, b.out, (1 + n1) * outLength * l, l);
        }
        if (maxOrder == 1) {
            return 0;
        }
        int channel = secondStart[n1];
        int heavyPairs = 0;
        for (int n2 = 0; n2 < psi2.length; n2++) {
            if (j2[n2] <= j1[n1]) {
                continue;
            }
            int k2 = k2(n2, k1);
            int m = n >> k2;
            multiplyPeriodize(re, im, second[n2][k1], n, 1 << k2, w.u2Re, w.u2Im, l, w.alignRe, w.alignIm);
            w.fft.inverseModulus(w.u2Re, w.u2Im, m, l);
            if (!exact) {
                mapBias(n1, channel, w.u2Re, m, l, w);
            }
            if (global) {
                sumInto(w.u2Re, m, l, w.sums, b.out, channel * l);
            } else {
                // lanes whose U2 sits in the padding: S2 again in float64 (float32 only; ExactSecondOrder1D says why)
                int heavy = this.exact.paddingHeavyLanes(w.u2Re, m, k1 + k2, l, w.exact);
                int[] bins = (exact ? phiBins : fastPhiBins)[k1 + k2]; // U2's spectrum only where the average reads it
                w.fft.forwardRealEnds(w.u2Re, w.u2Im, m, l, bins[0], bins[1]);
                average(w.u2Re, w.u2Im, m, k1 + k2, lowPass, w, b.out, channel * outLength * l, l);
                if (exact) {
                    if (heavy > 0) {
                        this.exact.redo(n2, k1, k2, w.first.re, w.first.im, l, w.exact, b.out, channel * outLength * l);
                    }
                } else {
                    int mark = (channel - secondStart[n1]) * l;
                    for (int lane = 0; lane < l; lane++) {
                        w.heavy[mark + lane] = heavy > 0 && w.exact.heavy[lane];
                    }
                }
                heavyPairs += heavy;
            }
            channel++;
        }
        return heavyPairs;
    }

    /**
     * Marks in {@code w.flagged} the lanes for which some channel of subtree n1 may hold more float32
     * noise than {@link #TOLERANCE} of its norm (the model of {@link #noiseWeight}, from the energy
     * of U1 left in {@code w.u1Energy} and of what the channel got in {@code b.out}); returns how many.
     */
    private int flag(int n1, Block b, Workspace w) {
        int l = b.lanes;
        java.util.Arrays.fill(w.flagged, 0, l, false);
        int channels = maxOrder == 2 ? 1 + secondCount(n1) : 1;
        double tol2 = TOLERANCE * TOLERANCE; // float64 in both
        for (int c = 0; c < channels; c++) {
            int channel = c == 0 ? 1 + n1 : secondStart[n1] + c - 1;
            energyLanes(b.out, channel * outLength * l, outLength, l, w.laneSums, w.outEnergy);
            double scale = noiseScale[n1] * noiseWeight[channel]; // float64 in both
            double overX = truncationWeight[0][channel], overU1 = truncationWeight[1][channel]; // float64 in both
            for (int lane = 0; lane < l; lane++) {
                // the bias's part: a global average sums it, a local one grows its energy by at most mapGain
                double bias = global ? w.bias[c * l + lane] * w.bias[c * l + lane] : mapGain[channel] * w.biasSquares[c * l + lane]; // float64 in both
                if ((scale + overU1) * w.u1Energy[lane] + overX * b.xEnergy[lane] + bias > tol2 * w.outEnergy[lane]) {
                    w.flagged[lane] = true;
                }
            }
        }
        int count = 0;
        for (int lane = 0; lane < l; lane++) {
            count += w.flagged[lane] ? 1 : 0;
        }
        return count;
    }

    /** Second-order paths of subtree n1. */
    private int secondCount(int n1) {
        return (n1 + 1 < j1.length ? secondStart[n1 + 1] : channels) - secondStart[n1];
    }

    /**
     * The fallback of subtree n1, for a block whose fast path flagged {@code flagged} lanes or marked
     * second-order maps made in the padding: U1 again in float64 ({@link FirstOrder1D}) for every
     * lane. Flagged lanes get the whole subtree computed from it (rounded to the cascade's precision
     * after U1's spectrum, with {@link ExactSecondOrder1D}'s own redo); the fast path's values of the
     * other lanes are saved first and put back; then the marked (path, lane) pairs of unflagged lanes
     * get {@link ExactSecondOrder1D}'s float64 S2. Every lane's values depend on that lane alone.
     */
    private void redo(int n1, Block b, Workspace w, int flagged) {
        int l = b.lanes;
        int k1 = first.k1(n1);
        int n = paddedLength >> k1;
        int second = maxOrder == 2 ? secondCount(n1) : 0;
        int s1 = (1 + n1) * outLength * l, s2 = secondStart[n1] * outLength * l;
        int perChannel = outLength * l;
        FirstOrder1D.Work f = w.first;
        first.modulus(n1, b.u0Re, b.u0Im, f, l);
        if (flagged > 0) {
            double[] saved = w.saved();
            System.arraycopy(b.out, s1, saved, 0, perChannel);
            System.arraycopy(b.out, s2, saved, perChannel, second * perChannel);
            if (global) {
                first.sum(n1, f, l);
                for (int k = 0; k < l; k++) {
                    b.out[(1 + n1) * l + k] = (double) f.sums[k];
                }
            }
            if (!global || maxOrder == 2) {
                first.spectrum(n1, f, l);
                FirstOrder1D.round(f.re, w.u1Re, n * l);
                FirstOrder1D.round(f.im, w.u1Im, n * l);
                spectrumAndAverages(n1, b, w, w.u1Re, w.u1Im, true);
            }
            restore(saved, 0, b.out, s1, perChannel, l, w.flagged);
            restore(saved, perChannel, b.out, s2, second * perChannel, l, w.flagged);
        } else {
            first.spectrum(n1, f, l); // only marked paths: local averaging, order 2
        }
        for (int c = 0; c < second; c++) {
            boolean any = false;
            for (int lane = 0; lane < l; lane++) {
                w.exact.heavy[lane] = w.heavy[c * l + lane] && !w.flagged[lane];
                any |= w.exact.heavy[lane];
            }
            if (any) {
                int n2 = secondPartner(n1, c);
                exact.redo(n2, k1, k2(n2, k1), f.re, f.im, l, w.exact, b.out, s2 + c * perChannel);
            }
        }
    }

    /** The n2 of the c-th second-order path of subtree n1. */
    private int secondPartner(int n1, int c) {
        for (int n2 = 0; n2 < psi2.length; n2++) {
            if (j2[n2] > j1[n1] && c-- == 0) {
                return n2;
            }
        }
        throw new IllegalArgumentException("subtree " + n1 + " has no second-order path " + c);
    }

    /** {@code out[at + v] = saved[from + v]} for v &lt; count whose lane (v mod lanes) is not flagged. */
    private static void restore(double[] saved, int from, double[] out, int at, int count, int lanes, boolean[] flagged) {
        for (int row = 0; row < count; row += lanes) {
            for (int lane = 0; lane < lanes; lane++) {
                if (!flagged[lane]) {
                    out[at + row + lane] = saved[from + row + lane];
                }
            }
        }
    }

    /**
     * The bias bounds of {@code channel}'s map u (U1 or a U2 of subtree n1, n samples per lane) into
     * {@code w.bias} and {@code w.biasSquares} at the channel's place in the subtree (0 for S1), from
     * the noise the model puts into the map, without its margin: per sample {@code sigma^2 =
     * noiseScale (BIAS_C / NOISE_C) ||U1||^2 mapWeight / n} ({@link #biasBounds}). Zeros in the
     * float64 cascade.
     */
    private void mapBias(int n1, int channel, double[] u, int n, int l, Workspace w) {
        int at = (channel == 1 + n1 ? 0 : 1 + channel - secondStart[n1]) * l;
        if (!BOUNDS_BIAS) {
            java.util.Arrays.fill(w.bias, at, at + l, 0.0);
            java.util.Arrays.fill(w.biasSquares, at, at + l, 0.0);
            return;
        }
        for (int lane = 0; lane < l; lane++) {
            w.sigma[lane] = Math.sqrt(noiseScale[n1] * (BIAS_C / NOISE_C) * w.u1Energy[lane] * mapWeight[channel] / n);
        }
        biasBounds(u, n, l, w.sigma, w.laneSums, w.bias, w.biasSquares, at);
    }

    /**
     * The modulus turns noise into a bias: with z the exact value of a map before its modulus and e
     * the float32 noise (about circular Gaussian, E|e|^2 = s^2), E|z + e| - |z| is about s^2 / (4 |z|)
     * where |z| is well above s and 0.89 s where z is 0 (Rice). An average adds such biases up
     * coherently, where the noise model of {@link #noiseWeight} adds noise as white (sqrt(n) for a
     * sum of n samples, not n): a chirp's far second-order channels, whose maps sit at U1's noise
     * floor most of the time, got 1.3e-4 from float32 that way (docs/signal1d.md). This bounds the
     * bias per sample by {@code b = s min(1, s / u)} from the computed modulus u (at u = s it is s,
     * above 0.89 s; far above s it is 4 times s^2 / (4 u)), and returns per lane, at {@code sum[at +
     * lane]} and {@code squares[at + lane]}, the sums over p &lt; n of b and b^2 (u = {@code x[p *
     * lanes + lane]}, s = {@code sigma[lane]}). A global average's bias is at most the sum; a local
     * one's squared norm at most {@link #mapGain} times the sum of squares. The rows are copied a
     * chunk at a time, as in {@link #addLaneSums}, so that C2 vectorizes the loop; partial sums in the
     * cascade's precision, totals in float64.
     */
    static void biasBounds(double[] x, int n, int lanes,
            double[] sigma, // float64 in both
            LaneSums scratch,
            double[] sum, double[] squares, // float64 in both
            int at) {
        double[] chunk = scratch.chunk, partial = scratch.partial, partialSquares = scratch.partialSquares, s = scratch.sigma;
        int rows = Math.max(1, CHUNK / lanes);
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < lanes; k++) { // at least the precision's least positive value: s / max(u, s) is then never 0 / 0
                s[r * lanes + k] = (double) Math.max(sigma[k], Math.ulp((double) 0));
            }
        }
        java.util.Arrays.fill(sum, at, at + lanes, 0.0);
        java.util.Arrays.fill(squares, at, at + lanes, 0.0);
        for (int from = 0; from < n; from += PARTIAL) {
            int to = Math.min(n, from + PARTIAL);
            int used = Math.min(rows, to - from);
            java.util.Arrays.fill(partial, 0, used * lanes, 0.0);
            java.util.Arrays.fill(partialSquares, 0, used * lanes, 0.0);
            for (int p = from; p < to; p += rows) {
                int count = Math.min(rows, to - p) * lanes;
                System.arraycopy(x, p * lanes, chunk, 0, count);
                for (int v = 0; v < count; v++) {
                    double sv = s[v];
                    double bias = sv * (sv / Math.max(chunk[v], sv));
                    partial[v] += bias;
                    partialSquares[v] += bias * bias;
                }
            }
            foldRows(partial, used, lanes, sum, at);
            foldRows(partialSquares, used, lanes, squares, at);
        }
    }

    /** {@code energy[lane]} = the sum over p &lt; n of {@code x[at + p * lanes + lane]^2} ({@link #addLaneSums}). */
    static void energyLanes(double[] x, int at, int n, int lanes, LaneSums scratch,
            double[] energy) { // float64 in both
        java.util.Arrays.fill(energy, 0, lanes, 0.0); // float64 in both
        addLaneSums(x, at, n, lanes, true, scratch, energy);
    }

    /** Values per chunk of {@link #addLaneSums} (8 kB in float64): it stays in L1. */
    static final int CHUNK = 1024;
    /** Samples per partial sum of {@link #addLaneSums}, before it is added to the float64 total. */
    static final int PARTIAL = 4096;

    /**
     * {@code sums[lane] +=} the sum over p &lt; n of {@code x[at + p * lanes + lane]} (its square with
     * {@code squares}), for the noise model's energies ({@link #flag}) and the padding check ({@code
     * ExactSecondOrder1D}). Rows of x are copied a chunk at a time to {@code scratch.chunk} and added
     * to {@code scratch.partial} at the same index: C2 (JDK 17) vectorizes that loop but neither one
     * that adds {@code x[row + k]} to {@code partial[k]} (different offsets) nor a float32-to-float64
     * sum; the plain loop took 0.45-0.9 ns a value, this one 0.13-0.19 (12 % of g's single-thread
     * profile before). The partial sums, in the cascade's precision, hold at most {@link #PARTIAL}
     * samples of a lane (a float32 sum of n terms is within n eps of its value; these sums only feed
     * thresholds with margins of 4 and more) and are added up in float64.
     */
    static void addLaneSums(double[] x, int at, int n, int lanes, boolean squares, LaneSums scratch,
            double[] sums) { // float64 in both
        double[] chunk = scratch.chunk, partial = scratch.partial;
        int rows = Math.max(1, CHUNK / lanes);
        for (int from = 0; from < n; from += PARTIAL) {
            int to = Math.min(n, from + PARTIAL);
            int used = Math.min(rows, to - from); // rows of partial that this part adds to
            java.util.Arrays.fill(partial, 0, used * lanes, 0.0);
            for (int p = from; p < to; p += rows) {
                int count = Math.min(rows, to - p) * lanes;
                System.arraycopy(x, at + p * lanes, chunk, 0, count);
                if (squares) {
                    for (int v = 0; v < count; v++) {
                        double c = chunk[v];
                        partial[v] += c * c;
                    }
                } else {
                    for (int v = 0; v < count; v++) {
                        partial[v] += chunk[v];
                    }
                }
            }
            foldRows(partial, used, lanes, sums, 0);
        }
    }

    /**
     * {@code total[at + k] += partial[r * lanes + k]} for the rows r &lt; used, in order: a part's
     * partial sums (in the cascade's precision) into the float64 totals ({@link #addLaneSums},
     * {@link #biasBounds}).
     */
    private static void foldRows(double[] partial, int used, int lanes,
            double[] total, // float64 in both
            int at) {
        for (int r = 0; r < used; r++) {
            for (int k = 0; k < lanes; k++) {
                total[at + k] += partial[r * lanes + k];
            }
        }
    }

    /** {@link #addLaneSums}'s scratch: a chunk of rows and the partial sums, in the cascade's precision. */
    static final class LaneSums {
        final double[] chunk;
        final double[] partial;
        /** {@link #biasBounds}: the partial sums of squares, and the noise per sample repeated over the rows. */
        final double[] partialSquares;
        final double[] sigma;

        LaneSums(int lanes) {
            chunk = new double[Math.max(CHUNK, lanes)];
            partial = new double[Math.max(CHUNK, lanes)];
            partialSquares = new double[Math.max(CHUNK, lanes)];
            sigma = new double[Math.max(CHUNK, lanes)];
        }
    }

    /**
     * {@code {low, high}}: the bins of the low-pass {@code s} (of length n) that {@link #average} reads
     * ({@link #multiplyPeriodize} over its nonzero runs) lie in {@code [0, low)} and {@code [n - high,
     * n)}, the pruned forward FFT's arguments ({@code LaneFft1D.forwardRealEnds}); {@code {n, 0}} (every
     * bin) when a run crosses n / 2.
     */
    static int[] averageBins(FilterSpectrum s) {
        int n = s.length();
        int[] runs = s.nonzeroRuns();
        int low = 0, high = 0;
        for (int r = 0; r < runs.length; r += 2) {
            if (runs[r + 1] <= n / 2) {
                low = Math.max(low, runs[r + 1]);
            } else if (runs[r] >= n / 2) {
                high = Math.max(high, n - runs[r]);
            } else {
                return new int[] {n, 0};
            }
        }
        return new int[] {low, high};
    }

    /**
     * The local average of a map at resolution 2^-k given by its spectrum (length n): times phi at
     * level k ({@code lowPass[k]}: the fast path's copy or every value), periodized to resolution 2^-log2T, inverse FFT, real part, the signal's samples
     * written to {@code out[at + t * lanes + lane]}. Only the real part is computed ({@code
     * LaneFft1D.inverseReal}: half-length complex inverse), as Kymatio keeps only the real part.
     */
    private void average(double[] re, double[] im, int n, int k, FilterSpectrum[] lowPass, Workspace w, double[] out, int at, int l) {
        int sub = averageSubsampling(k);
        int m = n / sub;
        multiplyPeriodize(re, im, lowPass[k], n, sub, w.sRe, w.sIm, l, w.alignRe, w.alignIm);
        w.fft.inverseReal(w.sRe, w.sIm, m, l);
        System.arraycopy(w.sRe, start * l, out, at, outLength * l);
    }

    /**
     * (outRe, outIm) = the product of a spectrum of length n with a real filter, periodized over
     * {@code k} periods and divided by k (Kymatio's cdgmm then subsample_fourier): the sum runs over
     * periods in order, as numpy's mean over the periods axis does. Only the filter's nonzero runs
     * ({@link FilterSpectrum}, in this cascade's precision) are visited: Morlet and Gaussian spectra
     * underflow to zero away from their centre, and a zero term changes no sum, so the output is the
     * one of the loop over every v that skips zeros, without a test per value; a run is split where it
     * crosses a period so that the inner loops need no modulo. A part of a run past the first period
     * is first copied to {@code (alignRe, alignIm)} (at least {@code n / k * lanes} long) at the place
     * it lands in the output, so that the products read and write at one index: C2 (JDK 17) vectorizes
     * that loop but not one that reads {@code re[b]} and writes {@code outRe[b - shift]}. The first
     * period's products are stored ({@code 0.0 + product}: the first term of the sum from zero, the
     * same bits, signed zeros included) and only the output bins outside its runs are zeroed first,
     * which saves a pass and a read of the output (the whole product at k = 1).
     */
    static void multiplyPeriodize(double[] re, double[] im, FilterSpectrum spectrum, int n, int k, double[] outRe, double[] outIm,
            int lanes, double[] alignRe, double[] alignIm) {
        double[] filter = spectrum.nonzeroValues();
        int[] support = spectrum.nonzeroRuns();
        int[] offsets = spectrum.nonzeroOffsets();
        int m = n / k;
        int len = m * lanes;
        int zeroFrom = 0; // output bins below it are zeroed or in a run of the first period
        for (int r = 0; r < support.length && support[r] < m; r += 2) {
            java.util.Arrays.fill(outRe, zeroFrom * lanes, support[r] * lanes, 0.0);
            java.util.Arrays.fill(outIm, zeroFrom * lanes, support[r] * lanes, 0.0);
            zeroFrom = Math.min(support[r + 1], m);
        }
        java.util.Arrays.fill(outRe, zeroFrom * lanes, len, 0.0);
        java.util.Arrays.fill(outIm, zeroFrom * lanes, len, 0.0);
        for (int r = 0; r < support.length; r += 2) {
            int v = support[r], end = support[r + 1];
            int p = offsets[r / 2]; // sample v's value is filter[p]
            while (v < end) {
                int to = v % m;
                int stop = Math.min(end, v - to + m); // the end of this period
                if (to == v) { // the first period: the sums' first terms, at the index they are read from
                    for (int last = p + stop - v; p < last; p++, to++) {
                        double g = filter[p];
                        int at = to * lanes;
                        for (int b = at; b < at + lanes; b++) {
                            outRe[b] = 0.0 + re[b] * g;
                            outIm[b] = 0.0 + im[b] * g;
                        }
                    }
                } else {
                    System.arraycopy(re, v * lanes, alignRe, to * lanes, (stop - v) * lanes);
                    System.arraycopy(im, v * lanes, alignIm, to * lanes, (stop - v) * lanes);
                    for (int last = p + stop - v; p < last; p++, to++) {
                        double g = filter[p];
                        int at = to * lanes; // the sample's place in the output, and in the aligned copy
                        for (int b = at; b < at + lanes; b++) {
                            outRe[b] += alignRe[b] * g;
                            outIm[b] += alignIm[b] * g;
                        }
                    }
                }
                v = stop;
            }
        }
        if (k > 1) {
            double inv = 1.0 / k;
            for (int v = 0; v < len; v++) {
                outRe[v] *= inv;
                outIm[v] *= inv;
            }
        }
    }

    /**
     * Global average: the sum over all n samples of each lane into {@code out[at + lane]}, in memory
     * order (sample after sample, every lane at once, in {@code sums}); each lane still adds its
     * samples in time order, as a loop per lane would.
     */
    private static void sumInto(double[] x, int n, int lanes,
            double[] sums, // float64 in both
            double[] out, int at) {
        sumLanes(x, n, lanes, sums);
        storeSums(sums, out, at, lanes);
    }

    /** {@code out[at + k] = sums[k]} in the cascade's precision, for each lane k. */
    private static void storeSums(
            double[] sums, // float64 in both
            double[] out, int at, int lanes) {
        for (int k = 0; k < lanes; k++) {
            out[at + k] = (double) sums[k];
        }
    }

    /** {@code sums[lane]} = the sum over p &lt; n of {@code x[p * lanes + lane]}, in memory order. */
    static void sumLanes(double[] x, int n, int lanes,
            double[] sums) { // float64 in both
        java.util.Arrays.fill(sums, 0, lanes, 0.0); // float64 in both
        for (int p = 0; p < n; p++) {
            int at = p * lanes;
            for (int k = 0; k < lanes; k++) {
                sums[k] += x[at + k];
            }
        }
    }

    /** The lanes of one block: the padded signals and their float64 spectrum. */
    final class Block extends LaneBlock64 {
        /** The padded signals, then ({@link #root}) their spectrum, in float64 in both cascades. */
        final double[] u0Re; // float64 in both
        final double[] u0Im; // float64 in both
        /** The spectrum of x in the cascade's precision: {@code u0Re, u0Im} themselves in the float64 cascade. */
        final double[] xRe;
        final double[] xIm;

        /**
         * From {@link #STAGED_LANES} lanes, the records as loaded, lane after lane ({@code
         * signalLength} samples each), float64 in both: {@link #pad} moves them into {@code u0Re} at
         * once. Null below: with few lanes a row of u0Re is a cache line or less, so each record is
         * padded straight into its lane, and long signals (1 to 4 lanes) need no second copy.
         */
        private final double[] records; // float64 in both
        /** ||x||^2 of each padded signal, for {@link #truncationWeight} (the float32 cascade only; zeros in float64). */
        final double[] xEnergy; // float64 in both

        Block(int lanes) {
            super(lanes, signalLength, channels * outLength, 0);
            u0Re = new double[paddedLength * lanes]; // float64 in both
            u0Im = new double[paddedLength * lanes]; // float64 in both
            xRe = FirstOrder1D.roundedCopy(u0Re, (double) 0);
            xIm = FirstOrder1D.roundedCopy(u0Im, (double) 0);
            records = lanes >= STAGED_LANES ? new double[signalLength * lanes] : null; // float64 in both
            xEnergy = new double[lanes]; // float64 in both
        }

        @Override
        protected void loadLane(double[] record, int lane) {
            if (records == null) {
                for (int p = 0; p < paddedLength; p++) {
                    u0Re[p * lanes + lane] = record[source[p]];
                }
                return;
            }
            int at = lane * signalLength;
            for (int t = 0; t < signalLength; t++) {
                records[at + t] = record[t];
            }
        }

        /**
         * As {@link #loadLane}, for float64 signals in the float32 cascade: the padded signals are float64
         * in both cascades, so the samples enter the spectrum of x without being rounded to float32.
         */
        @Override
        protected void loadWideLane(double[] record, int lane) { // float64 in both
            if (records == null) {
                for (int p = 0; p < paddedLength; p++) {
                    u0Re[p * lanes + lane] = record[source[p]];
                }
                return;
            }
            System.arraycopy(record, 0, records, lane * signalLength, signalLength);
        }

        @Override
        protected void clearLane(int lane) {
            if (records == null) {
                for (int p = 0; p < paddedLength; p++) {
                    u0Re[p * lanes + lane] = 0.0; // float64 in both
                }
                return;
            }
            java.util.Arrays.fill(records, lane * signalLength, (lane + 1) * signalLength, 0.0); // float64 in both
        }

        /**
         * Reflect padding of every staged lane into {@code u0Re}, in tiles of {@link #PAD_TILE} padded
         * samples: lane by lane over the whole block (as records arrive), each write fell in another
         * cache line of an array as large as the L2 cache (64 lanes of 2048: 1 MB), 3 % of g's samples.
         */
        void pad() {
            if (records == null) {
                return; // padded as loaded
            }
            for (int from = 0; from < paddedLength; from += PAD_TILE) {
                int to = Math.min(paddedLength, from + PAD_TILE);
                for (int lane = 0; lane < lanes; lane++) {
                    int at = lane * signalLength;
                    for (int p = from; p < to; p++) {
                        u0Re[p * lanes + lane] = records[at + source[p]];
                    }
                }
            }
        }
    }

    /** Lanes from which a block stages its records and pads them in tiles ({@link Block#pad}). */
    private static final int STAGED_LANES = 8;

    /** Padded samples per tile of {@link Block#pad}: their rows of every lane stay in L1. */
    private static final int PAD_TILE = 8;

    /**
     * One thread's scratch: the float64 first order (the spectrum of x; U1 in the fallback), the
     * FFT's blocks, the maps U1, U2 and the averages, and the fallback's per-lane flags.
     */
    final class Workspace {
        final FirstOrder1D.Work first;
        final ExactSecondOrder1D.Work exact;
        final LaneFft1D fft;
        final double[] u1Re;
        final double[] u1Im;
        final double[] u2Re;
        final double[] u2Im;
        final double[] sRe;
        final double[] sIm;
        /** multiplyPeriodize's copies of the parts of a spectrum past its first period. */
        final double[] alignRe;
        final double[] alignIm;
        /** Per-lane sums over time of the global average. */
        final double[] sums; // float64 in both
        /** Per-lane energy of U1 and of one output channel ({@link #flag}). */
        final double[] u1Energy; // float64 in both
        final double[] outEnergy; // float64 in both
        /** Per (channel of the subtree, lane): the bias bounds of {@link #biasBounds}, and the per-lane noise they start from. */
        final double[] bias; // float64 in both
        final double[] biasSquares; // float64 in both
        final double[] sigma; // float64 in both
        final LaneSums laneSums;
        /** The lanes {@link #flag} marked, and the (second-order path, lane) pairs whose U2 sits in the padding. */
        final boolean[] flagged;
        final boolean[] heavy;
        private final int lanes;
        /** The fast path's outputs of one subtree, kept while the fallback runs: made on first need. */
        private double[] saved;

        Workspace(int lanes) {
            int size = paddedLength * lanes;
            this.lanes = lanes;
            first = Scattering1DCascade.this.first.newWork(lanes);
            exact = Scattering1DCascade.this.exact.newWork(lanes);
            fft = new LaneFft1D(paddedLength, lanes);
            u1Re = new double[size];
            u1Im = new double[size];
            u2Re = new double[size];
            u2Im = new double[size];
            sRe = new double[size];
            sIm = new double[size];
            alignRe = new double[size];
            alignIm = new double[size];
            sums = new double[lanes]; // float64 in both
            u1Energy = new double[lanes]; // float64 in both
            outEnergy = new double[lanes]; // float64 in both
            bias = new double[(1 + maxSecond) * lanes]; // float64 in both
            biasSquares = new double[(1 + maxSecond) * lanes]; // float64 in both
            sigma = new double[lanes]; // float64 in both
            laneSums = new LaneSums(lanes);
            flagged = new boolean[lanes];
            heavy = new boolean[Math.max(1, maxSecond) * lanes];
        }

        double[] saved() {
            if (saved == null) {
                saved = new double[(1 + maxSecond) * outLength * lanes];
            }
            return saved;
        }
    }
}
