package org.scatter4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Writes a float32 or float64 NPY file a piece at a time, so that an array larger than memory
 * (the features of many images) can be written as it is computed: the header, which only needs the
 * shape, goes first; the values follow in C order through {@link #write}. Memory use is one 1 MB
 * buffer whatever the array's size. The bytes are exactly those of {@link Npy#write}.
 *
 * <p>{@link #close()} checks that exactly the number of values of the shape was written and throws
 * otherwise: the file is then incomplete and the caller should delete it. Not thread-safe.
 */
public final class NpyWriter implements AutoCloseable {
    private final Path file;
    private final FileChannel ch;
    private final boolean float64;
    private final long expected;
    private final ByteBuffer buf;
    private long written;

    private NpyWriter(Path file, boolean float64, int[] shape) throws IOException {
        this.expected = NpyArray.elementCount(shape);
        this.file = file;
        this.float64 = float64;
        this.buf = ByteBuffer.allocate(Npy.CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        this.ch = Npy.openForWrite(file);
        try {
            Npy.writeAll(ch, ByteBuffer.wrap(Npy.header(float64 ? "<f8" : "<f4", shape)));
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    /** A float32 file of this shape (replacing the file). */
    public static NpyWriter float32(Path file, int... shape) throws IOException {
        return new NpyWriter(file, false, shape.clone());
    }

    /** A float64 file of this shape (replacing the file). */
    public static NpyWriter float64(Path file, int... shape) throws IOException {
        return new NpyWriter(file, true, shape.clone());
    }

    /** Appends {@code src[off, off + n)}, rounded to float32 if the file is float32. */
    public void write(double[] src, int off, int n) throws IOException {
        checkRoom(src.length, off, n);
        int size = float64 ? 8 : 4;
        for (int done = 0; done < n; ) {
            int m = Math.min(buf.capacity() / size, n - done);
            buf.clear();
            if (float64) {
                buf.asDoubleBuffer().put(src, off + done, m);
            } else {
                for (int i = 0; i < m; i++) {
                    buf.putFloat(i * 4, (float) src[off + done + i]);
                }
            }
            buf.limit(m * size);
            Npy.writeAll(ch, buf);
            done += m;
        }
        written += n;
    }

    /** Appends {@code src[off, off + n)} (widened exactly if the file is float64). */
    public void write(float[] src, int off, int n) throws IOException {
        checkRoom(src.length, off, n);
        int size = float64 ? 8 : 4;
        for (int done = 0; done < n; ) {
            int m = Math.min(buf.capacity() / size, n - done);
            buf.clear();
            if (float64) {
                for (int i = 0; i < m; i++) {
                    buf.putDouble(i * 8, src[off + done + i]);
                }
            } else {
                buf.asFloatBuffer().put(src, off + done, m);
            }
            buf.limit(m * size);
            Npy.writeAll(ch, buf);
            done += m;
        }
        written += n;
    }

    private void checkRoom(int length, int off, int n) {
        java.util.Objects.checkFromIndexSize(off, n, length);
        if (written + n > expected) {
            throw new IllegalStateException(file + ": writing " + n + " more values would exceed the " + expected
                    + " of the header's shape (" + written + " written)");
        }
    }

    /** Values written so far. */
    public long written() {
        return written;
    }

    /**
     * Closes the file.
     *
     * @throws IOException if fewer values were written than the shape needs (the file is then
     *                     incomplete), or closing fails
     */
    @Override
    public void close() throws IOException {
        ch.close();
        if (written != expected) {
            throw new IOException(file + ": incomplete NPY file: " + written + " of " + expected + " values written");
        }
    }
}
