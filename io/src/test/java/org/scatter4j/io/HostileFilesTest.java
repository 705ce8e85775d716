package org.scatter4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile files of issue 19 section 3, rebuilt from its descriptions: each is refused with a
 * one-line IOException naming the file, after allocating at most a few MB (measured with the
 * thread's allocation counter), whatever the size the file declares.
 */
class HostileFilesTest {
    /** What refusing any of these files may allocate: buffers and the bytes of the small file. */
    private static final long SMALL = 4L << 20;

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** Runs the read, checks it fails with a one-line IOException naming the file, returns the message. */
    private static String refused(Path file, long maxAllocated, Allocation.Action read) {
        Allocation.Measured m = Allocation.measure(read);
        assertInstanceOf(IOException.class, m.thrown(), () -> "expected an IOException, got " + m.thrown());
        String msg = m.thrown().getMessage();
        assertTrue(msg.startsWith(file.toString() + ": "), msg);
        assertTrue(!msg.contains("\n"), msg);
        assertTrue(m.bytes() <= maxAllocated, "allocated " + m.bytes() + " bytes refusing " + file + ": " + msg);
        return msg;
    }

    @Test
    void pgmClaiming46340SquaredPixelsIn120Bytes() throws IOException {
        byte[] b = new byte[120];
        byte[] head = "P5\n46340 46340\n255\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, b, 0, head.length);
        Path p = write("huge.pgm", b);
        String msg = refused(p, SMALL, () -> ImageReader.readGrey(p));
        assertTrue(msg.contains("truncated: PGM header says 46340x46340 pixels"), msg);
        Path plain = write("huge-plain.pgm", "P2 46340 46340 255\n1 2 3\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(refused(plain, SMALL, () -> ImageReader.readGrey(plain)).contains("PGM header says 46340x46340 pixels but the 7 bytes after the header hold at most 4 samples"));
    }

    /** A PNG of 873 KB whose IHDR says 30000 x 30000 grey pixels. */
    @Test
    void pngDeclaring30000SquaredIsRefusedFromItsHeader() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(30000).putInt(30000).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        pngChunk(png, "IHDR", ihdr.array());
        // the compressed rows are never looked at: the header alone is enough to refuse the image
        byte[] idat = new byte[873 * 1024];
        new java.util.Random(19).nextBytes(idat);
        pngChunk(png, "IDAT", idat);
        pngChunk(png, "IEND", new byte[0]);
        Path p = write("huge.png", png.toByteArray());
        assertTrue(Files.size(p) > 873 * 1024);
        String msg = refused(p, SMALL + Files.size(p) * 3, () -> ImageReader.readGrey(p));
        assertTrue(msg.contains("image of 30000x30000 pixels needs 7.5 GB of memory to read, more than the limit of"), msg);
    }

    private static void pngChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] idxHeader(int n, int rows, int cols) {
        return ByteBuffer.allocate(16).putInt(IdxReader.IMAGES_MAGIC).putInt(n).putInt(rows).putInt(cols).array();
    }

    @Test
    void idxOf1KbClaimingMillionsOfImages() throws IOException {
        byte[] b = new byte[1024];
        System.arraycopy(idxHeader(2_700_000, 28, 28), 0, b, 0, 16);
        Path p = write("huge-idx3-ubyte", b);
        String msg = refused(p, SMALL, () -> IdxReader.readImages(p));
        assertTrue(msg.contains("2700000 images of 28x28 needs 9.9 GB of memory to read, more than the limit"), msg);
        // a claim within the limit, but far beyond the file: truncated, having allocated about the file's size
        System.arraycopy(idxHeader(20_000, 28, 28), 0, b, 0, 16);
        Path q = write("short-idx3-ubyte", b);
        msg = refused(q, SMALL, () -> IdxReader.readImages(q));
        assertTrue(msg.contains("truncated: header says 20000 images of 28x28 (15680000 bytes) but only 1008 bytes follow"), msg);
    }

    @Test
    void gzipBombIsNotInflatedBeyondTheDeclaredSize() throws IOException {
        // 10 images of 28x28, then 64 MB of zeros (the reader stops after 1 MB of them)
        Path p = dir.resolve("bomb-idx3-ubyte.gz");
        try (OutputStream z = new GZIPOutputStream(Files.newOutputStream(p), 1 << 16)) {
            z.write(idxHeader(10, 28, 28));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                z.write(zeros);
            }
        }
        long t0 = System.nanoTime();
        String msg = refused(p, SMALL, () -> IdxReader.readImages(p));
        assertTrue(msg.contains("corrupt: more than 1048576 unexpected bytes after the 10 images"), msg);
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "inflating stopped early");
        // a bomb whose header claims what it inflates to: refused by the limit before inflating
        Path q = dir.resolve("bomb2-idx3-ubyte.gz");
        try (OutputStream z = new GZIPOutputStream(Files.newOutputStream(q))) {
            z.write(idxHeader(2_000_000_000 / 784, 28, 28));
            z.write(new byte[1 << 20]);
        }
        String old = System.setProperty(ReadLimit.PROPERTY, "64m");
        try {
            msg = refused(q, SMALL, () -> IdxReader.readImages(q));
            assertTrue(msg.contains("more than the limit of 64.0 MB (system property scatter4j.io.maxBytes)"), msg);
        } finally {
            WavReaderTest.restore(old);
        }
    }

    @Test
    void deeplyNestedNpyHeaderIsRefusedWithoutRecursingDeep() throws IOException {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': " + "(".repeat(60000) + ")".repeat(60000) + "}";
        ByteBuffer b = ByteBuffer.allocate(12 + header.length() + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(header.length() + 1)
                .put(header.getBytes(StandardCharsets.US_ASCII)).put((byte) '\n');
        Path p = write("deep.npy", b.array());
        String msg = refused(p, SMALL, () -> Npy.read(p));
        assertTrue(msg.contains("bad header: nested more than 32 levels deep"), msg);
        msg = refused(p, SMALL, () -> NpyReader.open(p).close());
        assertTrue(msg.contains("nested more than 32 levels"), msg);
    }

    @Test
    void npyClaimingMoreThanTheFileOrTheLimit() throws IOException {
        String header = "{'descr': '<f8', 'fortran_order': True, 'shape': (46340, 46340), }";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 1 + 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) (header.length() + 1))
                .put(header.getBytes(StandardCharsets.US_ASCII)).put((byte) '\n');
        Path p = write("claim.npy", b.array());
        assertTrue(refused(p, SMALL, () -> Npy.read(p)).contains("truncated: header says 2147395600 float64 values"));
        Path u8 = dir.resolve("u8.npy");
        byte[] h = Npy.header("|u1", new int[] {1 << 20});
        byte[] file = new byte[h.length + (1 << 20)];
        System.arraycopy(h, 0, file, 0, h.length);
        Files.write(u8, file);
        String old = System.setProperty(ReadLimit.PROPERTY, "4m");
        try {
            String msg = refused(u8, SMALL, () -> Npy.read(u8));
            assertTrue(msg.contains("array of shape (1048576,) (1048576 values as float64) needs 8.0 MB of memory"), msg);
        } finally {
            WavReaderTest.restore(old);
        }
    }

    /** A Fortran-order NPY is reordered into the one array it is read into: about 1x its values, not 2x. */
    @Test
    void fortranOrderNpyIsReadWithoutASecondCopy() throws IOException {
        int rows = 2048;
        int cols = 2048;
        // column-major file: value (i, j) = i * cols + j stored at j * rows + i
        String header = "{'descr': '<f8', 'fortran_order': True, 'shape': (" + rows + ", " + cols + "), }";
        Path p = dir.resolve("fortran.npy");
        try (OutputStream out = Files.newOutputStream(p)) {
            ByteBuffer h = ByteBuffer.allocate(10 + header.length() + 1).order(ByteOrder.LITTLE_ENDIAN);
            h.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) (header.length() + 1))
                    .put(header.getBytes(StandardCharsets.US_ASCII)).put((byte) '\n');
            out.write(h.array());
            ByteBuffer col = ByteBuffer.allocate(8 * rows).order(ByteOrder.LITTLE_ENDIAN);
            for (int j = 0; j < cols; j++) {
                col.clear();
                for (int i = 0; i < rows; i++) {
                    col.putDouble((double) i * cols + j);
                }
                out.write(col.array());
            }
        }
        long values = 8L * rows * cols; // 32 MB
        NpyArray[] read = new NpyArray[1];
        Allocation.Measured m = Allocation.measure(() -> read[0] = Npy.read(p));
        assertNull(m.thrown());
        assertTrue(m.bytes() < values + SMALL, "allocated " + m.bytes() + " bytes for " + values + " bytes of values");
        double[] v = read[0].toDoubleArray();
        for (int k = 0; k < v.length; k += 9973) {
            assertEquals(k, v[k]);
        }
        assertArrayEquals(new int[] {rows, cols}, read[0].shape());
    }

    /**
     * A Fortran-order (B, H, W) batch streams through ImageStream a group of images at a time:
     * 12 images of 1024 x 1024 float32 (48 MB of file, 96 MB as doubles) in groups of 4 (32 MB).
     */
    @Test
    void fortranOrderBatchStreamsInGroups() throws IOException {
        int b = 12;
        int h = 1024;
        int w = 1024;
        String header = "{'descr': '<f4', 'fortran_order': True, 'shape': (" + b + ", " + h + ", " + w + "), }";
        Path p = dir.resolve("batch.npy");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(p), 1 << 20)) { // column-major
            ByteBuffer head = ByteBuffer.allocate(10 + header.length() + 1).order(ByteOrder.LITTLE_ENDIAN);
            head.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) (header.length() + 1))
                    .put(header.getBytes(StandardCharsets.US_ASCII)).put((byte) '\n');
            out.write(head.array());
            ByteBuffer v = ByteBuffer.allocate(4 * b).order(ByteOrder.LITTLE_ENDIAN);
            for (int j = 0; j < w; j++) {
                for (int i = 0; i < h; i++) {
                    v.clear();
                    for (int k = 0; k < b; k++) {
                        v.putFloat(k * 1_000_000f + i * w + j); // below 2^24: exact in float32
                    }
                    out.write(v.array());
                }
            }
        }
        double[] image = new double[h * w];
        int[] seen = new int[1];
        Allocation.Measured m = Allocation.measure(() -> {
            try (ImageStream s = ImageStream.open(p)) {
                for (int k = 0; s.read(image, 1) == 1; k++) {
                    for (int at = 0; at < image.length; at += 4099) {
                        assertEquals(k * 1_000_000.0 + at, image[at], "image " + k + " pixel " + at);
                    }
                    seen[0]++;
                }
            }
        });
        assertNull(m.thrown());
        assertEquals(b, seen[0]);
        long asDoubles = 8L * b * h * w;
        assertTrue(m.bytes() < (32L << 20) + SMALL, "allocated " + m.bytes() + " bytes; the batch as doubles is " + asDoubles);
    }
}
