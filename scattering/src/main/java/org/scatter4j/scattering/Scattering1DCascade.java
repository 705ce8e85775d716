package org.scatter4j.scattering;

import org.scatter4j.scattering.engine.LaneBlock64;
import org.scatter4j.scattering.engine.LaneCascade;
import org.scatter4j.scattering.internal.FilterSupport;
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
 * Scattering1DCascade32} is generated from this file by {@code org.scatter4j.codegen.Float32Kernels};
 * in both, the spectrum of x and that of each U1 are computed in float64 ({@link FirstOrder1D} says
 * why), and the float32 twin rounds them to float32 bin by bin.
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
    private final double[][] phi;
    /** The nonzero runs of phi and of each psi2 at each level ({@link FilterSupport}). */
    private final int[][] phiSupport;
    private final FirstOrder1D first;
    /** The float32 cascade's float64 fallback for second-order maps made in the padding. */
    private final ExactSecondOrder1D exact;
    private final double[][][] psi2;
    private final int[][][] psi2Support;
    private final int[] j1;
    private final int[] j2;
    /** The channel of the first second-order path of each n1. */
    private final int[] secondStart;

    Scattering1DCascade(Scattering1D s) {
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
        phi = bank.phi().levels();
        phiSupport = FilterSupport.ofLevels(phi);
        first = new FirstOrder1D(s);
        exact = new ExactSecondOrder1D(s);
        j1 = new int[bank.psi1().size()];
        for (int n = 0; n < j1.length; n++) {
            j1[n] = bank.psi1().get(n).j();
        }
        psi2 = new double[bank.psi2().size()][][];
        psi2Support = new int[psi2.length][][];
        j2 = new int[psi2.length];
        for (int n = 0; n < psi2.length; n++) {
            psi2[n] = bank.psi2().get(n).levels();
            psi2Support[n] = FilterSupport.ofLevels(psi2[n]);
            j2[n] = bank.psi2().get(n).j();
        }
        secondStart = new int[j1.length];
        int channel = 1 + j1.length;
        for (int n = 0; n < j1.length; n++) {
            secondStart[n] = channel;
            if (maxOrder == 2) {
                for (int m = 0; m < psi2.length; m++) {
                    channel += j2[m] > j1[n] ? 1 : 0;
                }
            }
        }
    }

    @Override
    public Block newBlock(int lanes) {
        return new Block(lanes);
    }

    @Override
    public Workspace newWorkspace(int lanes) {
        return new Workspace(lanes);
    }

    /** The float64 spectrum of the padded signals (kept in the block for the subtrees) and S0. */
    @Override
    public void root(Block b, Workspace w) {
        int l = b.lanes;
        int np = paddedLength;
        first.spectrumOfX(b.x, b.u0Re, b.u0Im, w.first, l);
        if (global) {
            sumInto(b.x, np, l, w.sums, b.out, 0);
        } else {
            FirstOrder1D.round(b.u0Re, w.u1Re, np * l);
            FirstOrder1D.round(b.u0Im, w.u1Im, np * l);
            average(w.u1Re, w.u1Im, np, 0, w, b.out, 0, l);
        }
    }

    /** One subtree per first-order wavelet. */
    @Override
    public int subtreeCount() {
        return j1.length;
    }

    @Override
    public void subtree(int n1, Block b, Workspace w) {
        firstOrder(n1, b, w);
    }

    /** S1 of wavelet n1 and, at order 2, its S2 paths. */
    private void firstOrder(int n1, Block b, Workspace w) {
        int l = b.lanes;
        int k1 = first.k1(n1);
        int n = paddedLength >> k1;
        // U1 = |x * psi1| at resolution 2^-k1 and its spectrum, in float64 (see FirstOrder1D)
        first.modulus(n1, b.u0Re, b.u0Im, w.first, l);
        if (global) {
            first.sum(n1, w.first, l);
            for (int k = 0; k < l; k++) {
                b.out[(1 + n1) * l + k] = (double) w.first.sums[k];
            }
            if (maxOrder == 1) {
                return;
            }
        }
        first.spectrum(n1, w.first, l);
        FirstOrder1D.round(w.first.re, w.u1Re, n * l);
        FirstOrder1D.round(w.first.im, w.u1Im, n * l);
        if (!global) {
            average(w.u1Re, w.u1Im, n, k1, w, b.out, (1 + n1) * outLength * l, l);
        }
        if (maxOrder == 1) {
            return;
        }
        int channel = secondStart[n1];
        for (int n2 = 0; n2 < psi2.length; n2++) {
            if (j2[n2] <= j1[n1]) {
                continue;
            }
            int sub2 = global ? j2[n2] : Math.min(j2[n2], log2T);
            int k2 = Math.max(sub2 - k1, 0);
            int m = n >> k2;
            multiplyPeriodize(w.u1Re, w.u1Im, psi2[n2][k1], psi2Support[n2][k1], n, 1 << k2, w.u2Re, w.u2Im, l, w.alignRe, w.alignIm);
            w.fft.inverseModulus(w.u2Re, w.u2Im, m, l);
            if (global) {
                sumInto(w.u2Re, m, l, w.sums, b.out, channel * l);
            } else {
                // lanes whose U2 sits in the padding: S2 again in float64 (float32 only; ExactSecondOrder1D says why)
                int heavy = exact.paddingHeavyLanes(w.u2Re, m, k1 + k2, l, w.exact);
                w.fft.forwardReal(w.u2Re, w.u2Im, m, l);
                average(w.u2Re, w.u2Im, m, k1 + k2, w, b.out, channel * outLength * l, l);
                if (heavy > 0) {
                    exact.redo(n2, k1, k2, w.first.re, w.first.im, l, w.exact, b.out, channel * outLength * l);
                }
            }
            channel++;
        }
    }

    /**
     * The local average of a map at resolution 2^-k given by its spectrum (length n): times phi at
     * level k, periodized to resolution 2^-log2T, inverse FFT, real part, the signal's samples
     * written to {@code out[at + t * lanes + lane]}. Only the real part is computed ({@code
     * LaneFft1D.inverseReal}: half-length complex inverse), as Kymatio keeps only the real part.
     */
    private void average(double[] re, double[] im, int n, int k, Workspace w, double[] out, int at, int l) {
        int sub = 1 << Math.max(log2T - k, 0);
        int m = n / sub;
        multiplyPeriodize(re, im, phi[k], phiSupport[k], n, sub, w.sRe, w.sIm, l, w.alignRe, w.alignIm);
        w.fft.inverseReal(w.sRe, w.sIm, m, l);
        System.arraycopy(w.sRe, start * l, out, at, outLength * l);
    }

    /**
     * (outRe, outIm) = the product of a spectrum of length n with a real filter, periodized over
     * {@code k} periods and divided by k (Kymatio's cdgmm then subsample_fourier): the sum runs over
     * periods in order, as numpy's mean over the periods axis does. Only the filter's nonzero runs
     * ({@code support}, {@link FilterSupport}) are visited: Morlet and Gaussian spectra underflow to
     * zero away from their centre, and a zero term changes no sum, so the output is the one of the
     * loop over every v that skips zeros, without a test per value; a run is split where it crosses
     * a period so that the inner loops need no modulo. A part of a run past the first period is first
     * copied to {@code (alignRe, alignIm)} (at least {@code n / k * lanes} long) at the place it lands
     * in the output, so that the products read and write at one index: C2 (JDK 17) vectorizes that
     * loop but not one that reads {@code re[b]} and writes {@code outRe[b - shift]}.
     */
    static void multiplyPeriodize(double[] re, double[] im, double[] filter, int[] support, int n, int k, double[] outRe, double[] outIm,
            int lanes, double[] alignRe, double[] alignIm) {
        int m = n / k;
        int len = m * lanes;
        java.util.Arrays.fill(outRe, 0, len, 0.0);
        java.util.Arrays.fill(outIm, 0, len, 0.0);
        for (int r = 0; r < support.length; r += 2) {
            int v = support[r], end = support[r + 1];
            while (v < end) {
                int to = v % m;
                int stop = Math.min(end, v - to + m); // the end of this period
                double[] srcRe = re, srcIm = im;
                if (to != v) {
                    System.arraycopy(re, v * lanes, alignRe, to * lanes, (stop - v) * lanes);
                    System.arraycopy(im, v * lanes, alignIm, to * lanes, (stop - v) * lanes);
                    srcRe = alignRe;
                    srcIm = alignIm;
                }
                for (; v < stop; v++, to++) {
                    double g = filter[v];
                    int at = to * lanes; // sample v's place in the output, and in src (re itself when to == v)
                    for (int b = at; b < at + lanes; b++) {
                        outRe[b] += srcRe[b] * g;
                        outIm[b] += srcIm[b] * g;
                    }
                }
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
        final double[] x;
        final double[] u0Re; // float64 in both
        final double[] u0Im; // float64 in both

        Block(int lanes) {
            super(lanes, signalLength, channels * outLength, 0);
            x = new double[paddedLength * lanes];
            u0Re = new double[paddedLength * lanes]; // float64 in both
            u0Im = new double[paddedLength * lanes]; // float64 in both
        }

        /** Reflect padding of one signal into lane {@code lane}. */
        @Override
        protected void loadLane(double[] record, int lane) {
            for (int p = 0; p < paddedLength; p++) {
                x[p * lanes + lane] = record[source[p]];
            }
        }

        @Override
        protected void clearLane(int lane) {
            for (int p = 0; p < paddedLength; p++) {
                x[p * lanes + lane] = 0.0;
            }
        }
    }

    /** One thread's scratch: the float64 first order, the FFT's blocks and the maps U1, U2 and the averages. */
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

        Workspace(int lanes) {
            int size = paddedLength * lanes;
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
        }
    }
}
