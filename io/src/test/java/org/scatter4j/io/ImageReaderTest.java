package org.scatter4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReaderTest {

    @TempDir
    Path tmp;

    private String failure(Path p) {
        IOException e = assertThrows(IOException.class, () -> ImageReader.readGrey(p));
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        return e.getMessage();
    }

    private static double sum(GreyImage g) {
        return Arrays.stream(g.toDoubleArray()).sum();
    }

    // Expected values from an independent PNG decoder (Python zlib + PNG filters).
    @Test
    void readsKthTipsPngs() throws IOException {
        GreyImage a = ImageReader.readGrey(TestFiles.resource("kth-tips/aluminium_foil/15-scale_1_im_1_grey.png"));
        assertEquals(200, a.width());
        assertEquals(200, a.height());
        assertEquals(113 / 255.0, a.get(0, 0));
        assertEquals(241 / 255.0, a.get(10, 20));
        assertEquals(181 / 255.0, a.get(199, 199));
        assertEquals(5404161 / 255.0, sum(a), 1e-6);

        GreyImage b = ImageReader.readGrey(TestFiles.resource("kth-tips/brown_bread/48-scale_6_im_1_grey.png"));
        assertEquals(248, b.width());
        assertEquals(163, b.height());
        assertEquals(105 / 255.0, b.get(0, 0));
        assertEquals(110 / 255.0, b.get(10, 20));
        assertEquals(96 / 255.0, b.get(247, 162));
        assertEquals(4014863 / 255.0, sum(b), 1e-6);
        float[] f = b.toFloatArray();
        assertEquals((float) (110 / 255.0), f[20 * 248 + 10]);
    }

    private Path write(BufferedImage img, String format, String name) throws IOException {
        Path p = tmp.resolve(name);
        assertTrue(ImageIO.write(img, format, p.toFile()), "no " + format + " writer");
        return p;
    }

    @Test
    void sixteenBitGreyPngKeepsFullPrecision() throws IOException {
        int[] values = {0, 1, 257, 40000, 65534, 65535};
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setPixels(0, 0, 3, 2, values);
        Path p = write(img, "png", "g16.png");
        assertEquals(16, Files.readAllBytes(p)[24]); // IHDR bit depth
        GreyImage g = ImageReader.readGrey(p);
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i] / 65535.0, g.get(i % 3, i / 3), 0.0, "pixel " + i);
        }
    }

    @Test
    void sixteenBitColourPngUsesLuminanceAtFullPrecision() throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster r = cm.createCompatibleWritableRaster(2, 1);
        r.setPixel(0, 0, new int[] {65535, 0, 1000});
        r.setPixel(1, 0, new int[] {12345, 54321, 65535});
        Path p = write(new BufferedImage(cm, r, false, null), "png", "rgb16.png");
        assertEquals(16, Files.readAllBytes(p)[24]);
        GreyImage g = ImageReader.readGrey(p);
        assertEquals((0.299 * 65535 + 0.114 * 1000) / 65535, g.get(0, 0), 1e-12);
        assertEquals((0.299 * 12345 + 0.587 * 54321 + 0.114 * 65535) / 65535, g.get(1, 0), 1e-12);
    }

    /** Red, green, blue, white, black and a grey in a row. */
    private static BufferedImage colours(int type) {
        BufferedImage img = new BufferedImage(6, 1, type);
        int[] rgb = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF, 0x000000, 0x336699};
        for (int x = 0; x < rgb.length; x++) {
            img.setRGB(x, 0, 0xFF000000 | rgb[x]);
        }
        return img;
    }

    private static void assertColours(GreyImage g) {
        assertEquals(0.299, g.get(0, 0), 1e-12);
        assertEquals(0.587, g.get(1, 0), 1e-12);
        assertEquals(0.114, g.get(2, 0), 1e-12);
        assertEquals(1.0, g.get(3, 0), 1e-12);
        assertEquals(0.0, g.get(4, 0), 1e-12);
        assertEquals((0.299 * 0x33 + 0.587 * 0x66 + 0.114 * 0x99) / 255, g.get(5, 0), 1e-12);
    }

    @Test
    void colourPngBmpAndGifUseBt601Luminance() throws IOException {
        assertColours(ImageReader.readGrey(write(colours(BufferedImage.TYPE_INT_RGB), "png", "c.png")));
        assertColours(ImageReader.readGrey(write(colours(BufferedImage.TYPE_INT_ARGB), "png", "ca.png")));
        assertColours(ImageReader.readGrey(write(colours(BufferedImage.TYPE_3BYTE_BGR), "bmp", "c.bmp")));
        assertColours(ImageReader.readGrey(write(colours(BufferedImage.TYPE_BYTE_INDEXED), "gif", "c.gif")));
    }

    @Test
    void eightBitGreyPngAndBmpAreExactAndJpegIsClose() throws IOException {
        BufferedImage img = new BufferedImage(16, 8, BufferedImage.TYPE_BYTE_GRAY);
        int[] px = new int[128];
        for (int i = 0; i < px.length; i++) {
            px[i] = i * 2;
        }
        img.getRaster().setPixels(0, 0, 16, 8, px);
        for (String fmt : new String[] {"png", "bmp"}) {
            GreyImage g = ImageReader.readGrey(write(img, fmt, "g." + fmt));
            for (int i = 0; i < px.length; i++) {
                assertEquals(px[i] / 255.0, g.get(i % 16, i / 16), 0.0, fmt + " pixel " + i);
            }
        }
        BufferedImage flat = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        int[] v = new int[256];
        Arrays.fill(v, 128);
        flat.getRaster().setPixels(0, 0, 16, 16, v);
        GreyImage j = ImageReader.readGrey(write(flat, "jpeg", "g.jpg"));
        assertEquals(16, j.width());
        for (double d : j.toDoubleArray()) {
            assertEquals(128 / 255.0, d, 2 / 255.0);
        }
    }

    @Test
    void formatComesFromContentNotName() throws IOException {
        Path p = write(colours(BufferedImage.TYPE_INT_RGB), "png", "really-a-png.jpg");
        assertColours(ImageReader.readGrey(p));
    }

    // ---------------------------------------------------------------- PGM

    private Path bytes(String name, byte[] b) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, b);
        return p;
    }

    private Path text(String name, String s) throws IOException {
        return bytes(name, s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void readsBinaryPgm8And16Bit() throws IOException {
        byte[] head = "P5\n# made by hand\n3 2\n255\n".getBytes(StandardCharsets.ISO_8859_1);
        GreyImage g = ImageReader.readGrey(bytes("a.pgm", concat(head, new byte[] {0, 10, (byte) 255, 1, 2, (byte) 128})));
        assertEquals(3, g.width());
        assertEquals(2, g.height());
        assertArrayEquals(new double[] {0, 10 / 255.0, 1, 1 / 255.0, 2 / 255.0, 128 / 255.0}, g.toDoubleArray(), 0.0);

        byte[] head16 = "P5 2 1 65535\n".getBytes(StandardCharsets.ISO_8859_1);
        GreyImage h = ImageReader.readGrey(bytes("b.pgm", concat(head16, new byte[] {(byte) 0x9c, 0x40, 0, 1})));
        assertArrayEquals(new double[] {40000 / 65535.0, 1 / 65535.0}, h.toDoubleArray(), 0.0);

        byte[] head1000 = "P5 1 1 1000 ".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(0.5, ImageReader.readGrey(bytes("c.pgm", concat(head1000, new byte[] {0x01, (byte) 0xf4}))).get(0, 0));
    }

    @Test
    void readsPlainPgmWithComments() throws IOException {
        GreyImage g = ImageReader.readGrey(text("p2.pgm", "P2\n# comment\n2 2 # size\n1000\n0 500\n# mid\n1000\n250\n"));
        assertArrayEquals(new double[] {0, 0.5, 1, 0.25}, g.toDoubleArray(), 0.0);
    }

    @Test
    void pgmErrorsNameTheProblem() throws IOException {
        assertTrue(failure(text("p6.ppm", "P6 1 1 255\nabc")).contains("unsupported Netpbm format P6 (colour pixmap (PPM))"));
        assertTrue(failure(text("p1.pbm", "P1 1 1\n0")).contains("unsupported Netpbm format P1"));
        assertEquals(tmp.resolve("t.pgm") + ": truncated: PGM header says 3x2 pixels with maxval 255 (6 bytes) but only"
                + " 4 bytes follow", failure(text("t.pgm", "P5 3 2 255\nabcd")));
        assertTrue(failure(text("t16.pgm", "P5 2 2 65535\nabcdef")).contains("(8 bytes) but only 6"));
        assertTrue(failure(text("s.pgm", "P2 2 1 100\n50 101\n")).contains("corrupt PGM: sample 101 at x=1, y=0 exceeds maxval 100"));
        assertTrue(failure(text("p2t.pgm", "P2 2 2 100\n1 2 3\n")).contains("truncated: PGM header says 2x2 pixels but the file ends after 3 samples"));
        assertTrue(failure(text("w.pgm", "P5 x 2 255\n")).contains("bad PGM header: expected width, found 'x 2 255"));
        assertTrue(failure(text("m0.pgm", "P5 1 1 0\n\0")).contains("bad PGM header: maxval 0, expected 1..65535"));
        assertTrue(failure(text("mbig.pgm", "P5 1 1 70000\n\0\0")).contains("maxval exceeds 65535"));
        assertTrue(failure(text("z.pgm", "P5 0 4 255\n")).contains("bad PGM header: size 0x4"));
        assertTrue(failure(text("h.pgm", "P5 2 2")).contains("expected maxval, found end of file"));
        assertTrue(failure(text("huge.pgm", "P5 100000 100000 255\n")).contains("larger than 2147483647"));
        assertTrue(failure(text("d.pgm", "P2 1 1 255\nx\n")).contains("bad PGM data: expected sample 0, found 'x"));
    }

    // ---------------------------------------------------------------- broken files

    @Test
    void emptyUnknownAndCorruptFiles() throws IOException {
        assertTrue(failure(bytes("empty.png", new byte[0])).contains("empty file"));
        assertTrue(failure(text("notes.png", "just some text")).contains(
                "unsupported or unrecognised image format (starts with \"just som\"); supported: PNG, JPEG, GIF, BMP, PGM"));
        byte[] png = Files.readAllBytes(TestFiles.resource("kth-tips/aluminium_foil/15-scale_1_im_1_grey.png"));
        assertTrue(failure(bytes("cut.png", Arrays.copyOf(png, png.length / 2))).contains("corrupt or truncated PNG file"));
        byte[] garbled = png.clone();
        Arrays.fill(garbled, 60, garbled.length, (byte) 0x5a);
        assertTrue(failure(bytes("garbled.png", garbled)).contains("corrupt or truncated PNG"));
        assertTrue(failure(bytes("head.png", Arrays.copyOf(png, 20))).contains("corrupt or truncated PNG"));
        assertThrows(IOException.class, () -> ImageReader.readGrey(tmp.resolve("missing.png")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "gif", "bmp"})
    void truncatedJpegGifBmp(String fmt) throws IOException {
        BufferedImage img = colours(fmt.equals("gif") ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_3BYTE_BGR);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, fmt, out);
        byte[] b = out.toByteArray();
        Path p = bytes("cut." + fmt, Arrays.copyOf(b, b.length / 3));
        failure(p);
    }

    @Test
    void greyImageIsImmutableAndChecked() {
        double[] d = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        GreyImage g = new GreyImage(d, 3, 2);
        d[0] = 9;
        g.toDoubleArray()[1] = 9;
        assertEquals(0.1, g.get(0, 0));
        assertEquals(0.2, g.get(1, 0));
        assertEquals(0.4, g.get(0, 1));
        assertEquals(new GreyImage(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, 3, 2), g);
        assertThrows(IndexOutOfBoundsException.class, () -> g.get(3, 0));
        assertThrows(IllegalArgumentException.class, () -> new GreyImage(new double[5], 3, 2));
        assertThrows(IllegalArgumentException.class, () -> new GreyImage(new double[0], 0, 0));
    }
}
