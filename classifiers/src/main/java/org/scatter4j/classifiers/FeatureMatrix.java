package org.scatter4j.classifiers;

import java.util.Arrays;

/**
 * A dense matrix of {@code rows x cols} float features, one example per row, stored row-major in a
 * single {@code float[]}.
 *
 * <p>Why one array: scattering features of the full MNIST training set are 60000 x 3969 = 238 M
 * floats, which fits one Java array (limit 2^31 - 1) and gives the classifiers' inner loops a
 * contiguous, cache-friendly row at {@code data()[offset(i) .. offset(i) + cols)}.
 *
 * <p>The backing array is <em>shared, never copied</em>: {@link #wrap} keeps the caller's array,
 * {@link #data()} returns it, and {@link #selectRows(int[])} returns a <em>view</em> of some rows
 * of the same array (used by cross-validation so that folds cost no memory). The classifiers never
 * copy or modify it; only {@link Standardizer#transform(FeatureMatrix)} and {@link
 * LogTransform#apply(FeatureMatrix)} write to it, in place, as documented there.
 */
public final class FeatureMatrix {

    /** Largest array length the JVM reliably allocates. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8L;

    private final float[] data;
    private final int rows;
    private final int cols;
    /** Physical row of each logical row, or {@code null} for the identity (not a view). */
    private final int[] rowIndex;

    /** Allocates a zero matrix of {@code rows x cols}. */
    public FeatureMatrix(int rows, int cols) {
        this(new float[checkedSize(rows, cols)], rows, cols, null);
    }

    private FeatureMatrix(float[] data, int rows, int cols, int[] rowIndex) {
        this.data = data;
        this.rows = rows;
        this.cols = cols;
        this.rowIndex = rowIndex;
    }

    /**
     * Wraps (does not copy) a row-major array of exactly {@code rows * cols} floats.
     *
     * @throws IllegalArgumentException if the length does not match or a size is negative
     */
    public static FeatureMatrix wrap(float[] data, int rows, int cols) {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        long size = checkedSize(rows, cols);
        if (data.length != size) {
            throw new IllegalArgumentException(
                    "data.length = " + data.length + " but rows * cols = " + rows + " * " + cols + " = " + size);
        }
        return new FeatureMatrix(data, rows, cols, null);
    }

    private static int checkedSize(int rows, int cols) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows = " + rows + " must be >= 0");
        }
        if (cols < 1) {
            throw new IllegalArgumentException("cols = " + cols + " must be >= 1");
        }
        long size = (long) rows * cols;
        if (size > MAX_ELEMENTS) {
            throw new IllegalArgumentException(
                    "rows * cols = " + size + " exceeds the single-array limit " + MAX_ELEMENTS);
        }
        return (int) size;
    }

    /**
     * The first {@code n} rows as a view (no copy): a training prefix of a larger matrix, e.g. each
     * size of a learning curve.
     */
    public FeatureMatrix firstRows(int n) {
        if (n < 0 || n > rows) {
            throw new IllegalArgumentException("n = " + n + " rows requested, the matrix has " + rows);
        }
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = rowIndex == null ? i : rowIndex[i];
        }
        return new FeatureMatrix(data, n, cols, index);
    }

    /** Number of rows (examples). */
    public int rows() {
        return rows;
    }

    /** Number of columns (features per example). */
    public int cols() {
        return cols;
    }

    /** The backing array itself (not a copy); for a view it also holds rows outside the view. */
    public float[] data() {
        return data;
    }

    /** Whether this matrix is a row view created by {@link #selectRows(int[])}. */
    public boolean isView() {
        return rowIndex != null;
    }

    /** Index in {@link #data()} of the first element of logical row {@code row}. */
    public int offset(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row = " + row + " not in [0, " + rows + ")");
        }
        return (rowIndex == null ? row : rowIndex[row]) * cols;
    }

    public float get(int row, int col) {
        checkCol(col);
        return data[offset(row) + col];
    }

    public void set(int row, int col, float value) {
        checkCol(col);
        data[offset(row) + col] = value;
    }

    private void checkCol(int col) {
        if (col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("col = " + col + " not in [0, " + cols + ")");
        }
    }

    /** A copy of one row. */
    public float[] row(int row) {
        int off = offset(row);
        return Arrays.copyOfRange(data, off, off + cols);
    }

    /**
     * A view of the given logical rows sharing this matrix's array (no copy). Rows may repeat.
     *
     * @throws IllegalArgumentException if an index is out of range
     */
    public FeatureMatrix selectRows(int[] rows) {
        if (rows == null) {
            throw new IllegalArgumentException("rows must not be null");
        }
        int[] physical = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0 || rows[i] >= this.rows) {
                throw new IllegalArgumentException(
                        "rows[" + i + "] = " + rows[i] + " not in [0, " + this.rows + ")");
            }
            physical[i] = rowIndex == null ? rows[i] : rowIndex[rows[i]];
        }
        return new FeatureMatrix(data, rows.length, cols, physical);
    }

    /**
     * Checks that every element of every row of this matrix (view) is finite.
     *
     * @param name parameter name used in the exception message
     * @throws IllegalArgumentException naming the first row and column holding NaN or infinity
     */
    public void requireFinite(String name) {
        for (int i = 0; i < rows; i++) {
            int off = offset(i);
            for (int j = 0; j < cols; j++) {
                float v = data[off + j];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException(
                            name + "[" + i + "][" + j + "] = " + v + " is not finite (NaN or infinity not allowed)");
                }
            }
        }
    }

    /** Checks that one row is finite and has this length. */
    static void requireRow(float[] row, int expectedCols, String name) {
        if (row == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (row.length != expectedCols) {
            throw new IllegalArgumentException(
                    name + ".length = " + row.length + " but the model expects " + expectedCols + " features");
        }
        for (int j = 0; j < row.length; j++) {
            if (!Float.isFinite(row[j])) {
                throw new IllegalArgumentException(
                        name + "[" + j + "] = " + row[j] + " is not finite (NaN or infinity not allowed)");
            }
        }
    }

    @Override
    public String toString() {
        return "FeatureMatrix[" + rows + " x " + cols + (rowIndex == null ? "" : ", view") + "]";
    }
}
