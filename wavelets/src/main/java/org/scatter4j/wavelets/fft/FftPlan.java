package org.scatter4j.wavelets.fft;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.scatter4j.wavelets.Float32Tables;

/**
 * The immutable, shareable part of a 1D mixed-radix FFT of length {@code n}: its factorization into
 * Stockham stages and the twiddle factors of every stage. Plans are computed once per length and
 * cached, so creating many {@link LaneFft2D} instances (one per thread) costs only their scratch.
 *
 * <p>Stage {@code st} of the Stockham autosort FFT (decimation in frequency, see Van Loan,
 * "Computational Frameworks for the Fast Fourier Transform", 1992, section 1.7) has radix
 * {@code p}, a current sub-length {@code len = p * m}, and {@code s} interleaved sub-transforms
 * ({@code s * len = n}). It maps element {@code q + s (j + m i)} of its input to element
 * {@code q + s (p j + k)} of its output: a length-{@code p} DFT over {@code i}, followed by a
 * multiplication of output {@code k} by the twiddle {@code exp(-2 pi i j k / len)}.
 */
final class FftPlan {
    private static final ConcurrentHashMap<Integer, FftPlan> CACHE = new ConcurrentHashMap<>();

    /** Radices with a dedicated butterfly; any other prime factor goes through the generic DFT. */
    private static final int[] SPECIAL_RADICES = {3, 4, 2, 5}; // the order of factor()

    final int n;
    final Stage[] stages;

    /** One Stockham pass. */
    static final class Stage {
        final int radix;
        /** Number of distinct twiddle rows (the {@code j} range). */
        final int m;
        /** Number of interleaved sub-transforms (the {@code q} range). */
        final int s;
        /**
         * Twiddles {@code exp(-2 pi i j k / (radix m))} for {@code k = 1 .. radix-1}, at index
         * {@code j (radix - 1) + k - 1}.
         */
        final double[] twRe;
        final double[] twIm;
        /**
         * For a generic odd prime radix: {@code cos(2 pi e / radix)} and {@code sin(2 pi e / radix)}
         * for {@code e = 0 .. radix-1}; null otherwise.
         */
        final double[] dftCos;
        final double[] dftSin;
        /** The same tables rounded to float32, read by the float32 kernels ({@code Stockham32}). */
        final float[] twRe32;
        final float[] twIm32;
        final float[] dftCos32;
        final float[] dftSin32;

        Stage(int radix, int m, int s) {
            this.radix = radix;
            this.m = m;
            this.s = s;
            int len = radix * m;
            twRe = new double[m * (radix - 1)];
            twIm = new double[m * (radix - 1)];
            for (int j = 0; j < m; j++) {
                for (int k = 1; k < radix; k++) {
                    // Reduce the exponent exactly in integers before taking cos/sin: keeps every
                    // twiddle within an ulp or so of the true value, whatever the length.
                    long e = ((long) j * k) % len;
                    double angle = 2.0 * Math.PI * e / len;
                    twRe[j * (radix - 1) + k - 1] = Math.cos(angle);
                    twIm[j * (radix - 1) + k - 1] = -Math.sin(angle);
                }
            }
            if (isGeneric()) {
                dftCos = new double[radix];
                dftSin = new double[radix];
                for (int e = 0; e < radix; e++) {
                    double angle = 2.0 * Math.PI * e / radix;
                    dftCos[e] = Math.cos(angle);
                    dftSin[e] = Math.sin(angle);
                }
            } else {
                dftCos = null;
                dftSin = null;
            }
            twRe32 = Float32Tables.of(twRe);
            twIm32 = Float32Tables.of(twIm);
            dftCos32 = Float32Tables.of(dftCos);
            dftSin32 = Float32Tables.of(dftSin);
        }

        boolean isGeneric() {
            return radix > 5;
        }
    }

    private FftPlan(int n) {
        this.n = n;
        List<Integer> radices = factor(n);
        stages = new Stage[radices.size()];
        int s = 1;
        int len = n;
        for (int st = 0; st < stages.length; st++) {
            int p = radices.get(st);
            stages[st] = new Stage(p, len / p, s);
            len /= p;
            s *= p;
        }
    }

    /** The cached plan for length {@code n >= 1}. */
    static FftPlan of(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("FFT length must be positive: " + n);
        }
        return CACHE.computeIfAbsent(n, FftPlan::new);
    }

    /** Largest generic (prime > 5) radix among the stages, or 0 if none. */
    int maxGenericRadix() {
        int max = 0;
        for (Stage st : stages) {
            if (st.isGeneric()) {
                max = Math.max(max, st.radix);
            }
        }
        return max;
    }

    /**
     * Radices in stage order: the 3s, then as many 4s as possible (fewest passes over memory for
     * powers of 2), then 2, 5, and the remaining primes in increasing order. Why the 3s first: the
     * radix-3 butterfly applies its twiddles in its own last loop (Butterflies.dft3CombineTwiddled),
     * the others in separate passes over their outputs, and the stages late in the order have the
     * fewest twiddle rows (the last none); so 18 = 3 3 2 and 36 = 3 3 4 run their 2 and 4 without
     * twiddles (in the order 4 2 3 5 they took 8 and 24 separate twiddle passes; measured in
     * docs/performance-history.md). Generic primes come last, where the stage has the fewest twiddle rows.
     */
    static List<Integer> factor(int n) {
        List<Integer> radices = new ArrayList<>();
        int rest = n;
        for (int p : SPECIAL_RADICES) {
            while (rest % p == 0) {
                radices.add(p);
                rest /= p;
            }
        }
        for (int p = 7; rest > 1; p += 2) {
            if ((long) p * p > rest) {
                p = rest; // what is left is prime
            }
            while (rest % p == 0) {
                radices.add(p);
                rest /= p;
            }
        }
        return radices;
    }
}
