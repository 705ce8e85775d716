package org.scatter4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {

    @TempDir
    Path tmp;

    /** 7 images of 3x4 whose pixel bytes are (i * 37 + k * 11) mod 256. */
    private static IdxImages sample() {
        float[] px = new float[7 * 12];
        for (int i = 0; i < 7; i++) {
            for (int k = 0; k < 12; k++) {
                px[i * 12 + k] = ((i * 37 + k * 11) % 256) / 255f;
            }
        }
        return new IdxImages(px, 7, 3, 4);
    }

    private static final int[] LABELS = {3, 1, 4, 1, 5, 9, 255};

    private static String failure(Executable e, Path file) {
        IOException x = assertThrows(IOException.class, e);
        assertTrue(x.getMessage().startsWith(file.toString() + ": "), x.getMessage());
        return x.getMessage();
    }

    @Test
    void roundTripsPlainAndGzipped() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            Path img = tmp.resolve("img" + gzip);
            Path lab = tmp.resolve("lab" + gzip);
            IdxWriter.writeImages(img, sample(), gzip);
            IdxWriter.writeLabels(lab, LABELS, gzip);
            byte[] head = Arrays.copyOf(Files.readAllBytes(img), 2);
            assertEquals(gzip, head[0] == (byte) 0x1f && head[1] == (byte) 0x8b);
            IdxImages back = IdxReader.readImages(img);
            assertEquals(sample(), back);
            assertArrayEquals(new int[] {7, 3, 4}, back.shape());
            assertEquals(((2 * 37 + 5 * 11) % 256) / 255f, back.pixel(2, 1, 1));
            assertArrayEquals(LABELS, IdxReader.readLabels(lab));
            LabelledImages pair = IdxReader.readPair(img, lab);
            assertEquals(7, pair.size());
            assertEquals(9, pair.label(5));
        }
        Path plain = tmp.resolve("imgfalse");
        assertEquals(12 * 7 + 16, Files.size(plain));
    }

    @Test
    void detectsGzipByContentNotName() throws IOException {
        Path lyingGz = tmp.resolve("labels.gz");
        IdxWriter.writeLabels(lyingGz, LABELS, false);
        assertArrayEquals(LABELS, IdxReader.readLabels(lyingGz));
        Path lyingPlain = tmp.resolve("labels-idx1-ubyte");
        IdxWriter.writeLabels(lyingPlain, LABELS, true);
        assertArrayEquals(LABELS, IdxReader.readLabels(lyingPlain));
    }

    @Test
    void readsOnlyTheFirstRecords() throws IOException {
        Path img = tmp.resolve("img.gz");
        Path lab = tmp.resolve("lab.gz");
        IdxWriter.writeImages(img, sample(), true);
        IdxWriter.writeLabels(lab, LABELS, true);
        assertEquals(sample().first(3), IdxReader.readImages(img, 3));
        assertArrayEquals(new int[] {3, 1}, IdxReader.readLabels(lab, 2));
        LabelledImages two = IdxReader.readPair(img, lab, 2);
        assertEquals(2, two.size());
        assertArrayEquals(sample().image(1), two.images().image(1));
        assertEquals(0, IdxReader.readImages(img, 0).count());
        assertEquals(sample(), IdxReader.readImages(img, 7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdxReader.readImages(img, 8));
        assertEquals(img + ": asked for the first 8 images but the file holds only 7", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IdxReader.readLabels(lab, -1));
    }

    @Test
    void firstRecordsOfATruncatedFileAreStillReadable() throws IOException {
        Path img = tmp.resolve("img");
        IdxWriter.writeImages(img, sample(), false);
        byte[] b = Files.readAllBytes(img);
        Files.write(img, Arrays.copyOf(b, 16 + 12 * 3 + 5));
        assertEquals(sample().first(3), IdxReader.readImages(img, 3));
        assertTrue(failure(() -> IdxReader.readImages(img), img).contains(
                "truncated: header says 7 images of 3x4 (84 bytes) but only 41 bytes follow"));
    }

    @Test
    void countMismatchNamesBothFiles() throws IOException {
        Path img = tmp.resolve("img");
        Path lab = tmp.resolve("lab");
        IdxWriter.writeImages(img, sample(), false);
        IdxWriter.writeLabels(lab, Arrays.copyOf(LABELS, 6), true);
        IOException e = assertThrows(IOException.class, () -> IdxReader.readPair(img, lab));
        assertEquals(img + " holds 7 images but " + lab + " holds 6 labels; the files do not belong together",
                e.getMessage());
        assertThrows(IOException.class, () -> IdxReader.readPair(img, lab, 2)); // checked on headers too
    }

    @Test
    void wrongMagicSaysWhatTheFileIs() throws IOException {
        Path lab = tmp.resolve("lab");
        IdxWriter.writeLabels(lab, LABELS, false);
        assertEquals(lab + ": wrong magic number 0x00000801 (this is a label file), expected 0x00000803"
                + " (IDX unsigned bytes, 3 dimensions: images)", failure(() -> IdxReader.readImages(lab), lab));
        Path img = tmp.resolve("img");
        IdxWriter.writeImages(img, sample(), true);
        assertTrue(failure(() -> IdxReader.readLabels(img), img).contains("(this is an image file), expected"
                + " 0x00000801 (IDX unsigned bytes, 1 dimension: labels)"));
        Path png = tmp.resolve("x.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4});
        assertTrue(failure(() -> IdxReader.readLabels(png), png).contains("wrong magic number 0x89504e47"));
    }

    @Test
    void truncatedAndEmptyFiles() throws IOException {
        Path empty = tmp.resolve("empty");
        Files.write(empty, new byte[0]);
        assertTrue(failure(() -> IdxReader.readImages(empty), empty).contains("truncated"));
        Path shortHeader = tmp.resolve("short");
        Files.write(shortHeader, new byte[] {0, 0, 8, 3, 0, 0, 0, 7, 0, 0});
        assertTrue(failure(() -> IdxReader.readImages(shortHeader), shortHeader)
                .contains("truncated: file ends inside the IDX header (rows)"));
        Path lab = tmp.resolve("lab");
        IdxWriter.writeLabels(lab, LABELS, false);
        Files.write(lab, Arrays.copyOf(Files.readAllBytes(lab), 10));
        assertEquals(lab + ": truncated: header says 7 labels (7 bytes) but only 2 bytes follow",
                failure(() -> IdxReader.readLabels(lab), lab));
    }

    @Test
    void truncatedAndCorruptGzip() throws IOException {
        Path img = tmp.resolve("img.gz");
        IdxWriter.writeImages(img, sample(), true);
        byte[] gz = Files.readAllBytes(img);
        Path cut = tmp.resolve("cut.gz");
        Files.write(cut, Arrays.copyOf(gz, gz.length - 12));
        assertTrue(failure(() -> IdxReader.readImages(cut), cut).contains("truncated"));
        Path header = tmp.resolve("header.gz");
        Files.write(header, Arrays.copyOf(gz, 5));
        assertTrue(failure(() -> IdxReader.readImages(header), header).contains("truncated"));
        Path crc = tmp.resolve("crc.gz");
        byte[] bad = gz.clone();
        bad[bad.length - 6] ^= 0x55; // CRC-32 in the trailer
        Files.write(crc, bad);
        assertTrue(failure(() -> IdxReader.readImages(crc), crc).contains("corrupt gzip data"));
        Path garbage = tmp.resolve("garbage.gz");
        byte[] g = gz.clone();
        Arrays.fill(g, 10, g.length, (byte) 0xff);
        Files.write(garbage, g);
        assertTrue(failure(() -> IdxReader.readImages(garbage), garbage).contains("corrupt gzip data"));
    }

    @Test
    void trailingBytesAreCorruption() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 5, 6, 7});
        }
        Path lab = tmp.resolve("lab.gz");
        Files.write(lab, bytes.toByteArray());
        assertEquals(lab + ": corrupt: 1 unexpected bytes after the 2 labels", failure(() -> IdxReader.readLabels(lab), lab));
        assertArrayEquals(new int[] {5}, IdxReader.readLabels(lab, 1)); // a partial read does not look past its records
    }

    @Test
    void negativeDimensionIsABadHeader() throws IOException {
        Path p = tmp.resolve("neg");
        Files.write(p, new byte[] {0, 0, 8, 1, (byte) 0xff, 0, 0, 0});
        assertTrue(failure(() -> IdxReader.readLabels(p), p).contains("bad header: label count is -16777216"));
    }

    @Test
    void writerRejectsValuesThatDoNotFitAByte() {
        Path p = tmp.resolve("x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdxWriter.writeImages(p, new IdxImages(new float[] {0f, 1.5f}, 1, 1, 2), false));
        assertEquals(p + ": pixel 1 is 1.5, outside [0, 1]", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> IdxWriter.writeImages(p, new IdxImages(new float[] {Float.NaN}, 1, 1, 1), false));
        IllegalArgumentException l = assertThrows(IllegalArgumentException.class,
                () -> IdxWriter.writeLabels(p, new int[] {1, 256}, false));
        assertEquals(p + ": label 1 is 256, outside 0..255 (one unsigned byte)", l.getMessage());
    }

    @Test
    void readsRealMnistTestLabels() throws IOException {
        int[] labels = IdxReader.readLabels(TestFiles.resource("mnist/t10k-labels-idx1-ubyte.gz"));
        assertEquals(10000, labels.length);
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Arrays.copyOf(labels, 10));
        int[] counts = new int[10];
        for (int l : labels) {
            counts[l]++;
        }
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, counts);
    }

    @Test
    void valueTypesAreImmutableAndChecked() {
        float[] px = {0.5f, 1f};
        IdxImages im = new IdxImages(px, 1, 1, 2);
        px[0] = 0f;
        im.pixels()[1] = 0f;
        im.image(0)[0] = 0f;
        assertEquals(0.5f, im.pixel(0, 0, 0));
        assertEquals(1f, im.pixelView().get(1));
        assertThrows(java.nio.ReadOnlyBufferException.class, () -> im.pixelView().put(0, 1f));
        assertThrows(IllegalArgumentException.class, () -> new IdxImages(new float[3], 1, 1, 2));
        int[] labels = {4};
        LabelledImages li = new LabelledImages(im, labels);
        labels[0] = 0;
        li.labels()[0] = 0;
        assertEquals(4, li.label(0));
        assertThrows(IllegalArgumentException.class, () -> new LabelledImages(im, new int[2]));
        GreyImage g = im.greyImage(0);
        assertEquals(2, g.width());
        assertEquals(1, g.height());
        assertEquals(0.5, g.get(0, 0));
    }
}
