package org.scatter4j.io;

import java.awt.image.Raster;
import java.io.IOException;

/**
 * Grey levels of four-component (CMYK and YCCK) JPEG files, which {@code javax.imageio} decodes
 * to a CMYK image whose conversion to RGB is wrong for both kinds (grey 65 came back as 137).
 * The samples are taken undecoded with {@code ImageReader.readRaster} and converted here.
 *
 * <p>The storage convention is told by the Adobe APP14 marker, as libjpeg-based readers (Pillow,
 * ImageMagick) interpret it:
 * <ul>
 * <li>Adobe, transform 0: CMYK stored inverted, as Photoshop writes it (255 = no ink), so
 *     {@code R = C' K' / 255} with the stored C', K';</li>
 * <li>Adobe, transform 2: YCCK, the inverted C, M, Y stored as YCbCr (JFIF equations) and K
 *     inverted as above;</li>
 * <li>no Adobe marker: plain CMYK (255 = full ink), {@code R = (255 - C)(255 - K) / 255}.</li>
 * </ul>
 * The RGB values are then made grey by the BT.601 luminance of {@link ImageReader}. This is the
 * device-independent ("naive") conversion: no ICC profile is applied, which is exact for CMYK
 * made from RGB without under-colour removal (Pillow's {@code convert("CMYK")}) and close for
 * others.
 */
final class JpegCmyk {
    /** The transform byte of an Adobe marker; {@link #NO_ADOBE_MARKER} if the file has none. */
    static final int NO_ADOBE_MARKER = -1;

    private JpegCmyk() {
    }

    /** What the markers before the first scan say: number of components and Adobe transform. */
    record Markers(int components, int adobeTransform) {
    }

    /**
     * Walks the marker segments from SOI to the first SOS (each is a marker and a 2-byte length),
     * stopping quietly at anything malformed: the decoder reports those.
     */
    static Markers scan(byte[] b) {
        int components = 0;
        int transform = NO_ADOBE_MARKER;
        int pos = 2;
        while (pos + 4 <= b.length && (b[pos] & 0xFF) == 0xFF) {
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                pos += 2; // stand-alone markers
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int length = ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            int body = pos + 4;
            if (length < 2 || body + length - 2 > b.length) {
                break;
            }
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame && length >= 8) {
                components = b[body + 5] & 0xFF; // precision, height (2), width (2), components
            } else if (marker == 0xEE && length >= 14 && b[body] == 'A' && b[body + 1] == 'd' && b[body + 2] == 'o'
                    && b[body + 3] == 'b' && b[body + 4] == 'e') {
                transform = b[body + 11] & 0xFF; // "Adobe", version (2), flags0 (2), flags1 (2), transform
            }
            pos += 2 + length;
        }
        return new Markers(components, transform);
    }

    /** Converts the undecoded four samples per pixel of a CMYK or YCCK JPEG to grey in [0, 1]. */
    static GreyImage toGrey(Raster raw, int adobeTransform, String name) throws IOException {
        if (raw.getNumBands() != 4 || raw.getSampleModel().getSampleSize(0) != 8) {
            throw new IOException(name + ": unsupported JPEG: " + raw.getNumBands() + " components of "
                    + raw.getSampleModel().getSampleSize(0) + " bits (four-component JPEGs are read with 8 bits)");
        }
        if (adobeTransform != NO_ADOBE_MARKER && adobeTransform != 0 && adobeTransform != 2) {
            throw new IOException(name + ": unsupported JPEG: four components with Adobe colour transform "
                    + adobeTransform + " (known: 0 = CMYK, 2 = YCCK)");
        }
        int w = raw.getWidth();
        int h = raw.getHeight();
        double[] out = new double[w * h];
        int[] px = new int[4 * w];
        for (int y = 0; y < h; y++) {
            raw.getPixels(raw.getMinX(), raw.getMinY() + y, w, 1, px);
            for (int x = 0; x < w; x++) {
                double c0 = px[4 * x];
                double c1 = px[4 * x + 1];
                double c2 = px[4 * x + 2];
                double k = px[4 * x + 3];
                double r;
                double g;
                double b;
                if (adobeTransform == 2) {
                    // YCbCr -> RGB (JFIF) gives the inverted C, M, Y; K is stored inverted
                    r = clamp(c0 + 1.402 * (c2 - 128));
                    g = clamp(c0 - 0.344136 * (c1 - 128) - 0.714136 * (c2 - 128));
                    b = clamp(c0 + 1.772 * (c1 - 128));
                } else if (adobeTransform == 0) {
                    r = c0;
                    g = c1;
                    b = c2;
                } else {
                    r = 255 - c0;
                    g = 255 - c1;
                    b = 255 - c2;
                    k = 255 - k;
                }
                // k is now the inverted black (255 = no black): RGB = (1 - C)(1 - K)
                out[y * w + x] = ImageReader.luminance(r, g, b) * k / (255.0 * 255.0);
            }
        }
        return GreyImage.wrap(out, w, h);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(255, v));
    }
}
