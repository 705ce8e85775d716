package org.scatter4j.cli;

import java.awt.image.BufferedImage;
import org.imgscalr.Scalr;
import org.scatter4j.io.GreyImage;

/**
 * The scales of the texture protocol's multiscale training (Sifre and Mallat, CVPR 2013, Section 5):
 * the factors of {@code textures --augment-scales}, the image seen at each factor, and the resize
 * every image of the protocol goes through.
 */
final class TextureScales {
    private TextureScales() {
    }

    /**
     * The --augment-scales factors: 'none' or a comma-separated list of factors in [0.25, 4], not 1;
     * SIZE * s must stay >= 2^J for the factors below 1 (the rescaled image is transformed as is).
     */
    static double[] parse(String text, int size, int J) {
        if (text == null || text.isBlank() || text.trim().equals("none")) {
            return new double[0];
        }
        String[] parts = text.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            double v;
            try {
                v = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--augment-scales must be 'none' or numbers separated by commas, got '" + parts[i]
                        + "' in '" + text + "'");
            }
            if (!(v >= 0.25 && v <= 4) || v == 1) {
                throw new IllegalArgumentException("--augment-scales factors must be in [0.25, 4] and not 1, got " + parts[i].trim());
            }
            if (v < 1 && Math.round(size * v) < (1L << J)) {
                throw new IllegalArgumentException("--augment-scales " + parts[i].trim() + " makes " + size + "x" + size + " images "
                        + Math.round(size * v) + " pixels wide, below 2^J = " + (1 << J) + " (--J " + J + ")");
            }
            out[i] = v;
        }
        return out;
    }

    /**
     * The image seen at scale s (Sifre and Mallat's multiscale training, CVPR 2013, Section 5): for s
     * &gt; 1 the centre crop of side round(n / s), resized back to n x n (a zoom in); for s &lt; 1
     * the whole image resized to round(n s) x round(n s) (a zoom out). Square images only.
     */
    static GreyImage rescale(GreyImage img, double s) {
        int n = img.width();
        if (img.height() != n) {
            throw new IllegalArgumentException("rescale needs a square image, got " + img.width() + "x" + img.height());
        }
        if (s > 1) {
            int c = (int) Math.round(n / s);
            int o = (n - c) / 2;
            double[] crop = new double[c * c];
            for (int y = 0; y < c; y++) {
                for (int x = 0; x < c; x++) {
                    crop[y * c + x] = img.get(x + o, y + o);
                }
            }
            return resize(new GreyImage(crop, c, c), n);
        }
        return s < 1 ? resize(img, (int) Math.round(n * s)) : img;
    }

    /**
     * Resizes with imgscalr's QUALITY method (progressive bilinear downscaling with antialiasing),
     * as the papers' protocol resizes every image to 200 x 200; grey is kept in 16-bit.
     */
    static GreyImage resize(GreyImage img, int size) {
        BufferedImage src = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                src.getRaster().setSample(x, y, 0, (int) Math.round(Math.max(0, Math.min(1, img.get(x, y))) * 65535));
            }
        }
        BufferedImage dst = Scalr.resize(src, Scalr.Method.QUALITY, Scalr.Mode.FIT_EXACT, size, size);
        double[] data = new double[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = dst.getRGB(x, y);
                // imgscalr may return an RGB image; its channels are equal for grey input
                data[y * size + x] = dst.getType() == BufferedImage.TYPE_USHORT_GRAY
                        ? dst.getRaster().getSample(x, y, 0) / 65535.0 : ((rgb >> 8) & 0xFF) / 255.0;
            }
        }
        return new GreyImage(data, size, size);
    }
}
