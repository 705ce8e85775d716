package org.scatter4j.wavelets;

/**
 * A real 1D filter spectrum of a given length, kept as the values of its maximal runs of nonzeros.
 * Morlet and Gaussian spectra underflow to exactly zero away from their centres (J=8, Q=12: about
 * two thirds of the first-order wavelets' values and 90 % of the low-pass's; more in float32), so a
 * bank that stores only the runs needs a fraction of the dense arrays' memory, which for long
 * signals (a padded length of millions) decides whether the transform fits in the heap at all.
 *
 * <p>The runs are index pairs {@code [start0, end0, start1, end1, ...]} (ends exclusive) in
 * increasing order, not touching; the values are packed run after run, so run r's sample v is at
 * {@code (values before run r) + v - start_r}. A product that loops over the runs does the same
 * additions, in the same order, as a loop over every index that skips the zeros, without testing each
 * value (the 1D cascades' {@code multiplyPeriodize}); a zero term changes no such sum, so the result is
 * also the dense loop's, bit for bit. The float32 copy has runs of its own: rounding to float32 makes
 * more zeros. Immutable; the arrays returned are shared and must not be modified.
 */
public final class FilterSpectrum {
    private final int length;
    private final int[] runs;
    private final double[] values;
    private final int[] offsets;
    private final int[] runs32;
    private final float[] values32;
    private final int[] offsets32;
    /** Kept: a 1D cascade asks for it per pair of first- and second-order wavelets (its noise model). */
    private final double sumOfSquares;
    /** The largest |value|. */
    private final double peak;

    private FilterSpectrum(double[] dense) {
        this.length = dense.length;
        this.runs = runs(dense, false);
        this.values = pack(dense, runs);
        this.offsets = offsets(runs);
        this.runs32 = runs(dense, true);
        this.values32 = Float32Tables.of(pack(dense, runs32));
        this.offsets32 = offsets(runs32);
        double sum = 0;
        double most = 0;
        for (double g : values) {
            sum += g * g;
            most = Math.max(most, Math.abs(g));
        }
        this.sumOfSquares = sum;
        this.peak = most;
    }

    /** {@code s}'s arrays (shared) with float32 runs of their own, inside s's, over the same float32 values. */
    private FilterSpectrum(FilterSpectrum s, int[] runs32, int[] offsets32) {
        this.length = s.length;
        this.runs = s.runs;
        this.values = s.values;
        this.offsets = s.offsets;
        this.sumOfSquares = s.sumOfSquares;
        this.peak = s.peak;
        this.runs32 = runs32;
        this.values32 = s.values32;
        this.offsets32 = offsets32;
    }

    /** Where each run's values start in the packed values: run after run, with nothing between. */
    private static int[] offsets(int[] runs) {
        int[] at = new int[runs.length / 2];
        for (int r = 2; r < runs.length; r += 2) {
            at[r / 2] = at[r / 2 - 1] + runs[r - 1] - runs[r - 2];
        }
        return at;
    }

    /** The spectrum {@code dense} (length &gt;= 1), kept as its nonzero runs; {@code dense} is not kept. */
    public static FilterSpectrum of(double[] dense) {
        if (dense.length < 1) {
            throw new IllegalArgumentException("a filter spectrum needs at least one value, got length 0");
        }
        return new FilterSpectrum(dense);
    }

    /** The number of frequencies (the dense length). */
    public int length() {
        return length;
    }

    /** The maximal runs of nonzero values, {@code [start0, end0, ...]} (ends exclusive); shared, do not modify. */
    public int[] nonzeroRuns() {
        return runs;
    }

    /** The values inside {@link #nonzeroRuns()}, run after run; shared, do not modify. */
    public double[] nonzeroValues() {
        return values;
    }

    /** Where run i's values ({@code nonzeroRuns()[2 i]} on) start in {@link #nonzeroValues()}; shared, do not modify. */
    public int[] nonzeroOffsets() {
        return offsets;
    }

    /** The runs of the values rounded to float32 (within {@link #nonzeroRuns()}); shared, do not modify. */
    public int[] nonzeroRuns32() {
        return runs32;
    }

    /**
     * The float32 values of {@link #nonzeroRuns32()}: run i's from {@code nonzeroOffsets32()[i]} on
     * (run after run, except in a {@link #withFloat32Floor} copy, which shares them); shared, do not modify.
     */
    public float[] nonzeroValues32() {
        return values32;
    }

    /** Where run i of {@link #nonzeroRuns32()} starts in {@link #nonzeroValues32()}; shared, do not modify. */
    public int[] nonzeroOffsets32() {
        return offsets32;
    }

    /** The spectrum as a new dense array of {@link #length()} values. */
    public double[] toDense() {
        double[] dense = new double[length];
        int p = 0;
        for (int r = 0; r < runs.length; r += 2) {
            int n = runs[r + 1] - runs[r];
            System.arraycopy(values, p, dense, runs[r], n);
            p += n;
        }
        return dense;
    }

    /** The largest absolute value. */
    public double peak() {
        return peak;
    }

    /**
     * This spectrum whose float32 runs leave out, besides what float32 rounds to zero, every value of
     * magnitude at most {@code floor * peak()}: a float32 product over the runs then skips the far
     * tails. The copy shares every array but its float32 runs and their offsets (a few ints per run).
     * What it leaves out is bounded: the product of a spectrum X with the dropped part has an L2 norm
     * of at most {@code floor * peak() * ||X||}, which a caller that wants the full product's
     * accuracy must account for (the float32 1D cascade does, in its noise model).
     *
     * @param floor in [0, 1); 0 keeps the float32 runs of {@link #of}
     */
    public FilterSpectrum withFloat32Floor(double floor) {
        if (!(floor >= 0 && floor < 1)) {
            throw new IllegalArgumentException("floor must be in [0, 1), got " + floor);
        }
        double cut = floor * peak;
        int[] kept = new int[16]; // start, end pairs
        int[] at = new int[8];
        int count = 0;
        for (int r = 0; r < runs32.length; r += 2) {
            int v = runs32[r], end = runs32[r + 1], first = offsets32[r / 2] - v; // value of sample v: values32[first + v]
            while (v < end) {
                while (v < end && Math.abs(values32[first + v]) <= cut) {
                    v++;
                }
                if (v == end) {
                    break;
                }
                int start = v;
                while (v < end && Math.abs(values32[first + v]) > cut) {
                    v++;
                }
                if (count + 2 > kept.length) {
                    kept = java.util.Arrays.copyOf(kept, 2 * kept.length);
                    at = java.util.Arrays.copyOf(at, kept.length / 2);
                }
                at[count / 2] = first + start;
                kept[count++] = start;
                kept[count++] = v;
            }
        }
        return new FilterSpectrum(this, java.util.Arrays.copyOf(kept, count), java.util.Arrays.copyOf(at, count / 2));
    }

    /**
     * A bound on the factor by which filtering by this spectrum and then subsampling by {@code factor}
     * (the product, its periodization over {@code factor} periods divided by {@code factor}, then an
     * inverse DFT of length / factor bins: Kymatio's {@code cdgmm} and {@code subsample_fourier}) can
     * multiply the squared L2 norm of a signal of {@link #length()} samples. That factor is {@code
     * max_f sum_p s(f + p m)^2 / factor}, m = length / factor (Cauchy-Schwarz over the periods, and
     * Parseval); this returns {@code sum_p max_f s(f + p m)^2 / factor}, at least as large, and equal
     * when one period holds all of the spectrum. It takes one pass over the values and {@code factor}
     * doubles, where the exact maximum would need an array of m (2 MB for a long signal's filter).
     *
     * @param factor a power of two dividing {@link #length()}
     */
    public double subsamplingGainBound(int factor) {
        if (factor < 1 || length % factor != 0 || Integer.bitCount(factor) != 1) {
            throw new IllegalArgumentException("factor must be a power of two dividing " + length + ", got " + factor);
        }
        int m = length / factor;
        double[] peaks = new double[factor]; // the largest square in each period
        int p = 0;
        for (int r = 0; r < runs.length; r += 2) {
            for (int v = runs[r]; v < runs[r + 1]; v++, p++) {
                peaks[v / m] = Math.max(peaks[v / m], values[p] * values[p]);
            }
        }
        double sum = 0;
        for (double q : peaks) {
            sum += q;
        }
        return sum / factor;
    }

    /** The sum of the squared values, in index order (the dense sum's bits: the zeros add nothing). */
    public double sumOfSquares() {
        return sumOfSquares;
    }

    /** {@code acc[v] += |value_v|^2} for every nonzero value (a Littlewood-Paley sum, one filter at a time). */
    public void addSquaresTo(double[] acc) {
        if (acc.length != length) {
            throw new IllegalArgumentException("accumulator length " + acc.length + " differs from the spectrum's " + length);
        }
        int p = 0;
        for (int r = 0; r < runs.length; r += 2) {
            for (int v = runs[r]; v < runs[r + 1]; v++, p++) {
                acc[v] += values[p] * values[p];
            }
        }
    }

    /** Bytes of the packed arrays (both precisions, runs and offsets included), for memory accounting. */
    public long packedBytes() {
        return 8L * values.length + 4L * values32.length + 6L * (runs.length + runs32.length);
    }

    /** The maximal runs of nonzero values of {@code dense} (as rounded to float32 if {@code float32}). */
    private static int[] runs(double[] dense, boolean float32) {
        int[] ends = new int[16];
        int count = 0;
        int v = 0;
        int n = dense.length;
        while (v < n) {
            while (v < n && (float32 ? (float) dense[v] == 0.0f : dense[v] == 0.0)) {
                v++;
            }
            if (v == n) {
                break;
            }
            int start = v;
            while (v < n && (float32 ? (float) dense[v] != 0.0f : dense[v] != 0.0)) {
                v++;
            }
            if (count + 2 > ends.length) {
                ends = java.util.Arrays.copyOf(ends, 2 * ends.length);
            }
            ends[count++] = start;
            ends[count++] = v;
        }
        return java.util.Arrays.copyOf(ends, count);
    }

    private static double[] pack(double[] dense, int[] runs) {
        int total = 0;
        for (int r = 0; r < runs.length; r += 2) {
            total += runs[r + 1] - runs[r];
        }
        double[] packed = new double[total];
        int p = 0;
        for (int r = 0; r < runs.length; r += 2) {
            int n = runs[r + 1] - runs[r];
            System.arraycopy(dense, runs[r], packed, p, n);
            p += n;
        }
        return packed;
    }
}
