package org.scatter4j.scattering;

import org.scatter4j.wavelets.FilterSpectrum;
import org.scatter4j.wavelets.MorletFilterBank1D;
import org.scatter4j.wavelets.Padding1D;
import org.scatter4j.wavelets.fft.LaneFft1D;

/**
 * The float32 cascade's fallback for second-order maps whose energy sits in the padding: such a
 * path's S2 is computed again in float64 from U1's float64 spectrum, for the lanes that need it.
 *
 * <p>Why: a float32 FFT's error is about 1e-7 of its input's whole L2 norm, spread over all its
 * samples, padding included, while S2 keeps only the signal's own samples. Where U2 = |U1 * psi2| is
 * mostly made at the ends of the padded signal (the wrap-around jump between the two reflected
 * ends, and the reflection kinks, make transients in U1 that a high-frequency psi2 measures, while
 * the signal itself, a steady tone say, gives U1 almost constant and U2 almost zero), the float32
 * errors of U2's inverse FFT, its forward FFT and the average's inverse FFT are spread from the
 * padding over the signal's samples, where S2 is tiny: relative to the kept part they grow with the
 * ratio of the two. Measured (float32 against float64 on the same input, per channel, Own32Probe's
 * 300 random configurations): worst 2.28e-5 before, 3.4e-6 after (4.3e-6 with the float32 first order).
 *
 * <p>When: the mean of U2 over all its padded samples exceeds {@link #RATIO} times its mean over the
 * signal's own samples (U2 &gt;= 0, so means of values); for normal signals the two are close and
 * the float32 path stands alone (one pass over U2 to decide). The cascade decides on the U2 of its
 * float32 first order and marks the (path, lane) pairs; its fallback ({@code
 * Scattering1DCascade.redo}) then computes U1 in float64 ({@link FirstOrder1D}) and calls {@link
 * #redo} for the marked pairs of the lanes it does not redo whole (a lane the noise model flags gets
 * the whole subtree from the float64 U1, this check included, made on that path's own U2).
 * Per lane: the decision and the result of a lane depend on that lane alone, whatever the block.
 * Only with local averaging: a global average sums over the padded samples, as Kymatio does, so the
 * error stays relative to the whole.
 */
final class ExactSecondOrder1D {
    /**
     * Mean over the padded samples / mean over the signal's samples above which the path is redone.
     * 20 left 9.1e-6 on Float32PaddingHeavyTest's N = 3001 tone (5: 1.3e-6, 2: 3.7e-7); at 5, noise
     * and tones of N = 777..16384 redo no lane and a chirp of N = 3000 (J = 6, Q = (6, 2)) 38 of
     * 5024 lane-paths (0.8 %).
     */
    static final double RATIO = 5;

    private final boolean enabled;
    private final int paddedLength;
    private final int log2T;
    private final int outLength;
    private final int outStart;
    private final Padding1D padding;
    private final FilterSpectrum[] phi;
    private final FilterSpectrum[][] psi2;

    ExactSecondOrder1D(Scattering1D s) {
        MorletFilterBank1D bank = s.filterBank();
        enabled = !s.globalAveraging() && s.maxOrder() == 2;
        paddedLength = bank.paddedLength();
        log2T = bank.phi().j();
        outLength = s.outputSamples();
        padding = s.padding();
        outStart = padding.start(log2T);
        phi = bank.phi().spectra();
        psi2 = new FilterSpectrum[bank.psi2().size()][];
        for (int n = 0; n < psi2.length; n++) {
            psi2[n] = bank.psi2().get(n).spectra();
        }
    }

    /** The float64 cascade is exact already: nothing to redo. */
    int paddingHeavyLanes(double[] u2, int m, int k, int lanes, Work w) {
        return 0;
    }

    /**
     * Marks in {@code w.heavy} the lanes whose U2 (m samples at resolution 2^-k, {@code u2[p * lanes
     * + lane]}) has its mean over all samples above {@link #RATIO} times its mean over the signal's
     * samples; returns how many.
     */
    int paddingHeavyLanes(float[] u2, int m, int k, int lanes, Work w) {
        if (!enabled) {
            return 0;
        }
        int from = padding.start(k), to = padding.end(k);
        double[] out = w.sumOut, in = w.sumIn;
        java.util.Arrays.fill(out, 0, lanes, 0.0);
        java.util.Arrays.fill(in, 0, lanes, 0.0);
        Scattering1DCascade32.addLaneSums(u2, 0, from, lanes, false, w.laneSums, out);
        Scattering1DCascade32.addLaneSums(u2, to * lanes, m - to, lanes, false, w.laneSums, out);
        Scattering1DCascade32.addLaneSums(u2, from * lanes, to - from, lanes, false, w.laneSums, in);
        int count = 0;
        for (int b = 0; b < lanes; b++) {
            // (out + in) / m > RATIO * in / (to - from), without divisions
            w.heavy[b] = (out[b] + in[b]) * (to - from) > RATIO * in[b] * m;
            count += w.heavy[b] ? 1 : 0;
        }
        return count;
    }

    /**
     * S2 of the path (n2, k1, k2) in float64, from U1's float64 spectrum {@code (u1Re, u1Im)} (n =
     * paddedLength &gt;&gt; k1 bins, left by {@link FirstOrder1D#spectrum}), as the float64 cascade
     * computes it; the lanes marked in {@code w.heavy} are rounded into {@code out[at + t * lanes +
     * lane]}. All lanes are computed (the lanes are independent, so the marked ones do not depend on
     * the others).
     */
    void redo(int n2, int k1, int k2, double[] u1Re, double[] u1Im, int lanes, Work w, float[] out, int at) {
        compute(n2, k1, k2, u1Re, u1Im, lanes, w);
        for (int t = 0; t < outLength; t++) {
            int src = (outStart + t) * lanes, dst = at + t * lanes;
            for (int b = 0; b < lanes; b++) {
                if (w.heavy[b]) {
                    out[dst + b] = (float) w.sRe[src + b];
                }
            }
        }
    }

    /** The float64 cascade's counterpart (never called: {@link #paddingHeavyLanes(double[], int, int, int, Work)} marks none). */
    void redo(int n2, int k1, int k2, double[] u1Re, double[] u1Im, int lanes, Work w, double[] out, int at) {
        compute(n2, k1, k2, u1Re, u1Im, lanes, w);
        for (int t = 0; t < outLength; t++) {
            int src = (outStart + t) * lanes, dst = at + t * lanes;
            for (int b = 0; b < lanes; b++) {
                if (w.heavy[b]) {
                    out[dst + b] = w.sRe[src + b];
                }
            }
        }
    }

    /** U2 = |U1 * psi2| at 2^-(k1+k2), its spectrum, times phi, periodized to 2^-log2T, inverse: into {@code w.sRe}. */
    private void compute(int n2, int k1, int k2, double[] u1Re, double[] u1Im, int lanes, Work w) {
        w.ensure();
        int n = paddedLength >> k1;
        int m = n >> k2;
        int k = k1 + k2;
        Scattering1DCascade.multiplyPeriodize(u1Re, u1Im, psi2[n2][k1], n, 1 << k2, w.u2Re, w.u2Im, lanes, w.alignRe, w.alignIm);
        w.fft.inverseModulus(w.u2Re, w.u2Im, m, lanes);
        w.fft.forwardReal(w.u2Re, w.u2Im, m, lanes);
        int sub = 1 << Math.max(log2T - k, 0);
        Scattering1DCascade.multiplyPeriodize(w.u2Re, w.u2Im, phi[k], m, sub, w.sRe, w.sIm, lanes, w.alignRe, w.alignIm);
        w.fft.inverseReal(w.sRe, w.sIm, m / sub, lanes);
    }

    Work newWork(int lanes) {
        return new Work(lanes);
    }

    /**
     * One thread's scratch. The float64 arrays and FFT are made the first time a lane needs the
     * fallback (once per workspace, not per signal), so that normal signals cost no memory.
     */
    final class Work {
        private final int lanes;
        final boolean[] heavy;
        /** Per-lane sums of U2 over the padding and over the signal's samples, and their scratch. */
        final double[] sumOut;
        final double[] sumIn;
        final Scattering1DCascade32.LaneSums laneSums;
        LaneFft1D fft;
        double[] u2Re, u2Im, sRe, sIm, alignRe, alignIm;

        Work(int lanes) {
            this.lanes = lanes;
            heavy = new boolean[lanes];
            sumOut = new double[lanes];
            sumIn = new double[lanes];
            laneSums = new Scattering1DCascade32.LaneSums(lanes);
        }

        void ensure() {
            if (fft == null) {
                int size = paddedLength * lanes;
                fft = new LaneFft1D(paddedLength, lanes);
                u2Re = new double[size];
                u2Im = new double[size];
                sRe = new double[size];
                sIm = new double[size];
                alignRe = new double[size];
                alignIm = new double[size];
            }
        }
    }
}
