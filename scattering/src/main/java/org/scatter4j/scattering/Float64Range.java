package org.scatter4j.scattering;

/**
 * Refuses float64 inputs so large that the cascade would overflow, instead of writing NaN.
 *
 * <p>Why: a modulus squares values up to the largest |input| times a filter's L1 norm, and the FFTs
 * sum up to 2^31 of them, so inputs of 1e300 gave NaN coefficients with no error (2D, 1D and
 * roto-translation alike). Below {@link #SAFE} = 2^400 no intermediate value can come near float64's
 * 2^1024, so every input of real data passes, unchanged. (The float32 cascades have their own,
 * smaller, limit and fall back to float64 above it: {@link Float32Range}.)
 */
public final class Float64Range {
    /** Largest |input value| the float64 cascades take. */
    public static final double SAFE = 0x1p400;

    private Float64Range() {
    }

    /**
     * Throws if a finite value of the {@code count} records of {@code length} values from
     * {@code offset} exceeds {@link #SAFE} in magnitude, naming the record and the value by index
     * ({@code record}: "image", "signal"; {@code unit}: "pixel", "sample"). Non-finite values and
     * short arrays are left to the engine, which refuses them with its own messages.
     */
    public static void require(double[] values, int offset, int count, int length, String record, String unit) {
        long available = Math.max(0, ((long) values.length - Math.max(0, offset)) / Math.max(1, length));
        long n = Math.min(count, available);
        for (int i = 0; i < n; i++) {
            int base = offset + i * length;
            for (int k = 0; k < length; k++) {
                double v = values[base + k];
                if (Double.isFinite(v) && Math.abs(v) > SAFE) {
                    throw new IllegalArgumentException(record + " " + i + ": " + unit + " " + k + " is " + v + ", above the"
                            + " largest magnitude the transform takes (2^400 = " + SAFE + "); scale the " + record + " down");
                }
            }
        }
    }

    /**
     * Why a front end that reads float64 values must refuse {@code v} before a transform in the given
     * precision, or null: not finite; above {@link #SAFE} (no precision takes it); above float32's
     * largest value for float32 (it would become infinity; float64 takes it, which the caller may
     * say). For messages of the form "... pixel at (row r, column c) is " + problem.
     */
    public static String pixelProblem(double v, boolean float64) {
        if (!Double.isFinite(v)) {
            return v + "; pixels must be finite";
        }
        if (Math.abs(v) > SAFE) {
            return v + ", above the largest magnitude the transform takes (2^400 = " + SAFE + "); scale the image down";
        }
        if (!float64 && Math.abs(v) > Float.MAX_VALUE) {
            return v + ", beyond float32's range (|x| <= " + Float.MAX_VALUE + ")";
        }
        return null;
    }
}
