package org.scatter4j.io;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes IDX image and label files in MNIST's layout, optionally gzipped; used to make the bundled
 * MNIST subset and test fixtures. {@link IdxReader} reads back exactly what was written.
 */
public final class IdxWriter {

    private IdxWriter() {
    }

    /**
     * Writes images as unsigned bytes, {@code round(255 * v)}: lossless for images read by
     * {@link IdxReader}.
     *
     * @param gzip whether to gzip the file (the name is not checked; MNIST's convention is a {@code .gz} suffix)
     * @throws IllegalArgumentException if a pixel is outside [0, 1] or not a number, naming its index
     */
    public static void writeImages(Path file, IdxImages images, boolean gzip) throws IOException {
        float[] px = images.pixels();
        byte[] bytes = new byte[px.length];
        for (int k = 0; k < px.length; k++) {
            float v = px[k];
            if (!(v >= 0f && v <= 1f)) {
                throw new IllegalArgumentException(file + ": pixel " + k + " is " + v + ", outside [0, 1]");
            }
            bytes[k] = (byte) Math.round(v * 255f);
        }
        try (DataOutputStream out = open(file, gzip)) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(images.count());
            out.writeInt(images.rows());
            out.writeInt(images.cols());
            out.write(bytes);
        }
    }

    /**
     * Writes labels as unsigned bytes.
     *
     * @throws IllegalArgumentException if a label is outside 0..255, naming its index
     */
    public static void writeLabels(Path file, int[] labels, boolean gzip) throws IOException {
        byte[] bytes = new byte[labels.length];
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] < 0 || labels[k] > 255) {
                throw new IllegalArgumentException(file + ": label " + k + " is " + labels[k]
                        + ", outside 0..255 (one unsigned byte)");
            }
            bytes[k] = (byte) labels[k];
        }
        try (DataOutputStream out = open(file, gzip)) {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            out.write(bytes);
        }
    }

    private static DataOutputStream open(Path file, boolean gzip) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        if (gzip) {
            out = new GZIPOutputStream(out, 1 << 16);
        }
        return new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
    }
}
