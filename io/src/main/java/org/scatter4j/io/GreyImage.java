package org.scatter4j.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * A grey-level image with values in [0, 1], stored row-major ({@code data[y * width + x]}), like
 * BoofCV's {@code GrayF64} but immutable and without the sub-image machinery.
 *
 * <p>Values are {@code double} so that 16-bit sources keep their precision and the transforms see
 * exactly {@code k / maxval}; {@link #toFloatArray()} gives single precision when memory matters.
 */
public final class GreyImage {

    private final double[] data;
    private final int width;
    private final int height;

    /**
     * @param data   {@code width * height} values, row-major; copied
     * @throws IllegalArgumentException if a size is not positive or the length does not match
     */
    public GreyImage(double[] data, int width, int height) {
        this(data.clone(), width, height, true);
    }

    private GreyImage(double[] data, int width, int height, boolean owned) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if ((long) width * height != data.length) {
            throw new IllegalArgumentException("data has " + data.length + " values but a " + width + "x" + height
                    + " image needs " + (long) width * height);
        }
        this.data = data;
        this.width = width;
        this.height = height;
    }

    static GreyImage wrap(double[] data, int width, int height) {
        return new GreyImage(data, width, height, true);
    }

    /** Number of columns. */
    public int width() {
        return width;
    }

    /** Number of rows. */
    public int height() {
        return height;
    }

    /** The value at column {@code x}, row {@code y}. */
    public double get(int x, int y) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        return data[y * width + x];
    }

    /** All values, row-major, as a new array. */
    public double[] toDoubleArray() {
        return data.clone();
    }

    /** All values, row-major, rounded to {@code float}, as a new array. */
    public float[] toFloatArray() {
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) data[i];
        }
        return f;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GreyImage g && g.width == width && g.height == height && Arrays.equals(g.data, data);
    }

    @Override
    public int hashCode() {
        return (width * 31 + height) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "GreyImage[" + width + "x" + height + "]";
    }
}
