package org.scatter4j.scattering;

/**
 * Keeps the float32 cascade's outputs finite and right for images of huge but finite pixels.
 *
 * <p>Why it is needed: the cascade takes moduli as sqrt(re^2 + im^2), and the square of anything
 * above 1.8e19 overflows float32 (3.4e38): an image of pixels of 1e20 gave infinite and NaN
 * coefficients. Intermediate values stay within a small factor of the largest pixel times the
 * filters' L1 norms (the FFTs' sums at most Hp Wp &lt;= 2^31 times it), so an image whose largest
 * |pixel| is at most {@link #SAFE} = 2^50 cannot overflow anywhere, and such images (every image of
 * ordinary data) are computed in float32 as before, the same bits.
 *
 * <p>An image above it is recomputed by the float64 cascade, where nothing overflows for any finite
 * float32 input, and its coefficients are rounded to float32. The float32 output then equals the
 * float64 path's to float32 rounding; a coefficient that does not fit in float32 (a pixel near
 * 3.4e38 times a filter's gain above 1) is refused with a message instead of being written as
 * infinity. (Scaling by a power of two would also do, since the transform is positively homogeneous,
 * S(a x) = a S(x), and scaling by 2^k is exact; but it would need the cascade's load and store to
 * carry a per-lane exponent, and these huge inputs are rare enough that float64 costs nothing
 * that matters.)
 */
public final class Float32Range {
    /** Largest |pixel| the float32 cascade takes as it is. */
    public static final float SAFE = 0x1p50f;

    private Float32Range() {
    }

    /** Whether some |pixel| of {@code images[from, from + length)} exceeds {@link #SAFE}. */
    public static boolean exceedsSafe(float[] images, int from, int length) {
        for (int p = from; p < from + length; p++) {
            if (Math.abs(images[p]) > SAFE) {
                return true;
            }
        }
        return false;
    }

    /**
     * Recomputes in float64 every image of {@code images} (count records of {@code imageLength} from
     * {@code offset}) whose largest |pixel| exceeds {@link #SAFE}, with {@code float64} (the same
     * transform's float64 path), writing its {@code outputLength} coefficients rounded to float32
     * over the float32 cascade's at {@code out[outOffset + i * outputLength ...]}. {@code plane}:
     * values per output channel, to name a refused value's channel.
     *
     * @throws IllegalArgumentException if a coefficient exceeds the float32 range
     */
    public static void recomputeHugeImages(float[] images, int offset, int count, int imageLength, float[] out, int outOffset,
                                           int outputLength, int plane, java.util.function.UnaryOperator<double[]> float64) {
        recomputeHugeImages(images, offset, count, imageLength, out, outOffset, outputLength, plane, float64, "image");
    }

    /**
     * As {@link #recomputeHugeImages(float[], int, int, int, float[], int, int, int, java.util.function.UnaryOperator)},
     * with {@code record} ("image", "signal") as the word for one record in a refusal's message.
     */
    public static void recomputeHugeImages(float[] images, int offset, int count, int imageLength, float[] out, int outOffset,
                                           int outputLength, int plane, java.util.function.UnaryOperator<double[]> float64,
                                           String record) {
        recompute(count, imageLength, i -> exceedsSafe(images, offset + i * imageLength, imageLength), (image, i) -> {
            for (int p = 0; p < imageLength; p++) {
                image[p] = images[offset + i * imageLength + p];
            }
        }, out, outOffset, outputLength, plane, float64, record);
    }

    /**
     * As {@link #recomputeHugeImages(float[], int, int, int, float[], int, int, int, java.util.function.UnaryOperator, String)}
     * for float64 records given to a float32 transform (Scattering1D's float64 samples, float32 output).
     */
    public static void recomputeHugeImages(double[] images, int offset, int count, int imageLength, float[] out, int outOffset,
                                           int outputLength, int plane, java.util.function.UnaryOperator<double[]> float64,
                                           String record) {
        recompute(count, imageLength, i -> exceedsSafe(images, offset + i * imageLength, imageLength),
                (image, i) -> System.arraycopy(images, offset + i * imageLength, image, 0, imageLength),
                out, outOffset, outputLength, plane, float64, record);
    }

    /** Records i for which {@code huge} holds, loaded as float64 by {@code load}, recomputed by {@code float64} and rounded. */
    private static void recompute(int count, int imageLength, java.util.function.IntPredicate huge,
                                  java.util.function.ObjIntConsumer<double[]> load, float[] out, int outOffset, int outputLength,
                                  int plane, java.util.function.UnaryOperator<double[]> float64, String record) {
        double[] image = null;
        for (int i = 0; i < count; i++) {
            if (!huge.test(i)) {
                continue;
            }
            if (image == null) {
                image = new double[imageLength];
            }
            load.accept(image, i);
            storeRounded(float64.apply(image), out, outOffset + i * outputLength, i, plane, record);
        }
    }

    /** Whether some |value| of {@code images[from, from + length)} exceeds {@link #SAFE}. */
    private static boolean exceedsSafe(double[] images, int from, int length) {
        for (int p = from; p < from + length; p++) {
            if (Math.abs(images[p]) > SAFE) {
                return true;
            }
        }
        return false;
    }

    /** The float64 coefficients of record i rounded to float32 into {@code out[to ...]}; refuses one beyond float32's range. */
    private static void storeRounded(double[] coefficients, float[] out, int to, int i, int plane, String record) {
        for (int q = 0; q < coefficients.length; q++) {
            float v = (float) coefficients[q];
            if (Float.isInfinite(v)) {
                throw new IllegalArgumentException(String.format("%s %d: scattering coefficient %.3g (channel %d, value %d"
                        + " of the channel) exceeds the float32 range (%.3g); compute it in float64 (the double[] methods,"
                        + " scatter4j --precision float64) or scale the %s down", record, i, coefficients[q], q / plane,
                        q % plane, Float.MAX_VALUE, record));
            }
            out[to + q] = v;
        }
    }
}
