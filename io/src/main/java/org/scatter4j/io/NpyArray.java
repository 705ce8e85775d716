package org.scatter4j.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional numeric array read from (or to be written to) a NumPy {@code .npy} file: shape,
 * the NumPy element type, and the values in C (row-major) order.
 *
 * <p>Immutable: the values are held as {@code double}, which represents every supported NPY
 * element type exactly (except 64-bit integers beyond 2^53, which round), so one type serves
 * float32 files and integer files alike. The accessors return fresh copies, so callers may modify
 * what they get without affecting this array; {@link #get(int...)} reads one value without
 * copying.
 */
public final class NpyArray {

    private final int[] shape;
    private final String dtype;
    private final double[] data;

    /**
     * @param shape the dimensions, outermost first; empty for a scalar
     * @param dtype the NumPy type name of the values in the file, e.g. {@code float64}, {@code uint8}
     * @param data  the values in C order; copied
     */
    public NpyArray(int[] shape, String dtype, double[] data) {
        this(shape.clone(), Objects.requireNonNull(dtype, "dtype"), data.clone(), true);
    }

    private NpyArray(int[] shape, String dtype, double[] data, boolean owned) {
        long n = elementCount(shape);
        if (n != data.length) {
            throw new IllegalArgumentException("data has " + data.length + " values but shape "
                    + shapeString(shape) + " needs " + n);
        }
        this.shape = shape;
        this.dtype = dtype;
        this.data = data;
    }

    /** Wraps arrays that the caller (this package) will never touch again, to avoid a copy. */
    static NpyArray wrap(int[] shape, String dtype, double[] data) {
        return new NpyArray(shape, dtype, data, true);
    }

    /** The dimensions, outermost first (a copy); empty for a 0-d (scalar) array. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Number of values: the product of the shape (1 for a scalar). */
    public int size() {
        return data.length;
    }

    /**
     * The NumPy name of the element type the values came from: {@code float32}, {@code float64},
     * {@code uint8}, {@code int8}, {@code int16}, {@code uint16}, {@code int32}, {@code uint32},
     * {@code int64} or {@code bool}.
     */
    public String dtype() {
        return dtype;
    }

    /** The values themselves, for this package's readers that hand them on without a copy. */
    double[] values() {
        return data;
    }

    /** All values in C order, as a new {@code double[]}. */
    public double[] toDoubleArray() {
        return data.clone();
    }

    /** All values in C order, rounded to {@code float} (exact for float32, 8- and 16-bit files). */
    public float[] toFloatArray() {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) data[i];
        }
        return out;
    }

    /**
     * The value at a multi-index, one index per dimension.
     *
     * @throws IllegalArgumentException if the number of indices is not the rank
     * @throws IndexOutOfBoundsException if an index is outside its dimension
     */
    public double get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index has " + index.length
                    + " components but the array has rank " + shape.length);
        }
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            flat = flat * shape[d] + Objects.checkIndex(index[d], shape[d]);
        }
        return data[flat];
    }

    /** The shape as NumPy prints it, e.g. {@code (1, 32, 32)}, {@code (5,)} or {@code ()}. */
    public static String shapeString(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        if (shape.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }

    static long elementCount(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape)
                        + " has a negative dimension");
            }
            n = Math.multiplyExact(n, (long) d);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && Arrays.equals(shape, a.shape) && dtype.equals(a.dtype)
                && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(shape) + dtype.hashCode()) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray" + shapeString(shape) + " " + dtype;
    }
}
