package org.scatter4j.classifiers;

/**
 * The inner loops of the classifiers: dot products and axpy between a float row and a double
 * vector, with double accumulation.
 *
 * <p>Why this shape: the loops are simple counted loops over arrays with no calls or branches, so
 * HotSpot C2 unrolls them and removes bounds checks; the dot product keeps eight independent
 * accumulators so the additions are not one serial dependency chain (C2 may not reorder
 * floating-point additions itself). The summation order is fixed, so results are bit-reproducible
 * for a given input whatever the thread count.
 *
 * <p>Caveat, measured rather than assumed (micro-benchmarks on the 2-core AMD EPYC development VM,
 * AVX2, Java 17.0.15): Java 17's C2 SuperWord does not vectorize these loops. It cannot vectorize a
 * float-to-double conversion (mixed lane sizes), and even an all-float axpy {@code w[j] += a *
 * x[off + j]} stays scalar because {@code w} and {@code x} might be the same array at an unknown
 * distance {@code off} (0.4-0.7 ns per element, against 0.1 ns for the same loop without the
 * offset); floating-point sums are never reordered into vector lanes. Measured costs here: dot 0.4
 * ns and axpy 0.55 ns per element. The one faster option found, copying the row to a scratch array
 * and running an all-float axpy on it (about 0.15 ns), needs float weights, i.e. float
 * accumulation of w, which this class deliberately avoids (LIBLINEAR keeps w in double too). Later
 * JDKs, whose SuperWord vectorizes conversions, may vectorize the axpy as written. The row-sharing epoch order of {@link
 * LinearSvm} reduces memory traffic instead.
 */
final class DenseOps {

    private DenseOps() {}

    /** {@code sum_j w[j] * x[off + j]} for {@code j < n}, accumulated in double. */
    static double dot(double[] w, float[] x, int off, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int j = 0;
        int end = n & ~7;
        for (; j < end; j += 8) {
            s0 += w[j] * x[off + j];
            s1 += w[j + 1] * x[off + j + 1];
            s2 += w[j + 2] * x[off + j + 2];
            s3 += w[j + 3] * x[off + j + 3];
            s4 += w[j + 4] * x[off + j + 4];
            s5 += w[j + 5] * x[off + j + 5];
            s6 += w[j + 6] * x[off + j + 6];
            s7 += w[j + 7] * x[off + j + 7];
        }
        for (; j < n; j++) {
            s0 += w[j] * x[off + j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** {@code w[j] += a * x[off + j]} for {@code j < n}. */
    static void axpy(double a, float[] x, int off, double[] w, int n) {
        for (int j = 0; j < n; j++) {
            w[j] += a * x[off + j];
        }
    }

    /** {@code sum_j x[off + j]^2}, accumulated in double. */
    static double squaredNorm(float[] x, int off, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        int end = n & ~3;
        for (; j < end; j += 4) {
            double a = x[off + j];
            double b = x[off + j + 1];
            double c = x[off + j + 2];
            double d = x[off + j + 3];
            s0 += a * a;
            s1 += b * b;
            s2 += c * c;
            s3 += d * d;
        }
        for (; j < n; j++) {
            double a = x[off + j];
            s0 += a * a;
        }
        return (s0 + s1) + (s2 + s3);
    }
}
