package org.scatter4j.rototranslation;

/**
 * A view of {@code count} equally sized records (images in, coefficients out) stored one after
 * another in a float32 or float64 array; checks the length once, when created.
 */
sealed interface Records permits Records.Float32, Records.Float64 {
    int count();

    void copyIn(int i, double[] dst);

    void store(int i, double[] src);

    static void checkLength(String what, int arrayLength, int offset, int count, int stride) {
        if (offset < 0) {
            throw new IllegalArgumentException(what + " offset must be >= 0, got " + offset);
        }
        long needed = (long) offset + (long) count * stride;
        if (needed > arrayLength) {
            throw new IllegalArgumentException(what + " array of length " + arrayLength + " is too short for " + count
                    + " record(s) of " + stride + " values from offset " + offset + " (needs " + needed + ")");
        }
    }

    record Float32(float[] data, int offset, int count, int stride) implements Records {
        Float32(String what, float[] data, int offset, int count, int stride) {
            this(data, offset, count, stride);
            checkLength(what, data.length, offset, count, stride);
        }

        @Override
        public void copyIn(int i, double[] dst) {
            int base = offset + i * stride;
            for (int p = 0; p < stride; p++) {
                dst[p] = data[base + p];
            }
        }

        @Override
        public void store(int i, double[] src) {
            int base = offset + i * stride;
            for (int p = 0; p < stride; p++) {
                data[base + p] = (float) src[p];
            }
        }
    }

    record Float64(double[] data, int offset, int count, int stride) implements Records {
        Float64(String what, double[] data, int offset, int count, int stride) {
            this(data, offset, count, stride);
            checkLength(what, data.length, offset, count, stride);
        }

        @Override
        public void copyIn(int i, double[] dst) {
            System.arraycopy(data, offset + i * stride, dst, 0, stride);
        }

        @Override
        public void store(int i, double[] src) {
            System.arraycopy(src, 0, data, offset + i * stride, stride);
        }
    }
}
