package org.scatter4j.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.scatter4j.io.ImageReader;

/**
 * Reads the image of one row's input column as height x width float32 grey values: an
 * {@code array<float>} or {@code array<double>} (row-major), or a struct of Spark's image schema
 * (8-bit grey, BGR or BGRA bytes, row-major, divided by 255 and turned grey with the BT.601 weights
 * of {@link ImageReader}). A value that cannot be read gives the reason, for the error message or
 * for handleInvalid.
 */
final class RowPixels implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Spark's image modes of 8-bit unsigned pixels (OpenCV's CV_8UC1, CV_8UC3, CV_8UC4) and their channels. */
    private static final int CV_8UC1 = 0;
    private static final int CV_8UC3 = 16;
    private static final int CV_8UC4 = 24;

    private final int height;
    private final int width;
    private final boolean image;
    /** Field positions in an image struct: origin, height, width, nChannels, mode, data. */
    private final int[] imageFields;

    RowPixels(DataType type, int height, int width) {
        this.height = height;
        this.width = width;
        this.image = type instanceof StructType;
        if (image) {
            StructType s = (StructType) type;
            imageFields = new int[] {s.fieldIndex("origin"), s.fieldIndex("height"), s.fieldIndex("width"),
                s.fieldIndex("nChannels"), s.fieldIndex("mode"), s.fieldIndex("data")};
        } else {
            imageFields = null;
        }
    }

    /** Checks that column {@code name} of type {@code t} holds images this class can read. */
    static void checkType(String name, DataType t) {
        if (t instanceof ArrayType a && (a.elementType().equals(DataTypes.FloatType)
                || a.elementType().equals(DataTypes.DoubleType))) {
            return;
        }
        if (t instanceof StructType s) {
            List<String> f = List.of(s.fieldNames());
            if (f.containsAll(List.of("origin", "height", "width", "nChannels", "mode", "data"))) {
                return;
            }
        }
        throw new IllegalArgumentException("inputCol '" + name + "' is of type " + t.simpleString()
                + "; expected array<float>, array<double> or Spark's image struct (origin, height, width, nChannels, mode, data)");
    }

    /**
     * Writes the pixels of column {@code column} of {@code row} to {@code dst[off, off + height * width)};
     * returns null, or why the value is not an image of this size (then {@code dst} may be partly written).
     */
    String read(Row row, int column, float[] dst, int off) {
        if (row.isNullAt(column)) {
            return "null image";
        }
        return image ? readImage(row.getStruct(column), dst, off) : readArray(row.getList(column), dst, off);
    }

    private String readArray(List<?> values, float[] dst, int off) {
        int n = height * width;
        if (values.size() != n) {
            return values.size() + " values, expected height x width = " + height + " x " + width + " = " + n;
        }
        for (int k = 0; k < n; k++) {
            Object v = values.get(k);
            if (v == null) {
                return "null value at index " + k;
            }
            float f = ((Number) v).floatValue();
            if (!Float.isFinite(f)) { // the transform runs in float32: a finite double beyond its range is refused too
                return "value " + v + " at index " + k + " (row " + k / width + ", column " + k % width + ") is "
                        + (Double.isFinite(((Number) v).doubleValue()) ? "beyond float32's range (|x| <= " + Float.MAX_VALUE + ")" : "not finite");
            }
            dst[off + k] = f;
        }
        return null;
    }

    private String readImage(Row img, float[] dst, int off) {
        String origin = img.isNullAt(imageFields[0]) ? "" : " (origin " + img.getString(imageFields[0]) + ")";
        int h = img.getInt(imageFields[1]);
        int w = img.getInt(imageFields[2]);
        int channels = img.getInt(imageFields[3]);
        int mode = img.getInt(imageFields[4]);
        if (h != height || w != width) {
            return "image of " + h + " x " + w + " pixels" + origin + ", expected height x width = " + height + " x " + width;
        }
        int expectedChannels = mode == CV_8UC1 ? 1 : mode == CV_8UC3 ? 3 : mode == CV_8UC4 ? 4 : -1;
        if (expectedChannels < 0 || channels != expectedChannels) {
            return "image mode " + mode + " with " + channels + " channels" + origin
                    + "; supported: 8-bit grey (mode 0), BGR (16) or BGRA (24)";
        }
        byte[] data = (byte[]) img.get(imageFields[5]);
        if (data == null || data.length != h * w * channels) {
            return "image data of " + (data == null ? 0 : data.length) + " bytes" + origin + ", expected " + h + " x " + w
                    + " x " + channels + " = " + h * w * channels;
        }
        for (int k = 0; k < h * w; k++) {
            int p = k * channels;
            dst[off + k] = channels == 1 ? (float) ((data[p] & 0xFF) / 255.0)
                    : (float) (ImageReader.RED_WEIGHT * ((data[p + 2] & 0xFF) / 255.0) + ImageReader.GREEN_WEIGHT * ((data[p + 1] & 0xFF)
                    / 255.0) + ImageReader.BLUE_WEIGHT * ((data[p] & 0xFF) / 255.0));
        }
        return null;
    }
}
