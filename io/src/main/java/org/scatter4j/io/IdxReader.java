package org.scatter4j.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX files MNIST is distributed in: images (magic {@code 0x00000803}: unsigned bytes,
 * dimensions [n, rows, cols]) and labels ({@code 0x00000801}: unsigned bytes, [n]), gzipped or not.
 *
 * <p>Compression is detected from the gzip magic bytes {@code 1f 8b}, not the file name, because
 * browsers and mirrors often unpack the files but keep the {@code .gz} name (or the reverse).
 * Pixels are divided by 255, so images come back in [0, 1] as the scattering transforms expect.
 *
 * <p>Every failure is an {@link IOException} whose message starts with the file name. A full read
 * also checks that nothing follows the last record, while reading only the first {@code n}
 * records stops there and does not look at the rest of the file.
 *
 * <p>Format: <a href="http://yann.lecun.com/exdb/mnist/">yann.lecun.com/exdb/mnist</a>.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int ALL = -1;
    private static final float[] BYTE_TO_UNIT = new float[256];

    static {
        for (int k = 0; k < 256; k++) {
            BYTE_TO_UNIT[k] = k / 255f;
        }
    }

    private IdxReader() {
    }

    /** Reads all images of an IDX image file. */
    public static IdxImages readImages(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parseImages(in, file.toString(), ALL).images;
        }
    }

    /**
     * Reads the first {@code first} images of an IDX image file.
     *
     * @throws IllegalArgumentException if {@code first} is negative or more than the file holds
     */
    public static IdxImages readImages(Path file, int first) throws IOException {
        checkFirst(first);
        try (InputStream in = Files.newInputStream(file)) {
            return parseImages(in, file.toString(), first).images;
        }
    }

    /**
     * Reads images from a stream (for example a classpath resource), all of them if {@code first}
     * is negative, else the first {@code first}; {@code name} is used in error messages.
     */
    public static IdxImages readImages(InputStream in, String name, int first) throws IOException {
        return parseImages(in, name, first < 0 ? ALL : first).images;
    }

    /** Reads all labels of an IDX label file. */
    public static int[] readLabels(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parseLabels(in, file.toString(), ALL).labels;
        }
    }

    /**
     * Reads the first {@code first} labels of an IDX label file.
     *
     * @throws IllegalArgumentException if {@code first} is negative or more than the file holds
     */
    public static int[] readLabels(Path file, int first) throws IOException {
        checkFirst(first);
        try (InputStream in = Files.newInputStream(file)) {
            return parseLabels(in, file.toString(), first).labels;
        }
    }

    /** Reads labels from a stream, all if {@code first} is negative; {@code name} is for messages. */
    public static int[] readLabels(InputStream in, String name, int first) throws IOException {
        return parseLabels(in, name, first < 0 ? ALL : first).labels;
    }

    /**
     * Reads an image file and its label file, checking that both headers give the same count.
     *
     * @throws IOException if either file is unreadable or the counts differ
     */
    public static LabelledImages readPair(Path images, Path labels) throws IOException {
        try (InputStream i = Files.newInputStream(images); InputStream l = Files.newInputStream(labels)) {
            return readPair(i, images.toString(), l, labels.toString(), ALL);
        }
    }

    /** Like {@link #readPair(Path, Path)}, keeping only the first {@code first} records. */
    public static LabelledImages readPair(Path images, Path labels, int first) throws IOException {
        checkFirst(first);
        try (InputStream i = Files.newInputStream(images); InputStream l = Files.newInputStream(labels)) {
            return readPair(i, images.toString(), l, labels.toString(), first);
        }
    }

    /** Stream form of {@link #readPair(Path, Path, int)}; all records if {@code first} is negative. */
    public static LabelledImages readPair(InputStream images, String imagesName, InputStream labels,
                                          String labelsName, int first) throws IOException {
        // Read the label header first: it is cheap, and a count mismatch is reported before
        // spending time on 47 MB of pixels.
        Labels l = parseLabels(labels, labelsName, first < 0 ? ALL : first);
        Images i = parseImages(images, imagesName, first < 0 ? ALL : first);
        if (i.headerCount != l.headerCount) {
            throw new IOException(imagesName + " holds " + i.headerCount + " images but " + labelsName
                    + " holds " + l.headerCount + " labels; the files do not belong together");
        }
        return LabelledImages.wrap(i.images, l.labels);
    }

    private static void checkFirst(int first) {
        if (first < 0) {
            throw new IllegalArgumentException("first must be >= 0, got " + first);
        }
    }

    private record Images(IdxImages images, int headerCount) {
    }

    private record Labels(int[] labels, int headerCount) {
    }

    private static Images parseImages(InputStream raw, String name, int first) throws IOException {
        try (DataInputStream in = new DataInputStream(decompressIfGzipped(raw, name))) {
            int magic = header(in, name, IMAGES_MAGIC, "images");
            int n = dimension(in, name, "image count");
            int rows = dimension(in, name, "rows");
            int cols = dimension(in, name, "cols");
            int take = take(name, n, first, "images");
            long perImage = (long) rows * cols;
            long total = ReadLimit.times(perImage, n);
            if (total > Integer.MAX_VALUE) {
                throw new IOException(name + ": " + n + " images of " + rows + "x" + cols + " are "
                        + (total == Long.MAX_VALUE ? "more than 2^63" : String.valueOf(total)) + " pixels, more than the "
                        + Integer.MAX_VALUE + " a Java array can hold");
            }
            int bytes = (int) (perImage * take);
            // the bytes as read, then as float
            ReadLimit.check(name, take + " images of " + rows + "x" + cols, (long) bytes * (1 + Float.BYTES));
            byte[] raw8 = readBody(in, name, bytes, () -> "header says " + n + " images of " + rows + "x" + cols
                    + " (" + perImage * n + " bytes)");
            if (take == n) {
                checkNothingFollows(in, name, n + " images");
            }
            float[] pixels = new float[bytes];
            for (int k = 0; k < bytes; k++) {
                pixels[k] = BYTE_TO_UNIT[raw8[k] & 0xFF];
            }
            assert magic == IMAGES_MAGIC;
            return new Images(IdxImages.wrap(pixels, take, rows, cols), n);
        }
    }

    private static Labels parseLabels(InputStream raw, String name, int first) throws IOException {
        try (DataInputStream in = new DataInputStream(decompressIfGzipped(raw, name))) {
            header(in, name, LABELS_MAGIC, "labels");
            int n = dimension(in, name, "label count");
            int take = take(name, n, first, "labels");
            ReadLimit.check(name, take + " labels", (long) take * (1 + Integer.BYTES));
            byte[] raw8 = readBody(in, name, take, () -> "header says " + n + " labels (" + n + " bytes)");
            if (take == n) {
                checkNothingFollows(in, name, n + " labels");
            }
            int[] labels = new int[take];
            for (int k = 0; k < take; k++) {
                labels[k] = raw8[k] & 0xFF;
            }
            return new Labels(labels, n);
        }
    }

    private static int take(String name, int n, int first, String what) {
        if (first == ALL) {
            return n;
        }
        if (first > n) {
            throw new IllegalArgumentException(name + ": asked for the first " + first + " " + what
                    + " but the file holds only " + n);
        }
        return first;
    }

    /**
     * Returns a stream of the IDX bytes: {@code in} itself, or its gzip decompression if it starts
     * with the gzip magic bytes.
     */
    static InputStream decompressIfGzipped(InputStream in, String name) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        b.mark(2);
        int b0 = b.read();
        int b1 = b.read();
        b.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                return new BufferedInputStream(new GZIPInputStream(b, 1 << 16), 1 << 16);
            } catch (EOFException e) {
                throw new IOException(name + ": truncated: gzip header is incomplete", e);
            } catch (ZipException e) {
                throw new IOException(name + ": corrupt gzip data: " + e.getMessage(), e);
            }
        }
        return b;
    }

    private static int header(DataInputStream in, String name, int expected, String what) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new IOException(name + ": truncated: file ends inside the 4-byte IDX magic number", e);
        } catch (ZipException e) {
            throw new IOException(name + ": corrupt gzip data: " + e.getMessage(), e);
        }
        if (magic != expected) {
            String hint = magic == IMAGES_MAGIC ? " (this is an image file)"
                    : magic == LABELS_MAGIC ? " (this is a label file)" : "";
            throw new IOException(String.format("%s: wrong magic number 0x%08x%s, expected 0x%08x"
                    + " (IDX unsigned bytes, %d dimension%s: %s)", name, magic, hint, expected,
                    expected & 0xFF, (expected & 0xFF) == 1 ? "" : "s", what));
        }
        return magic;
    }

    private static int dimension(DataInputStream in, String name, String what) throws IOException {
        int d;
        try {
            d = in.readInt();
        } catch (EOFException e) {
            throw new IOException(name + ": truncated: file ends inside the IDX header (" + what + ")", e);
        } catch (ZipException e) {
            throw new IOException(name + ": corrupt gzip data: " + e.getMessage(), e);
        }
        if (d < 0) {
            throw new IOException(name + ": bad header: " + what + " is " + d + " (read as a signed 32-bit"
                    + " integer), expected at most " + Integer.MAX_VALUE);
        }
        return d;
    }

    private static byte[] readBody(InputStream in, String name, int bytes, java.util.function.Supplier<String> says)
            throws IOException {
        // readNBytes(int) collects what arrives in small buffers and sizes the array to it, so a
        // header that claims more than the file (or gzip stream) holds costs no more than the data
        byte[] buf;
        try {
            buf = in.readNBytes(bytes);
        } catch (EOFException e) {
            throw new IOException(name + ": truncated: gzip stream ends early; " + says.get(), e);
        } catch (ZipException e) {
            throw new IOException(name + ": corrupt gzip data: " + e.getMessage(), e);
        }
        if (buf.length < bytes) {
            throw new IOException(name + ": truncated: " + says.get() + " but only " + buf.length + " bytes follow");
        }
        return buf;
    }

    private static void checkNothingFollows(InputStream in, String name, String what) throws IOException {
        long extra = 0;
        try {
            // counted up to a bound: a gzip bomb after the records is not inflated to its end
            byte[] sink = new byte[8192];
            for (int r; extra <= TRAILING_COUNT_LIMIT && (r = in.read(sink)) >= 0; ) {
                extra += r;
            }
        } catch (EOFException e) {
            throw new IOException(name + ": truncated: gzip stream ends early after the " + what, e);
        } catch (ZipException e) {
            throw new IOException(name + ": corrupt gzip data: " + e.getMessage(), e);
        }
        if (extra > 0) {
            throw new IOException(name + ": corrupt: " + (extra > TRAILING_COUNT_LIMIT ? "more than " + TRAILING_COUNT_LIMIT
                    : String.valueOf(extra)) + " unexpected bytes after the " + what);
        }
    }

    /** Trailing bytes are counted up to this many, then reading stops. */
    private static final int TRAILING_COUNT_LIMIT = 1 << 20;
}
