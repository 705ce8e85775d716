package org.scatter4j.wavelets;

/**
 * Padding and unpadding of Kymatio's {@code Scattering1D} (0.4): the padded length (the next power
 * of two that holds the signal and 3 temporal supports of the low-pass, at most 2^floor(log2(3N -
 * 2))), {@code compute_padding} (half on each side, the right one taking the odd sample), reflect
 * padding (numpy's 'reflect': the edge sample is not repeated) and {@code compute_border_indices}
 * (where the signal lies at each resolution 2^-j, rounding outwards). Immutable.
 */
public final class Padding1D {
    private final int inputLength;
    private final int paddedLength;
    private final int padLeft;
    private final int padRight;
    private final int[] indStart;
    private final int[] indEnd;

    private Padding1D(int inputLength, int paddedLength, int log2T, int J) {
        this.inputLength = inputLength;
        this.paddedLength = paddedLength;
        int toAdd = paddedLength - inputLength;
        this.padLeft = toAdd / 2;
        this.padRight = toAdd - padLeft;
        if (Math.max(padLeft, padRight) >= inputLength) {
            throw new IllegalArgumentException("padding " + Math.max(padLeft, padRight) + " of a signal of length N=" + inputLength
                    + " to " + paddedLength + " would exceed the signal (must be < N)");
        }
        int levels = Math.max(log2T, J) + 1;
        indStart = new int[levels];
        indEnd = new int[levels];
        indStart[0] = padLeft;
        indEnd[0] = padLeft + inputLength;
        for (int j = 1; j < levels; j++) {
            indStart[j] = indStart[j - 1] / 2 + indStart[j - 1] % 2;
            indEnd[j] = indEnd[j - 1] / 2 + indEnd[j - 1] % 2;
        }
    }

    /** Kymatio's padding of signals of length N for scale J and low-pass support T (an integer, 2^J by default). */
    public static Padding1D of(int N, int J, int T) {
        int minToPad = 3 * lowPassSupport(N, T);
        int jMaxSupport = MorletFilterBank1D.floorLog2(3 * N - 2);
        int jPad = Math.min(MorletFilterBank1D.ceilLog2(Math.addExact(N, 2 * minToPad)), jMaxSupport);
        return new Padding1D(N, 1 << jPad, MorletFilterBank1D.floorLog2(T), J);
    }

    /**
     * compute_minimum_support_to_pad's support of the low-pass: {@code compute_temporal_support} of
     * {@code gauss_1d(N, 0.1 / T)}, the first t whose residual sum of |phi| from t to N/2 is at most
     * 1e-3, plus one. Taken at a length L below N when L holds the low-pass's response (a Gaussian
     * envelope of width s = T / (0.2 pi) samples) 10 widths on each side: the response at L is the
     * one at N wrapped every L samples (Poisson summation, see {@link MorletFilterBank1D}'s norm), so
     * the residuals up to L/2 match N's to the wrapped tails, exp(-50) of the peak, and the support,
     * about 6 widths, lies far inside L/2. A long signal then costs a filter and an inverse FFT of L
     * (2^13 at T = 2^8) instead of N: at N = 4 million, 0.5-2.5 s and several arrays of N values
     * before the memory check. Otherwise (L &gt;= N) it is N's computation itself.
     */
    static int lowPassSupport(int N, int T) {
        double sigma = MorletFilterBank1D.SIGMA0 / T;
        long L = Long.highestOneBit((long) Math.ceil(MorletFilterBank1D.responseSpan(sigma))) * 2; // a power of two above it
        L = Math.max(L, SHORTEST_SUPPORT);
        int length = L < N ? (int) L : N;
        int support = MorletFilterBank1D.temporalSupport(MorletFilterBank1D.gauss(length, sigma), 1e-3);
        if (length < N && 2 * support >= length) { // not inside L/2 after all: take N's
            return MorletFilterBank1D.temporalSupport(MorletFilterBank1D.gauss(N, sigma), 1e-3);
        }
        return support;
    }

    /** The shortest length {@link #lowPassSupport} takes instead of N. */
    static final int SHORTEST_SUPPORT = 4096;

    public int inputLength() {
        return inputLength;
    }

    public int paddedLength() {
        return paddedLength;
    }

    public int padLeft() {
        return padLeft;
    }

    public int padRight() {
        return padRight;
    }

    /** First index of the signal at resolution 2^-j (ind_start[j]). */
    public int start(int j) {
        return indStart[j];
    }

    /** End index (excluded) of the signal at resolution 2^-j (ind_end[j]). */
    public int end(int j) {
        return indEnd[j];
    }

    /** Number of resolutions with border indices: max(log2 T, J) + 1. */
    public int levels() {
        return indStart.length;
    }

    /** The padded index p's sample of the input: numpy 'reflect' about the first and last samples. */
    public int source(int p) {
        int t = p - padLeft;
        if (t < 0) {
            t = -t;
        } else if (t >= inputLength) {
            t = 2 * (inputLength - 1) - t;
        }
        return t;
    }
}
