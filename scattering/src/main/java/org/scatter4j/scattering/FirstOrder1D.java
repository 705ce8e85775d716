package org.scatter4j.scattering;

import org.scatter4j.wavelets.FilterSpectrum;
import org.scatter4j.wavelets.MorletFilterBank1D;
import org.scatter4j.wavelets.fft.LaneFft1D;

/**
 * The float64 part of the 1D cascade: the spectrum of the padded signals x, in both cascades for every
 * block (S0 reads it; the float32 cascade rounds it to float32 bin by bin for its first order), and,
 * for each first-order wavelet psi1, U1 = |x * psi1| at resolution 2^-k1 and its spectrum (Kymatio's
 * {@code scattering1d} up to the FFT of U1), which only the float32 cascade's fallback calls: for a
 * block in which a lane is flagged or a second-order map sits in the padding ({@link
 * Scattering1DCascade} and {@link ExactSecondOrder1D} say when). The float64 cascade computes the
 * same U1 in its own subtree with the same operations, so its output is what it was when everything
 * came from here.
 *
 * <p>Why float64 there: a float32 FFT leaves an error of about 1e-7 of its input's whole L2 norm,
 * spread evenly over the frequencies. On x that swamps the bands a signal hardly visits (a chirp or
 * a sine: first-order channels 1e5 weaker than the strongest reached 5e-3 relative error); on U1,
 * whose energy sits at frequency 0, it swamps the high frequencies that the second order measures
 * (U1 of a sine is nearly constant: its second-order channels reached 9e-5). Rounding a float64
 * spectrum to float32 bin by bin keeps every band's relative error near 6e-8 instead, and what
 * follows (U2 and the averages) only sees each band's own energy. Most signals (noise, speech) lose
 * nothing to a float32 U1, so the float32 cascade computes U1 in float32 and comes here only for the
 * lanes its noise model flags.
 */
final class FirstOrder1D {
    private final int paddedLength;
    /** Each first-order wavelet at level 0. */
    private final FilterSpectrum[] psi1;
    /** log2 of the subsampling of U1 of each first-order wavelet. */
    private final int[] k1;
    /** log2 of T: a local average has paddedLength / T samples. */
    private final int log2T;

    FirstOrder1D(Scattering1D s) {
        MorletFilterBank1D bank = s.filterBank();
        paddedLength = bank.paddedLength();
        log2T = bank.phi().j();
        psi1 = new FilterSpectrum[bank.psi1().size()];
        k1 = new int[psi1.length];
        for (int n = 0; n < psi1.length; n++) {
            psi1[n] = bank.psi1().get(n).spectrum(0);
            int j1 = bank.psi1().get(n).j();
            k1[n] = s.globalAveraging() ? j1 : Math.min(j1, log2T);
        }
    }

    /** log2 of the subsampling of U1 of wavelet n1: its spectrum has {@code paddedLength >> k1(n1)} bins. */
    int k1(int n1) {
        return k1[n1];
    }

    /** (xRe, xIm) = the DFT of the padded signals x held in {@code xRe}, in place. */
    void spectrumOfX(double[] xRe, double[] xIm, Work w, int lanes) {
        w.fft.forwardReal(xRe, xIm, paddedLength, lanes);
    }

    /**
     * Global averaging's S0: {@code sums[lane]} = the sum of the padded signal x of each lane (in
     * {@code x}, before {@link #spectrumOfX} transforms it), in float64 in both cascades.
     */
    void sumSignals(double[] x, int lanes, double[] sums) {
        Scattering1DCascade.sumLanes(x, paddedLength, lanes, sums);
    }

    /**
     * A local average in float64: a spectrum of n bins (in {@code re, im}) times phi at its level,
     * periodized over {@code sub} periods, the real part of its inverse FFT, into {@code w.lowRe}
     * ({@code n / sub = paddedLength / T} samples per lane, padding included). The cascades take S0
     * from it, and the float32 cascade's fallback S1: on the signal's own samples an average can be
     * many orders weaker than in the padding (where the circular wrap of the padded signal puts low
     * frequencies; a zero-mean signal's S0, or S1 of a band the signal hardly reaches), below the
     * error of a float32 inverse FFT, which is relative to the whole padded map.
     */
    void lowPass(double[] re, double[] im, int n, FilterSpectrum phi, int sub, Work w, int lanes) {
        Scattering1DCascade.multiplyPeriodize(re, im, phi, n, sub, w.lowRe, w.lowIm, lanes, w.alignRe, w.alignIm);
        w.fft.inverseReal(w.lowRe, w.lowIm, n / sub, lanes);
    }

    /** {@code energy[lane]} = ||x||^2 of the padded signal of each lane (in {@code x}, before {@link #spectrumOfX}). */
    void energyOfSignals(double[] x, int lanes, Work w, double[] energy) {
        Scattering1DCascade.energyLanes(x, 0, paddedLength, lanes, w.laneSums, energy);
    }

    /**
     * U1 = |x * psi1| of wavelet n1 at resolution 2^-k1 into {@code w.re} (real; {@code w.im} scratch),
     * from the spectrum of x: product, periodization, inverse FFT, modulus.
     */
    void modulus(int n1, double[] xRe, double[] xIm, Work w, int lanes) {
        int n = paddedLength >> k1[n1];
        Scattering1DCascade.multiplyPeriodize(xRe, xIm, psi1[n1], paddedLength, 1 << k1[n1], w.re, w.im, lanes, w.alignRe, w.alignIm);
        w.fft.inverseModulus(w.re, w.im, n, lanes);
    }

    /** The spectrum of the U1 that {@link #modulus} left in {@code w}, in place. */
    void spectrum(int n1, Work w, int lanes) {
        w.fft.forwardReal(w.re, w.im, paddedLength >> k1[n1], lanes);
    }

    /** Global averaging: the sum over the samples of each lane of the U1 that {@link #modulus} left, into {@code w.sums}. */
    void sum(int n1, Work w, int lanes) {
        Scattering1DCascade.sumLanes(w.re, paddedLength >> k1[n1], lanes, w.sums);
    }

    /** {@code dst[to + v] = src[from + v]} rounded to float32, for v &lt; length. */
    static void round(double[] src, int from, float[] dst, int to, int length) {
        for (int v = 0; v < length; v++) {
            dst[to + v] = (float) src[from + v];
        }
    }

    /** {@code dst[to + v] = src[from + v]} for v &lt; length: the float64 cascade's counterpart of the float32 copy. */
    static void round(double[] src, int from, double[] dst, int to, int length) {
        System.arraycopy(src, from, dst, to, length);
    }

    /** {@code dst[v] = src[v]} rounded to float32, for v &lt; length. */
    static void round(double[] src, float[] dst, int length) {
        round(src, 0, dst, 0, length);
    }

    /**
     * {@code dst[v] = src[v]} for v &lt; length: the float64 cascade's counterpart of {@link
     * #round(double[], float[], int)} (nothing to do when dst is src).
     */
    static void round(double[] src, double[] dst, int length) {
        if (src != dst) {
            round(src, 0, dst, 0, length);
        }
    }

    /**
     * Where the float64 cascade keeps the spectrum of x in its own precision: in the float64 spectrum
     * itself (the argument {@code precision} only selects this overload).
     */
    static double[] roundedCopy(double[] spectrum, double precision) {
        return spectrum;
    }

    /** Where the float32 cascade keeps the spectrum of x rounded to float32: a new array of the same length. */
    static float[] roundedCopy(double[] spectrum, float precision) {
        return new float[spectrum.length];
    }

    Work newWork(int lanes) {
        return new Work(lanes);
    }

    /** One thread's float64 scratch: the FFT, U1 (then its spectrum) and its sums over time. */
    final class Work {
        final LaneFft1D fft;
        final double[] re;
        final double[] im;
        final double[] sums;
        /** multiplyPeriodize's copies of the parts of x's spectrum past the first period. */
        final double[] alignRe;
        final double[] alignIm;
        /** {@link #energyOfSignals}'s scratch. */
        final Scattering1DCascade.LaneSums laneSums;
        /** {@link #lowPass}'s output: paddedLength / T samples per lane. */
        final double[] lowRe;
        final double[] lowIm;

        Work(int lanes) {
            fft = new LaneFft1D(paddedLength, lanes);
            re = new double[paddedLength * lanes];
            im = new double[paddedLength * lanes];
            sums = new double[lanes];
            alignRe = new double[paddedLength * lanes];
            alignIm = new double[paddedLength * lanes];
            laneSums = new Scattering1DCascade.LaneSums(lanes);
            lowRe = new double[Math.max(1, paddedLength >> log2T) * lanes];
            lowIm = new double[Math.max(1, paddedLength >> log2T) * lanes];
        }
    }
}
