package org.scatter4j.io;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A stack of equally sized grey images, as stored in an IDX file: {@code count} images of
 * {@code rows x cols} pixels in [0, 1], in one row-major array (image, row, column).
 *
 * <p>Immutable. One flat array rather than an array of images keeps 60 000 MNIST digits in a
 * single 188 MB block that a transform can stream through; {@link #pixels()} copies it, while
 * {@link #pixelView()} gives read-only access without copying.
 */
public final class IdxImages {

    private final float[] pixels;
    private final int count;
    private final int rows;
    private final int cols;

    /**
     * @param pixels the values, {@code count * rows * cols} of them, image by image, each row-major; copied
     * @throws IllegalArgumentException if a dimension is negative or the length does not match
     */
    public IdxImages(float[] pixels, int count, int rows, int cols) {
        this(pixels.clone(), count, rows, cols, true);
    }

    private IdxImages(float[] pixels, int count, int rows, int cols, boolean owned) {
        if (count < 0 || rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative dimension: count " + count + ", rows " + rows
                    + ", cols " + cols);
        }
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException("pixels has " + pixels.length + " values but " + count + " images of "
                    + rows + "x" + cols + " need " + (long) count * rows * cols);
        }
        this.pixels = pixels;
        this.count = count;
        this.rows = rows;
        this.cols = cols;
    }

    /** Wraps an array this package will not touch again, to avoid copying large data. */
    static IdxImages wrap(float[] pixels, int count, int rows, int cols) {
        return new IdxImages(pixels, count, rows, cols, true);
    }

    /** Number of images. */
    public int count() {
        return count;
    }

    /** Height of every image. */
    public int rows() {
        return rows;
    }

    /** Width of every image. */
    public int cols() {
        return cols;
    }

    /** {@code {count, rows, cols}}, the IDX dimensions. */
    public int[] shape() {
        return new int[] {count, rows, cols};
    }

    /** All pixels as a new array, image by image, each row-major. */
    public float[] pixels() {
        return pixels.clone();
    }

    /** All pixels as a read-only view, without copying. */
    public FloatBuffer pixelView() {
        return FloatBuffer.wrap(pixels).asReadOnlyBuffer();
    }

    /** Image {@code i} as a new row-major array of {@code rows * cols} values. */
    public float[] image(int i) {
        Objects.checkIndex(i, count);
        int n = rows * cols;
        return Arrays.copyOfRange(pixels, i * n, (i + 1) * n);
    }

    /** Image {@code i} as a {@link GreyImage} (double precision), for the image-based APIs. */
    public GreyImage greyImage(int i) {
        float[] f = image(i);
        double[] d = new double[f.length];
        for (int k = 0; k < f.length; k++) {
            d[k] = f[k];
        }
        return GreyImage.wrap(d, cols, rows);
    }

    /** The pixel of image {@code i} at ({@code row}, {@code col}). */
    public float pixel(int i, int row, int col) {
        Objects.checkIndex(i, count);
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return pixels[(i * rows + row) * cols + col];
    }

    /** The first {@code n} images (a copy). */
    public IdxImages first(int n) {
        Objects.checkFromToIndex(0, n, count);
        return wrap(Arrays.copyOf(pixels, n * rows * cols), n, rows, cols);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxImages m && m.count == count && m.rows == rows && m.cols == cols
                && Arrays.equals(m.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, rows, cols) * 31 + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "IdxImages[" + count + " x " + rows + "x" + cols + "]";
    }
}
