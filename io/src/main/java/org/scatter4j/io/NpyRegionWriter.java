package org.scatter4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Writes a float32 or float64 NPY file in any order, run by run at given value indices: for an
 * array computed region by region (the tiles of a large image's scattering), whose C order is not
 * the order of computation. The header goes first; {@link #writeAt} puts each run of consecutive
 * values in place. The bytes are those of {@link Npy#write} once every value is written.
 *
 * <p>{@link #close()} checks that as many values were written as the shape has (each value once is
 * the caller's contract) and throws otherwise: the file is then incomplete and the caller should
 * delete it. Not thread-safe.
 */
public final class NpyRegionWriter implements AutoCloseable {
    private final Path file;
    private final FileChannel ch;
    private final boolean float64;
    private final long expected;
    private final long dataStart;
    private final ByteBuffer buf;
    private long written;

    /** A float32 ({@code float64} false) or float64 file of this shape (replacing the file). */
    public NpyRegionWriter(Path file, boolean float64, int... shape) throws IOException {
        this.expected = NpyArray.elementCount(shape.clone());
        this.file = file;
        this.float64 = float64;
        this.buf = ByteBuffer.allocate(Npy.CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        this.ch = Npy.openForWrite(file);
        try {
            byte[] header = Npy.header(float64 ? "<f8" : "<f4", shape.clone());
            Npy.writeAll(ch, ByteBuffer.wrap(header));
            this.dataStart = header.length;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Writes {@code src[off, off + n)} as values [index, index + n) of the array (rounded to float32 if float32). */
    public void writeAt(long index, double[] src, int off, int n) throws IOException {
        java.util.Objects.checkFromIndexSize(off, n, src.length);
        if (index < 0 || index > expected - n) {
            throw new IllegalArgumentException(file + ": values [" + index + ", " + (index + n) + ") are not inside the "
                    + expected + " values of the array");
        }
        int size = float64 ? 8 : 4;
        long pos = dataStart + index * size;
        for (int done = 0; done < n; ) {
            int m = Math.min(buf.capacity() / size, n - done);
            buf.clear();
            for (int i = 0; i < m; i++) {
                if (float64) {
                    buf.putDouble(i * 8, src[off + done + i]);
                } else {
                    buf.putFloat(i * 4, (float) src[off + done + i]);
                }
            }
            buf.limit(m * size);
            while (buf.hasRemaining()) {
                pos += ch.write(buf, pos);
            }
            done += m;
        }
        written += n;
    }

    /**
     * Closes the file.
     *
     * @throws IOException if fewer or more values were written than the shape has
     */
    @Override
    public void close() throws IOException {
        ch.close();
        if (written != expected) {
            throw new IOException(file + ": incomplete NPY file: " + written + " of " + expected + " values written");
        }
    }
}
