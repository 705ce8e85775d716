package org.scatter4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the values of an NPY file a piece at a time, in file order, so that an array larger than
 * memory can be processed in chunks. Memory use is one 1 MB buffer whatever the file's size.
 * Understands the same versions, byte orders and element types as {@link Npy#read}, and checks the
 * header against the file size when opened. Values come in storage order, which is C order unless
 * {@link #fortranOrder()}. Not thread-safe.
 */
public final class NpyReader implements AutoCloseable {
    private final FileChannel ch;
    private final Npy.Layout layout;
    private final ByteBuffer buf;
    private long position;
    private long done;
    /** The data, mapped when {@link #readAt} is first used (files of up to 2 GB of data). */
    private ByteBuffer mapped;

    private NpyReader(Path file) throws IOException {
        this.ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            // the values are never held at once, so only what a long can count limits the file
            this.layout = Npy.layout(file.toString(), ch, Long.MAX_VALUE - 1);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        this.buf = layout.newBuffer();
        this.position = layout.dataStart();
    }

    /** Opens a file and checks its header. */
    public static NpyReader open(Path file) throws IOException {
        return new NpyReader(file);
    }

    /** The dimensions, outermost first (a copy). */
    public int[] shape() {
        return layout.shape().clone();
    }

    /** The NumPy name of the element type, e.g. {@code float32}. */
    public String dtype() {
        return layout.dtype();
    }

    public boolean fortranOrder() {
        return layout.fortranOrder();
    }

    /** Number of values in the file. */
    public long size() {
        return layout.count();
    }

    /** Values not read yet. */
    public long remaining() {
        return layout.count() - done;
    }

    /**
     * Reads the next {@code n} values into {@code dst[off, off + n)}.
     *
     * @throws IllegalArgumentException if fewer than n values remain
     */
    public void read(double[] dst, int off, int n) throws IOException {
        java.util.Objects.checkFromIndexSize(off, n, dst.length);
        if (n > remaining()) {
            throw new IllegalArgumentException("asked for " + n + " values but only " + remaining() + " remain");
        }
        for (int k = 0; k < n; ) {
            int m = layout.readValues(ch, position, buf, dst, off + k, Math.min(layout.valuesPerBuffer(buf), n - k));
            position += (long) m * layout.type().size;
            k += m;
        }
        done += n;
    }

    /**
     * Reads the n values starting at storage index {@code index} into dst[0, n), without moving
     * the sequential position (for readers that regroup Fortran-order data).
     */
    void readAt(long index, double[] dst, int n) throws IOException {
        java.util.Objects.checkFromIndexSize(index, n, layout.count());
        long dataBytes = layout.count() * layout.type().size;
        if (mapped == null && dataBytes <= Integer.MAX_VALUE) {
            // many short reads at scattered places: from a mapping (page cache, no system call each)
            mapped = ch.map(FileChannel.MapMode.READ_ONLY, layout.dataStart(), dataBytes).order(layout.order());
        }
        if (mapped != null) {
            int at = (int) (index * layout.type().size);
            for (int k = 0; k < n; k++, at += layout.type().size) {
                dst[k] = layout.type().read(mapped.position(at));
            }
            return;
        }
        long pos = layout.dataStart() + index * layout.type().size;
        for (int k = 0; k < n; ) {
            int m = layout.readValues(ch, pos, buf, dst, k, Math.min(layout.valuesPerBuffer(buf), n - k));
            pos += (long) m * layout.type().size;
            k += m;
        }
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
