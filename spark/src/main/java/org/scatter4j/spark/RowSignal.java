package org.scatter4j.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Reads the signal of one row's input column as N doubles: an {@code array<double>}, an {@code
 * array<float>} (widened exactly) or an ML {@code Vector} (dense or sparse). A value that cannot be
 * read (null, a null sample, a length other than N) gives the reason, for the error message or for
 * handleInvalid; whether the samples are finite is the caller's check, in its own precision.
 */
final class RowSignal implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int length;
    private final boolean vector;

    RowSignal(DataType type, int length) {
        this.length = length;
        this.vector = isVector(type);
    }

    private static boolean isVector(DataType t) {
        return SQLDataTypes.VectorType().equals(t);
    }

    /** Checks that column {@code name} of type {@code t} holds signals this class can read. */
    static void checkType(String name, DataType t) {
        if (isVector(t) || t instanceof ArrayType a && (a.elementType().equals(DataTypes.FloatType)
                || a.elementType().equals(DataTypes.DoubleType))) {
            return;
        }
        throw new IllegalArgumentException("inputCol '" + name + "' is of type " + t.simpleString()
                + "; expected array<double>, array<float> or an ML Vector");
    }

    /**
     * Writes the samples of column {@code column} of {@code row} to {@code dst[off, off + N)}; returns
     * null, or why the value is not a signal of length N (then {@code dst} may be partly written).
     */
    String read(Row row, int column, double[] dst, int off) {
        if (row.isNullAt(column)) {
            return "null signal";
        }
        return vector ? readVector((Vector) row.get(column), dst, off) : readArray(row.getList(column), dst, off);
    }

    private String wrongLength(int n) {
        return n + " samples, expected signalLength = " + length;
    }

    private String readArray(List<?> values, double[] dst, int off) {
        if (values.size() != length) {
            return wrongLength(values.size());
        }
        for (int k = 0; k < length; k++) {
            Object v = values.get(k);
            if (v == null) {
                return "null sample at index " + k;
            }
            dst[off + k] = ((Number) v).doubleValue();
        }
        return null;
    }

    private String readVector(Vector v, double[] dst, int off) {
        if (v.size() != length) {
            return wrongLength(v.size());
        }
        if (v instanceof DenseVector d) {
            System.arraycopy(d.values(), 0, dst, off, length);
        } else {
            SparseVector s = (SparseVector) v;
            java.util.Arrays.fill(dst, off, off + length, 0.0);
            int[] index = s.indices();
            double[] values = s.values();
            for (int i = 0; i < index.length; i++) {
                dst[off + index[i]] = values[i];
            }
        }
        return null;
    }
}
