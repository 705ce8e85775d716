package org.scatter4j.io;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads image files as grey images with values in [0, 1]: PNG, JPEG, GIF and BMP through
 * {@code javax.imageio}, and PGM (Netpbm P2 and P5, maxval up to 65535) with a small reader of
 * its own, since {@code javax.imageio} has none.
 *
 * <p>The format is recognised from the file's first bytes, not its name. Samples are divided by
 * their maximum ({@code 2^bits - 1}, or the PGM maxval), so 8- and 16-bit files both land in
 * [0, 1] at full precision; the samples are read from the raster directly, because
 * {@link BufferedImage#getRGB} would squeeze 16 bits into 8 and apply a gamma conversion to
 * grey images.
 *
 * <p>Colour images become grey by luminance with the ITU-R BT.601 weights
 * {@code Y = 0.299 R + 0.587 G + 0.114 B}, applied to the stored (gamma-encoded) values as
 * Pillow's {@code convert("L")} and OpenCV's {@code cvtColor} do. Alpha is ignored.
 *
 * <p>Empty, corrupt or unsupported files raise an {@link IOException} whose message starts with
 * the file name.
 */
public final class ImageReader {

    /** ITU-R BT.601 luma weights for red, green and blue. */
    public static final double RED_WEIGHT = 0.299;
    public static final double GREEN_WEIGHT = 0.587;
    public static final double BLUE_WEIGHT = 0.114;

    private ImageReader() {
    }

    /**
     * Reads an image file as grey values in [0, 1] (use {@link GreyImage#toFloatArray()} for
     * single precision).
     */
    public static GreyImage readGrey(Path file) throws IOException {
        String name = file.toString();
        // the file is read whole: its size is checked first (a Java array holds at most 2^31 - 1 bytes)
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException(name + ": file of " + ReadLimit.describe(size) + " is larger than the 2 GB an"
                    + " image file may have here");
        }
        ReadLimit.check(name, "the file's " + ReadLimit.describe(size), size);
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0) {
            throw new IOException(name + ": empty file, not an image");
        }
        if (bytes.length >= 2 && bytes[0] == 'P' && bytes[1] >= '1' && bytes[1] <= '7') {
            return Pgm.read(bytes, name);
        }
        return decode(bytes, name);
    }

    private static GreyImage decode(byte[] bytes, String name) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException(name + ": unsupported or unrecognised image format (starts with "
                        + describe(bytes) + "); supported: PNG, JPEG, GIF, BMP, PGM (P2, P5)");
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                checkDeclaredSize(reader, name);
                if (reader.getFormatName().equalsIgnoreCase("jpeg")) {
                    JpegCmyk.Markers markers = JpegCmyk.scan(bytes);
                    if (markers.components() == 4) {
                        return JpegCmyk.toGrey(reader.readRaster(0, null), markers.adobeTransform(), name);
                    }
                }
                BufferedImage img = reader.read(0);
                if (img == null || img.getWidth() <= 0 || img.getHeight() <= 0) {
                    throw new IOException(name + ": " + reader.getFormatName() + " file holds no image");
                }
                return toGrey(img, name);
            } catch (IOException | RuntimeException e) {
                if (e instanceof IOException io && io.getMessage() != null && io.getMessage().startsWith(name)) {
                    throw io;
                }
                // decoders signal truncated or corrupt data with IIOException, EOFException or
                // even runtime exceptions (IndexOutOfBounds in some BMP/GIF paths)
                throw new IOException(name + ": corrupt or truncated " + reader.getFormatName().toUpperCase()
                        + " file: " + e, e);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Reads the width and height from the image's header, without decoding it, and refuses an
     * image whose decoding (the decoder's raster, then the grey values) would exceed
     * {@link ReadLimit}: a small compressed file may declare a huge image.
     */
    private static void checkDeclaredSize(javax.imageio.ImageReader reader, String name) throws IOException {
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (w <= 0 || h <= 0) {
            throw new IOException(name + ": bad " + reader.getFormatName().toUpperCase() + " header: image size " + w + "x" + h);
        }
        long pixels = (long) w * h;
        if (pixels > Integer.MAX_VALUE) {
            throw new IOException(name + ": image of " + w + "x" + h + " pixels is larger than " + Integer.MAX_VALUE + " values");
        }
        int decodedBytesPerPixel = 8; // up to 4 samples of 16 bits, when the decoder does not say
        try {
            javax.imageio.ImageTypeSpecifier raw = reader.getRawImageType(0);
            if (raw != null) {
                int bits = 0;
                for (int size : raw.getSampleModel().getSampleSize()) {
                    bits += size;
                }
                decodedBytesPerPixel = Math.max(1, (bits + 7) / 8);
            }
        } catch (IOException | RuntimeException e) {
            // keep the upper bound; decoding reports what is wrong with the file
        }
        ReadLimit.check(name, "image of " + w + "x" + h + " pixels",
                ReadLimit.times(pixels, decodedBytesPerPixel + Double.BYTES));
    }

    private static String describe(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, b.length); i++) {
            int v = b[i] & 0xFF;
            sb.append(v >= 0x20 && v < 0x7F ? String.valueOf((char) v) : String.format("\\x%02x", v));
        }
        return "\"" + sb + "\"";
    }

    /**
     * Converts a decoded image to grey in [0, 1]: grey images by sample / (2^bits - 1), palette
     * and colour images by BT.601 luminance.
     */
    static GreyImage toGrey(BufferedImage img, String name) throws IOException {
        int w = img.getWidth();
        int h = img.getHeight();
        if ((long) w * h > Integer.MAX_VALUE) {
            throw new IOException(name + ": image of " + w + "x" + h + " pixels is larger than "
                    + Integer.MAX_VALUE + " values");
        }
        double[] out = new double[w * h];
        ColorModel cm = img.getColorModel();
        Raster r = img.getRaster();
        int spaceType = cm.getColorSpace().getType();
        if (cm instanceof IndexColorModel icm) {
            double[] lut = new double[icm.getMapSize()];
            for (int i = 0; i < lut.length; i++) {
                lut[i] = luminance(icm.getRed(i), icm.getGreen(i), icm.getBlue(i)) / 255.0;
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = lut[r.getSample(x, y, 0)];
                }
            }
        } else if (spaceType == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1) {
            double max = maxSample(cm, 0);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = r.getSample(x, y, 0) / max;
                }
            }
        } else if (spaceType == ColorSpace.TYPE_RGB && cm.getNumColorComponents() == 3
                && !cm.isAlphaPremultiplied()) {
            double rMax = maxSample(cm, 0);
            double gMax = maxSample(cm, 1);
            double bMax = maxSample(cm, 2);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = luminance(r.getSample(x, y, 0) / rMax, r.getSample(x, y, 1) / gMax,
                            r.getSample(x, y, 2) / bMax);
                }
            }
        } else {
            // other colour spaces (premultiplied alpha, ICC-tagged): let Java2D convert to 8-bit sRGB;
            // four-component JPEGs, which Java2D converts wrongly, never come here (JpegCmyk)
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int argb = img.getRGB(x, y);
                    out[y * w + x] = luminance((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF) / 255.0;
                }
            }
        }
        return GreyImage.wrap(out, w, h);
    }

    private static double maxSample(ColorModel cm, int component) {
        return (1L << cm.getComponentSize(component)) - 1;
    }

    /** BT.601 luma of gamma-encoded R, G, B (any common scale). */
    static double luminance(double red, double green, double blue) {
        return RED_WEIGHT * red + GREEN_WEIGHT * green + BLUE_WEIGHT * blue;
    }

    /** Reader for binary (P5) and plain (P2) PGM, per the Netpbm specification. */
    static final class Pgm {
        private final byte[] b;
        private final String name;
        private int pos;

        private Pgm(byte[] b, String name) {
            this.b = b;
            this.name = name;
        }

        static GreyImage read(byte[] bytes, String name) throws IOException {
            return new Pgm(bytes, name).read();
        }

        private GreyImage read() throws IOException {
            char kind = (char) b[1];
            if (kind != '2' && kind != '5') {
                String what = switch (kind) {
                    case '1', '4' -> "bitmap (PBM)";
                    case '3', '6' -> "colour pixmap (PPM)";
                    default -> "PAM";
                };
                throw new IOException(name + ": unsupported Netpbm format P" + kind + " (" + what
                        + "); only grey maps P2 and P5 are read");
            }
            pos = 2;
            int width = number("width", Integer.MAX_VALUE);
            int height = number("height", Integer.MAX_VALUE);
            int maxval = number("maxval", 65535);
            if (width < 1 || height < 1) {
                throw new IOException(name + ": bad PGM header: size " + width + "x" + height
                        + ", expected at least 1x1");
            }
            if (maxval < 1) {
                throw new IOException(name + ": bad PGM header: maxval " + maxval + ", expected 1..65535");
            }
            long n = (long) width * height;
            if (n > Integer.MAX_VALUE) {
                throw new IOException(name + ": PGM of " + width + "x" + height + " pixels is larger than "
                        + Integer.MAX_VALUE + " values");
            }
            if (kind == '2' && n > (b.length - pos + 1) / 2) {
                // a plain PGM sample takes at least a digit and a separator
                throw new IOException(name + ": truncated: PGM header says " + width + "x" + height + " pixels but the "
                        + (b.length - pos) + " bytes after the header hold at most " + (b.length - pos + 1) / 2 + " samples");
            }
            int bytesPer = maxval < 256 ? 1 : 2;
            if (kind == '5') {
                // exactly one whitespace character separates maxval from the raster
                if (pos >= b.length || !isSpace(b[pos])) {
                    throw new IOException(name + ": truncated: PGM header ends without the raster");
                }
                pos++;
                long needed = n * bytesPer;
                long available = b.length - pos;
                if (available < needed) {
                    throw new IOException(name + ": truncated: PGM header says " + width + "x" + height
                            + " pixels with maxval " + maxval + " (" + needed + " bytes) but only " + available
                            + " bytes follow");
                }
            }
            ReadLimit.check(name, "PGM of " + width + "x" + height + " pixels", n * Double.BYTES);
            double[] out;
            if (kind == '5') {
                out = new double[(int) n];
                for (int i = 0; i < n; i++) {
                    int v = bytesPer == 1 ? b[pos + i] & 0xFF
                            : ((b[pos + 2 * i] & 0xFF) << 8) | (b[pos + 2 * i + 1] & 0xFF);
                    out[i] = sample(v, maxval, i, width);
                }
            } else {
                out = new double[(int) n];
                for (int i = 0; i < n; i++) {
                    skipSpaceAndComments();
                    if (pos >= b.length) {
                        throw new IOException(name + ": truncated: PGM header says " + width + "x" + height
                                + " pixels but the file ends after " + i + " samples");
                    }
                    out[i] = sample(number("sample " + i, 65535), maxval, i, width);
                }
            }
            return GreyImage.wrap(out, width, height);
        }

        private double sample(int v, int maxval, int i, int width) throws IOException {
            if (v > maxval) {
                throw new IOException(name + ": corrupt PGM: sample " + v + " at x=" + (i % width) + ", y="
                        + (i / width) + " exceeds maxval " + maxval);
            }
            return v / (double) maxval;
        }

        private int number(String what, int limit) throws IOException {
            skipSpaceAndComments();
            int start = pos;
            long v = 0;
            while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
                v = v * 10 + (b[pos] - '0');
                if (v > limit) {
                    throw new IOException(name + ": bad PGM header: " + what + " exceeds " + limit);
                }
                pos++;
            }
            if (pos == start) {
                String found = pos >= b.length ? "end of file"
                        : "'" + ReadLimit.printable(new String(b, pos, Math.min(8, b.length - pos), StandardCharsets.ISO_8859_1)) + "'";
                throw new IOException(name + ": bad PGM " + (what.startsWith("sample") ? "data" : "header")
                        + ": expected " + what + ", found " + found);
            }
            return (int) v;
        }

        private void skipSpaceAndComments() {
            while (pos < b.length) {
                if (b[pos] == '#') {
                    while (pos < b.length && b[pos] != '\n' && b[pos] != '\r') {
                        pos++;
                    }
                } else if (isSpace(b[pos])) {
                    pos++;
                } else {
                    return;
                }
            }
        }

        private static boolean isSpace(byte c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C;
        }
    }
}
