package org.scatter4j.scattering;

/**
 * A view of {@code count} equally sized records (images in, coefficients out) stored one after
 * another in a float32 ({@link Float32}) or float64 ({@link Float64}) array; the float32 cascade
 * reads and writes the first, the float64 cascade the second. Checks the array is long enough when
 * created. Shared by the translation and roto-translation transforms.
 */
public sealed interface Images permits Images.Float32, Images.Float64 {
    int count();

    /** Refuses an image with a NaN or infinite pixel, naming the image, the value and its position. */
    static void requireFinite(double[] image, int index, int width) {
        for (int p = 0; p < image.length; p++) {
            if (!Double.isFinite(image[p])) {
                throw nonFinite(index, image[p], p, width);
            }
        }
    }

    /** As {@link #requireFinite(double[], int, int)} for a float32 image. */
    static void requireFinite(float[] image, int index, int width) {
        for (int p = 0; p < image.length; p++) {
            if (!Float.isFinite(image[p])) {
                throw nonFinite(index, image[p], p, width);
            }
        }
    }

    private static IllegalArgumentException nonFinite(int index, double value, int p, int width) {
        return new IllegalArgumentException("image " + index + " has a non-finite pixel " + value + " at (row " + p / width
                + ", column " + p % width + "); pixels must be finite");
    }

    static void checkLength(String name, int arrayLength, int offset, int count, int stride) {
        if (offset < 0) {
            throw new IllegalArgumentException(name + " offset must be >= 0, got " + offset);
        }
        long needed = (long) offset + (long) count * stride;
        if (needed > arrayLength) {
            throw new IllegalArgumentException(name + " array of length " + arrayLength + " is too short for " + count
                    + " record(s) of " + stride + " values from offset " + offset + " (needs " + needed + ")");
        }
    }

    /** @param name what the array holds ("images", "output"), for error messages */
    record Float32(String name, float[] data, int offset, int count, int stride) implements Images {
        public Float32 {
            checkLength(name, data.length, offset, count, stride);
        }

        /** Copies record i into dst. */
        public void copyImage(int i, float[] dst) {
            System.arraycopy(data, offset + i * stride, dst, 0, stride);
        }

        /** Stores src as record i. */
        public void storeResult(int i, float[] src) {
            System.arraycopy(src, 0, data, offset + i * stride, stride);
        }
    }

    /** @param name what the array holds ("images", "output"), for error messages */
    record Float64(String name, double[] data, int offset, int count, int stride) implements Images {
        public Float64 {
            checkLength(name, data.length, offset, count, stride);
        }

        /** Copies record i into dst. */
        public void copyImage(int i, double[] dst) {
            System.arraycopy(data, offset + i * stride, dst, 0, stride);
        }

        /** Stores src as record i. */
        public void storeResult(int i, double[] src) {
            System.arraycopy(src, 0, data, offset + i * stride, stride);
        }
    }
}
