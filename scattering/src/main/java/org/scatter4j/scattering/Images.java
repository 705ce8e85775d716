package org.scatter4j.scattering;

/**
 * A view of {@code count} equally sized records (images in, coefficients out) stored one after
 * another in a float32 or float64 array, so that the cascade, which computes in float64, is written
 * once for both storage precisions. Checks the array is long enough when created.
 */
sealed interface Images permits Images.Float32, Images.Float64 {
    int count();

    /** Copies record i into dst (converted to double). */
    void copyImage(int i, double[] dst);

    /** Stores src as record i (rounded to the array's precision). */
    void storeResult(int i, double[] src);

    static void checkLength(int arrayLength, int offset, int count, int stride) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        }
        long needed = (long) offset + (long) count * stride;
        if (needed > arrayLength) {
            throw new IllegalArgumentException("array of length " + arrayLength + " is too short for " + count
                    + " record(s) of " + stride + " values from offset " + offset + " (needs " + needed + ")");
        }
    }

    record Float32(float[] data, int offset, int count, int stride) implements Images {
        public Float32 {
            checkLength(data.length, offset, count, stride);
        }

        @Override
        public void copyImage(int i, double[] dst) {
            int base = offset + i * stride;
            for (int p = 0; p < stride; p++) {
                dst[p] = data[base + p];
            }
        }

        @Override
        public void storeResult(int i, double[] src) {
            int base = offset + i * stride;
            for (int p = 0; p < stride; p++) {
                data[base + p] = (float) src[p];
            }
        }
    }

    record Float64(double[] data, int offset, int count, int stride) implements Images {
        public Float64 {
            checkLength(data.length, offset, count, stride);
        }

        @Override
        public void copyImage(int i, double[] dst) {
            System.arraycopy(data, offset + i * stride, dst, 0, stride);
        }

        @Override
        public void storeResult(int i, double[] src) {
            System.arraycopy(src, 0, data, offset + i * stride, stride);
        }
    }
}
