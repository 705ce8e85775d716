package org.scatter4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four-component JPEGs (issue 19 section 2): an RGB picture stored as Adobe CMYK (inverted), as
 * Adobe YCCK and as plain CMYK reads to the grey levels of the RGB original, within JPEG error.
 * The files are written by ImageIO's JPEG writer from a 4-band raster (which it encodes as given,
 * without colour conversion), with the Adobe APP14 marker spliced in after SOI.
 */
class JpegCmykTest {
    private static final int W = 64;
    private static final int H = 48;

    @TempDir
    Path dir;

    /** A smooth colour picture (JPEG keeps it to a level or two), RGB in 0..255. */
    private static int[] rgb(int x, int y) {
        return new int[] {40 + 3 * x, 200 - 3 * y, 30 + 2 * x + y};
    }

    private static double greyOfOriginal(int x, int y) {
        int[] c = rgb(x, y);
        return ImageReader.luminance(c[0], c[1], c[2]) / 255.0;
    }

    interface Encoding {
        int[] of(int r, int g, int b);
    }

    private Path jpeg(String name, Encoding enc, int adobeTransform) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, W, H, 4, null);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int[] c = rgb(x, y);
                raster.setPixel(x, y, enc.of(c[0], c[1], c[2]));
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.95f);
            writer.write(null, new IIOImage(raster, null, null), p);
        } finally {
            writer.dispose();
        }
        byte[] b = bytes.toByteArray();
        assertEquals(4, JpegCmyk.scan(b).components());
        assertEquals(JpegCmyk.NO_ADOBE_MARKER, JpegCmyk.scan(b).adobeTransform(), "the writer adds no Adobe marker");
        if (adobeTransform != JpegCmyk.NO_ADOBE_MARKER) {
            byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) adobeTransform};
            byte[] with = new byte[b.length + app14.length];
            System.arraycopy(b, 0, with, 0, 2);
            System.arraycopy(app14, 0, with, 2, app14.length);
            System.arraycopy(b, 2, with, 2 + app14.length, b.length - 2);
            b = with;
            assertEquals(adobeTransform, JpegCmyk.scan(b).adobeTransform());
        }
        Path p = dir.resolve(name);
        Files.write(p, b);
        return p;
    }

    private static void assertSameGrey(GreyImage g, String what) {
        assertEquals(W, g.width());
        assertEquals(H, g.height());
        double worst = 0;
        double sum = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double d = Math.abs(g.get(x, y) - greyOfOriginal(x, y));
                worst = Math.max(worst, d);
                sum += d;
            }
        }
        // JPEG at quality 0.95 on a smooth picture: within 4 grey levels, under 1 on average
        assertTrue(worst <= 4 / 255.0, what + ": worst difference " + worst * 255 + " grey levels");
        assertTrue(sum / (W * H) <= 1 / 255.0, what + ": mean difference " + sum / (W * H) * 255 + " grey levels");
    }

    @Test
    void adobeInvertedCmykReadsToTheRgbGrey() throws IOException {
        // Photoshop's convention: 255 = no ink, so C' = R, M' = G, Y' = B and K' = 255 (no black)
        assertSameGrey(ImageReader.readGrey(jpeg("adobe.jpg", (r, g, b) -> new int[] {r, g, b, 255}, 0)), "Adobe CMYK");
    }

    @Test
    void adobeYcckReadsToTheRgbGrey() throws IOException {
        // YCCK: the inverted C, M, Y (= R, G, B) as JFIF YCbCr, K inverted
        Encoding ycck = (r, g, b) -> new int[] {
            (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b),
            (int) Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b),
            (int) Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b), 255};
        assertSameGrey(ImageReader.readGrey(jpeg("ycck.jpg", ycck, 2)), "Adobe YCCK");
    }

    @Test
    void plainCmykReadsToTheRgbGrey() throws IOException {
        assertSameGrey(ImageReader.readGrey(jpeg("plain.jpg", (r, g, b) -> new int[] {255 - r, 255 - g, 255 - b, 0},
                JpegCmyk.NO_ADOBE_MARKER)), "plain CMYK");
    }

    /** The example: grey 65 came back as 137. Black ink alone, in both conventions. */
    @Test
    void grey65StaysGrey65() throws IOException {
        GreyImage adobe = ImageReader.readGrey(jpeg("k-adobe.jpg", (r, g, b) -> new int[] {255, 255, 255, 65}, 0));
        GreyImage plain = ImageReader.readGrey(jpeg("k-plain.jpg", (r, g, b) -> new int[] {0, 0, 0, 190},
                JpegCmyk.NO_ADOBE_MARKER));
        for (GreyImage g : new GreyImage[] {adobe, plain}) {
            for (int y = 0; y < H; y += 7) {
                for (int x = 0; x < W; x += 5) {
                    assertEquals(65 / 255.0, g.get(x, y), 1.01 / 255);
                }
            }
        }
    }

    @Test
    void unknownAdobeTransformIsRefusedByName() throws IOException {
        Path p = jpeg("t1.jpg", (r, g, b) -> new int[] {r, g, b, 255}, 1);
        IOException e = assertThrows(IOException.class, () -> ImageReader.readGrey(p));
        assertEquals(p + ": unsupported JPEG: four components with Adobe colour transform 1 (known: 0 = CMYK, 2 = YCCK)",
                e.getMessage());
    }
}
