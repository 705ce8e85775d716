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
    private final int[] runs32;
    private final float[] values32;
    /** Kept: a 1D cascade asks for it per pair of first- and second-order wavelets (its noise model). */
    private final double sumOfSquares;

    private FilterSpectrum(double[] dense) {
        this.length = dense.length;
        this.runs = runs(dense, false);
        this.values = pack(dense, runs);
        this.runs32 = runs(dense, true);
        this.values32 = Float32Tables.of(pack(dense, runs32));
        double sum = 0;
        for (double g : values) {
            sum += g * g;
        }
        this.sumOfSquares = sum;
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

    /** The runs of the values rounded to float32 (within {@link #nonzeroRuns()}); shared, do not modify. */
    public int[] nonzeroRuns32() {
        return runs32;
    }

    /** The float32 values inside {@link #nonzeroRuns32()}, run after run; shared, do not modify. */
    public float[] nonzeroValues32() {
        return values32;
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

    /** Bytes of the packed arrays (both precisions, runs included), for memory accounting. */
    public long packedBytes() {
        return 8L * values.length + 4L * values32.length + 4L * (runs.length + runs32.length);
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
