package org.scatter4j.wavelets;

/**
 * Float32 copies of float64 tables (twiddles, filters, weights): every table is computed once in
 * float64 and rounded here, so the float32 kernels use the same filters as the float64 ones, to
 * the last bit of float32.
 */
public final class Float32Tables {
    private Float32Tables() {
    }

    /** The values of a rounded to float32 (null for null: an absent table). */
    public static float[] of(double[] a) {
        if (a == null) {
            return null;
        }
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    /** Each row of a rounded to float32. */
    public static float[][] of(double[][] a) {
        float[][] f = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            f[i] = of(a[i]);
        }
        return f;
    }
}
