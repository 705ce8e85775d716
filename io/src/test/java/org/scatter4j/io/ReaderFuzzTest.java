package org.scatter4j.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz test per reader (issue 19, Checks): thousands of mutated and truncated files from valid
 * seeds (fixed random seeds, so every run tries the same files) through NPY, IDX, image and WAV
 * readers; see {@link Fuzz} for what each file must do. Each reader also has to accept some of
 * its mutated files and refuse others, so the mutations are neither all harmless nor all fatal.
 */
class ReaderFuzzTest {
    @TempDir
    Path dir;

    private byte[] bytesOf(Path p) throws IOException {
        byte[] b = Files.readAllBytes(p);
        Files.delete(p);
        return b;
    }

    private static void assertBothOutcomes(Fuzz.Outcome o, String what) {
        assertTrue(o.accepted() > 0 && o.refused() > 0, what + ": " + o);
    }

    private static byte[] npy(String descr, boolean fortran, int[] shape, int elementBytes, int version) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': "
                + NpyArray.shapeString(shape) + ", }";
        long count = NpyArray.elementCount(shape);
        int pre = version == 1 ? 10 : 12;
        int pad = 64 - (pre + dict.length() + 1) % 64;
        String header = dict + " ".repeat(pad % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(pre + header.length() + (int) count * elementBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        if (version == 1) {
            b.putShort((short) header.length());
        } else {
            b.putInt(header.length());
        }
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; b.hasRemaining(); i++) {
            b.put((byte) (i * 37 + 11));
        }
        return b.array();
    }

    @Test
    void npyReaders() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        Path p = dir.resolve("seed.npy");
        double[] v = new double[6 * 7];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.5 - 3;
        }
        Npy.write(p, v, 6, 7);
        seeds.add(bytesOf(p));
        float[] f = new float[2 * 3 * 4];
        Npy.write(p, f, 2, 3, 4);
        seeds.add(bytesOf(p));
        seeds.add(npy("<f4", true, new int[] {3, 4, 5}, 4, 1));
        seeds.add(npy("|u1", false, new int[] {40}, 1, 1));
        seeds.add(npy(">i2", true, new int[] {5, 6}, 2, 2));
        seeds.add(npy("<i8", false, new int[] {}, 8, 3));
        seeds.add(npy("|b1", false, new int[] {3, 0, 2}, 1, 1));
        Fuzz.Outcome whole = Fuzz.run("npy", seeds, 2500, 19, dir, Npy::read);
        assertBothOutcomes(whole, "Npy.read");
        Fuzz.Outcome streamed = Fuzz.run("npy-stream", seeds, 1000, 20, dir, file -> {
            try (NpyReader r = NpyReader.open(file)) {
                double[] buf = new double[7];
                while (r.remaining() > 0) {
                    r.read(buf, 0, (int) Math.min(buf.length, r.remaining()));
                }
            }
        });
        assertBothOutcomes(streamed, "NpyReader");
        Fuzz.Outcome images = Fuzz.run("npy-images", seeds, 500, 21, dir, file -> {
            try (ImageStream s = ImageStream.open(file)) {
                double[] buf = new double[s.height() * s.width()];
                while (s.read(buf, 1) > 0) {
                    // read every image
                }
            }
        });
        assertTrue(images.refused() > 0, "ImageStream: " + images);
    }

    @Test
    void idxReaders() throws IOException {
        float[] px = new float[5 * 6 * 4];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i % 256) / 255f;
        }
        IdxImages images = IdxImages.wrap(px, 5, 6, 4);
        int[] labels = {0, 3, 9, 1, 7};
        List<byte[]> imageSeeds = new ArrayList<>();
        List<byte[]> labelSeeds = new ArrayList<>();
        Path p = dir.resolve("seed-idx");
        for (boolean gz : new boolean[] {false, true}) {
            IdxWriter.writeImages(p, images, gz);
            imageSeeds.add(bytesOf(p));
            IdxWriter.writeLabels(p, labels, gz);
            labelSeeds.add(bytesOf(p));
        }
        assertBothOutcomes(Fuzz.run("idx-images", imageSeeds, 2000, 17, dir, IdxReader::readImages), "IDX images");
        assertBothOutcomes(Fuzz.run("idx-labels", labelSeeds, 1000, 18, dir, IdxReader::readLabels), "IDX labels");
    }

    private static byte[] imageIo(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, format, out)) {
            throw new IllegalStateException("no writer for " + format);
        }
        return out.toByteArray();
    }

    private static byte[] cmykJpeg() throws IOException {
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 12, 10, 4, null);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 12; x++) {
                r.setPixel(x, y, new int[] {20 * x, 25 * y, 128, 255});
            }
        }
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            w.setOutput(out);
            w.write(null, new IIOImage(r, null, null), null);
        } finally {
            w.dispose();
        }
        byte[] b = bytes.toByteArray();
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        byte[] with = new byte[b.length + app14.length];
        System.arraycopy(b, 0, with, 0, 2);
        System.arraycopy(app14, 0, with, 2, app14.length);
        System.arraycopy(b, 2, with, 2 + app14.length, b.length - 2);
        return with;
    }

    @Test
    void imageReader() throws IOException {
        BufferedImage rgb = new BufferedImage(12, 10, BufferedImage.TYPE_INT_RGB);
        BufferedImage grey = new BufferedImage(12, 10, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage grey16 = new BufferedImage(12, 10, BufferedImage.TYPE_USHORT_GRAY);
        BufferedImage indexed = new BufferedImage(12, 10, BufferedImage.TYPE_BYTE_INDEXED);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 12; x++) {
                rgb.setRGB(x, y, (20 * x) << 16 | (25 * y) << 8 | (x * y));
                grey.getRaster().setSample(x, y, 0, 20 * x + y);
                grey16.getRaster().setSample(x, y, 0, 5000 * x + y);
                indexed.setRGB(x, y, rgb.getRGB(x, y));
            }
        }
        List<byte[]> seeds = new ArrayList<>(List.of(imageIo(rgb, "png"), imageIo(grey, "png"), imageIo(grey16, "png"),
                imageIo(indexed, "png"), imageIo(rgb, "jpeg"), imageIo(grey, "jpeg"), cmykJpeg(), imageIo(indexed, "gif"),
                imageIo(rgb, "bmp"), imageIo(grey, "bmp")));
        StringBuilder pgm = new StringBuilder("P2\n# fuzz\n12 10\n255\n");
        ByteArrayOutputStream p5 = new ByteArrayOutputStream();
        p5.writeBytes("P5 12 10 65535\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 120; i++) {
            pgm.append(i * 2).append(i % 12 == 11 ? "\n" : " ");
            p5.write(i >> 2);
            p5.write(i * 7);
        }
        seeds.add(pgm.toString().getBytes(StandardCharsets.US_ASCII));
        seeds.add(p5.toByteArray());
        assertBothOutcomes(Fuzz.run("image", seeds, 3000, 23, dir, ImageReader::readGrey), "ImageReader");
    }

    @Test
    void wavReader() throws IOException {
        ByteBuffer f32 = ByteBuffer.allocate(4 * 40).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer p24 = ByteBuffer.allocate(3 * 2 * 20).order(ByteOrder.LITTLE_ENDIAN);
        byte[] u8 = new byte[33];
        int[] s16 = new int[50];
        for (int i = 0; i < 50; i++) {
            s16[i] = (int) (20000 * Math.sin(i * 0.3));
        }
        for (int i = 0; i < 40; i++) {
            f32.putFloat((float) Math.cos(i * 0.2));
            p24.put((byte) i).put((byte) (3 * i)).put((byte) (i - 20));
            u8[i % 33] = (byte) (128 + i);
        }
        List<byte[]> seeds = List.of(
                new WavBytes().fmt(1, 1, 8000, 16, false).chunk("data", WavBytes.pcm16(s16)).build(),
                new WavBytes().fmt(1, 2, 44100, 24, true).chunk("LIST", new byte[5]).chunk("data", p24.array()).build(),
                new WavBytes().fmt(3, 1, 16000, 32, false).chunk("fact", new byte[4]).chunk("data", f32.array()).build(),
                new WavBytes().fmt(1, 1, 11025, 8, false).chunk("data", u8).chunk("junk", new byte[3]).build());
        assertBothOutcomes(Fuzz.run("wav", seeds, 3000, 29, dir, WavReader::read), "WavReader");
    }
}
