package org.scatter4j.scattering.internal;

/**
 * Where a 1D Fourier filter is not exactly zero: its maximal runs of nonzero values, as index pairs
 * {@code [start0, end0, start1, end1, ...]} (ends exclusive) in increasing order. Morlet and Gaussian
 * spectra underflow to exactly zero away from their centre (for J=8, Q=12: 68 % of the first-order
 * wavelets' values, 90 % of the low-pass's; more in float32), so a product with a spectrum that loops
 * over these runs does the same additions, in the same order, as a loop over every index that skips
 * the zeros, without testing each value (the 1D cascades' {@code multiplyPeriodize}). Computed once
 * per filter and level when a transform is built; the arrays are never modified after.
 */
public final class FilterSupport {
    private FilterSupport() {
    }

    /** The nonzero runs of {@code filter} (see the class comment); an all-zero filter gives an empty array. */
    public static int[] runs(double[] filter) {
        return runs(filter.length, v -> filter[v] != 0.0);
    }

    /** As {@link #runs(double[])} for a float32 filter (whose zeros may extend further). */
    public static int[] runs(float[] filter) {
        return runs(filter.length, v -> filter[v] != 0.0f);
    }

    private static int[] runs(int length, java.util.function.IntPredicate nonzero) {
        int[] runs = new int[length + 1];
        int count = 0;
        int v = 0;
        while (v < length) {
            if (!nonzero.test(v)) {
                v++;
                continue;
            }
            int start = v;
            while (v < length && nonzero.test(v)) {
                v++;
            }
            runs[count++] = start;
            runs[count++] = v;
        }
        return java.util.Arrays.copyOf(runs, count);
    }

    /** The runs of each level of a filter ({@code levels[k]}: the filter periodized to resolution 2^-k). */
    public static int[][] ofLevels(double[][] levels) {
        int[][] out = new int[levels.length][];
        for (int k = 0; k < levels.length; k++) {
            out[k] = runs(levels[k]);
        }
        return out;
    }

    /** As {@link #ofLevels(double[][])} for float32 levels. */
    public static int[][] ofLevels(float[][] levels) {
        int[][] out = new int[levels.length][];
        for (int k = 0; k < levels.length; k++) {
            out[k] = runs(levels[k]);
        }
        return out;
    }
}
