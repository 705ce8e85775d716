package org.scatter4j.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Same-sized non-negative maps (e.g. the H' x W' channels of a scattering transform) in a labelled
 * grid on one shared colour scale, so that magnitudes can be compared across the grid.
 */
public final class MapGrid {
    private static final int GAP = 4;
    private static final int LEFT = 90;
    private static final int TOP = 56;

    private MapGrid() {
    }

    /**
     * Cell (r, c) shows {@code maps[r * cols + c]} (null leaves the cell empty); row and column labels
     * are drawn left and above. The colour scale runs from 0 to the largest value of all maps.
     */
    public static BufferedImage draw(String title, double[][] maps, int height, int width, int rows, int cols, String[] rowLabels,
            String[] colLabels, int zoom) {
        if (maps.length != rows * cols || rowLabels.length != rows || colLabels.length != cols) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " grid needs " + rows * cols + " maps, " + rows
                    + " row labels and " + cols + " column labels, got " + maps.length + ", " + rowLabels.length + ", "
                    + colLabels.length);
        }
        double hi = 0;
        for (double[] m : maps) {
            if (m != null) {
                for (double v : m) {
                    hi = Math.max(hi, v);
                }
            }
        }
        int cw = width * zoom;
        int ch = height * zoom;
        int titleWidth = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
                .getFontMetrics(new Font(Font.SANS_SERIF, Font.BOLD, 14)).stringWidth(title);
        int w = Math.max(LEFT + cols * (cw + GAP) + 10, Math.max(420, titleWidth + 20));
        int h = TOP + rows * (ch + GAP) + 50;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, 10, 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int c = 0; c < cols; c++) {
            String s = colLabels[c];
            g.drawString(s, LEFT + c * (cw + GAP) + (cw - g.getFontMetrics().stringWidth(s)) / 2, TOP - 6);
        }
        for (int r = 0; r < rows; r++) {
            g.drawString(rowLabels[r], 8, TOP + r * (ch + GAP) + ch / 2 + 4);
            for (int c = 0; c < cols; c++) {
                double[] m = maps[r * cols + c];
                if (m == null) {
                    continue;
                }
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        g.setColor(new Color(Heatmap.colour(m[y * width + x], 0, hi, Heatmap.Scale.POSITIVE)));
                        g.fillRect(LEFT + c * (cw + GAP) + x * zoom, TOP + r * (ch + GAP) + y * zoom, zoom, zoom);
                    }
                }
            }
        }
        int barY = h - 38;
        int barW = w - 20;
        for (int i = 0; i < barW; i++) {
            g.setColor(new Color(Heatmap.colour(hi * i / (barW - 1.0), 0, hi, Heatmap.Scale.POSITIVE)));
            g.drawLine(10 + i, barY, 10 + i, barY + 10);
        }
        g.setColor(Color.BLACK);
        g.drawString("0", 10, barY + 24);
        String top = Heatmap.format(hi);
        g.drawString(top, w - 10 - g.getFontMetrics().stringWidth(top), barY + 24);
        g.dispose();
        return img;
    }
}
