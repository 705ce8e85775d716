package org.scatter4j.scattering.engine;

/**
 * A view of {@code count} equally sized records (images or signals in, coefficients out) stored one
 * after another in a float32 ({@link Float32}) or float64 ({@link Float64}) array from
 * {@code offset}, {@code stride} values apart. Checks the array is long enough when created.
 */
public sealed interface Records permits Records.Float32, Records.Float64 {
    int count();

    /** Values per record. */
    int stride();

    /**
     * Refuses a record with a NaN or infinite value, naming the record, the value and its position
     * (row and column when {@code rowLength > 0}, an image; else the position in a signal).
     */
    static void requireFinite(double[] record, int index, int rowLength) {
        for (int p = 0; p < record.length; p++) {
            if (!Double.isFinite(record[p])) {
                throw nonFinite(index, record[p], p, rowLength);
            }
        }
    }

    /** As {@link #requireFinite(double[], int, int)} for a float32 record. */
    static void requireFinite(float[] record, int index, int rowLength) {
        for (int p = 0; p < record.length; p++) {
            if (!Float.isFinite(record[p])) {
                throw nonFinite(index, record[p], p, rowLength);
            }
        }
    }

    private static IllegalArgumentException nonFinite(int index, double value, int p, int rowLength) {
        if (rowLength > 0) {
            return new IllegalArgumentException("image " + index + " has a non-finite pixel " + value + " at (row "
                    + p / rowLength + ", column " + p % rowLength + "); pixels must be finite");
        }
        return new IllegalArgumentException("signal " + index + " has a non-finite sample " + value + " at position " + p
                + "; samples must be finite");
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
    record Float32(String name, float[] data, int offset, int count, int stride) implements Records {
        public Float32 {
            checkLength(name, data.length, offset, count, stride);
        }

        /** Copies record i into dst. */
        public void copyRecord(int i, float[] dst) {
            System.arraycopy(data, offset + i * stride, dst, 0, stride);
        }
    }

    /** @param name what the array holds ("images", "output"), for error messages */
    record Float64(String name, double[] data, int offset, int count, int stride) implements Records {
        public Float64 {
            checkLength(name, data.length, offset, count, stride);
        }

        /** Copies record i into dst. */
        public void copyRecord(int i, double[] dst) {
            System.arraycopy(data, offset + i * stride, dst, 0, stride);
        }
    }
}
