package org.scatter4j.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Renders 2D real arrays as colour images: a diverging blue-white-red map centred on zero for
 * signed data (real and imaginary parts), a dark-to-bright sequential map for non-negative data
 * (moduli, energies). Each image gets a title and a colour scale with its numeric range, so a
 * figure can be read on its own.
 */
public final class Heatmap {
    /** How values map to colours. */
    public enum Scale {
        /** Blue (negative) - white (0) - red (positive), symmetric in |max|. */
        SIGNED,
        /** Black - purple - orange - yellow from min to max (an "inferno"-like map). */
        POSITIVE,
        /** Black (min) to white (max): photographs and digits as they are. */
        GREY
    }

    private Heatmap() {
    }

    /** Shifts a periodic array so that index (0, 0) lands at the centre (numpy fftshift). */
    public static double[] centred(double[] data, int rows, int cols) {
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[((r + rows / 2) % rows) * cols + (c + cols / 2) % cols] = data[r * cols + c];
            }
        }
        return out;
    }

    /** The pixels of the array, each value a {@code zoom x zoom} block; no labels. */
    public static BufferedImage pixels(double[] data, int rows, int cols, Scale scale, int zoom) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double v : data) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        BufferedImage img = new BufferedImage(cols * zoom, rows * zoom, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int rgb = colour(data[r * cols + c], lo, hi, scale);
                for (int dr = 0; dr < zoom; dr++) {
                    for (int dc = 0; dc < zoom; dc++) {
                        img.setRGB(c * zoom + dc, r * zoom + dr, rgb);
                    }
                }
            }
        }
        return img;
    }

    /** As {@link #figure(String, double[], int, int, Scale, int)} for float images (the library's batch format). */
    public static BufferedImage figure(String title, float[] data, int rows, int cols, Scale scale, int zoom) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i];
        }
        return figure(title, d, rows, cols, scale, zoom);
    }

    /** A labelled figure: title above, the pixels, and a colour bar with the value range below. */
    public static BufferedImage figure(String title, double[] data, int rows, int cols, Scale scale, int zoom) {
        BufferedImage px = pixels(data, rows, cols, scale, zoom);
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double v : data) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (scale == Scale.SIGNED) {
            double m = Math.max(Math.abs(lo), Math.abs(hi));
            lo = -m;
            hi = m;
        }
        int titleWidth = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
                .getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 12)).stringWidth(title);
        int w = Math.max(Math.max(px.getWidth() + 20, 220), titleWidth + 20); // never cut the title
        int h = px.getHeight() + 70;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(title, 10, 15);
        int x0 = (w - px.getWidth()) / 2;
        g.drawImage(px, x0, 22, null);
        int barY = 22 + px.getHeight() + 8;
        int barW = w - 20;
        for (int i = 0; i < barW; i++) {
            double v = lo + (hi - lo) * i / (barW - 1.0);
            g.setColor(new Color(colour(v, lo, hi, scale)));
            g.drawLine(10 + i, barY, 10 + i, barY + 10);
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        g.drawString(format(lo), 10, barY + 24);
        String hiText = format(hi);
        g.drawString(hiText, w - 10 - g.getFontMetrics().stringWidth(hiText), barY + 24);
        if (scale == Scale.SIGNED) {
            g.drawString("0", w / 2 - 3, barY + 24);
        }
        g.dispose();
        return img;
    }

    static String format(double v) {
        return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 || v == 0 ? String.format("%.4g", v) : String.format("%.2e", v);
    }

    static int colour(double v, double lo, double hi, Scale scale) {
        if (scale == Scale.SIGNED) {
            double m = Math.max(Math.max(Math.abs(lo), Math.abs(hi)), Double.MIN_NORMAL);
            double t = Math.max(-1, Math.min(1, v / m));
            int r;
            int gr;
            int b;
            if (t >= 0) { // white -> red
                r = 255;
                gr = (int) Math.round(255 * (1 - t));
                b = (int) Math.round(255 * (1 - t));
            } else { // white -> blue
                r = (int) Math.round(255 * (1 + t));
                gr = (int) Math.round(255 * (1 + t));
                b = 255;
            }
            return (r << 16) | (gr << 8) | b;
        }
        double t = hi > lo ? (v - lo) / (hi - lo) : 0;
        t = Math.max(0, Math.min(1, t));
        if (scale == Scale.GREY) {
            int g = (int) Math.round(255 * t);
            return (g << 16) | (g << 8) | g;
        }
        // piecewise-linear approximation of matplotlib's "inferno"
        double[][] stops = {{0, 0, 0, 4}, {0.25, 87, 16, 110}, {0.5, 188, 55, 84}, {0.75, 249, 142, 9}, {1, 252, 255, 164}};
        for (int i = 1; i < stops.length; i++) {
            if (t <= stops[i][0]) {
                double u = (t - stops[i - 1][0]) / (stops[i][0] - stops[i - 1][0]);
                int r = (int) Math.round(stops[i - 1][1] + u * (stops[i][1] - stops[i - 1][1]));
                int gr = (int) Math.round(stops[i - 1][2] + u * (stops[i][2] - stops[i - 1][2]));
                int b = (int) Math.round(stops[i - 1][3] + u * (stops[i][3] - stops[i - 1][3]));
                return (r << 16) | (gr << 8) | b;
            }
        }
        return 0xFCFFA4;
    }

    /** Tiles figures into a grid with a title, row by row. */
    public static BufferedImage montage(String title, java.util.List<BufferedImage> tiles, int columns) {
        int tw = tiles.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int th = tiles.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        int rows = (tiles.size() + columns - 1) / columns;
        BufferedImage img = new BufferedImage(columns * tw, rows * th + 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 10, 21);
        for (int i = 0; i < tiles.size(); i++) {
            g.drawImage(tiles.get(i), (i % columns) * tw, 30 + (i / columns) * th, null);
        }
        g.dispose();
        return img;
    }
}
