package org.scatter4j.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A time-frequency image: rows of values at known centre frequencies (Hz), columns at known times
 * (s), drawn with time across, frequency up on a logarithmic axis, colours on a log scale of the
 * values (a 60 dB range below the maximum), axis ticks in seconds and Hz, and a colour bar. Used
 * for scalograms |x * psi| and for scattering coefficients as functions of time.
 */
public final class ScalogramFigure {
    private static final int LEFT = 70;
    private static final int RIGHT = 90;
    private static final int TOP = 30;
    private static final int BOTTOM = 45;
    /** Dynamic range shown, as a ratio of the largest value: 1e-3 in amplitude = 60 dB. */
    private static final double RANGE = 1e-3;

    private ScalogramFigure() {
    }

    /**
     * @param values       (rows, cols) row-major, non-negative
     * @param frequenciesHz the centre frequency of each row (any order, all &gt; 0)
     * @param secondsPerColumn time step of the columns; column c is at {@code c * secondsPerColumn}
     */
    public static BufferedImage render(String title, double[] values, int rows, int cols, double[] frequenciesHz,
            double secondsPerColumn, int width, int height) {
        if (values.length != rows * cols || frequenciesHz.length != rows || rows < 1 || cols < 1) {
            throw new IllegalArgumentException("values must be rows x cols = " + rows + " x " + cols + " with one frequency per row");
        }
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double floor = max > 0 ? max * RANGE : 1;
        double fLo = Double.MAX_VALUE;
        double fHi = 0;
        for (double f : frequenciesHz) {
            fLo = Math.min(fLo, f);
            fHi = Math.max(fHi, f);
        }
        if (fHi <= fLo) {
            fHi = fLo * 2;
        }
        int plotW = width - LEFT - RIGHT;
        int plotH = height - TOP - BOTTOM;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        double logLo = Math.log(fLo);
        double logHi = Math.log(fHi);
        for (int y = 0; y < plotH; y++) {
            // pixel row y (top = highest frequency) -> the row whose log frequency is nearest
            double logF = logHi - (logHi - logLo) * (y + 0.5) / plotH;
            int row = nearest(frequenciesHz, logF);
            for (int x = 0; x < plotW; x++) {
                int col = Math.min(cols - 1, (int) ((long) x * cols / plotW));
                double v = values[row * cols + col];
                double level = Math.log(Math.max(v, floor) / floor) / Math.log(1 / RANGE);
                img.setRGB(LEFT + x, TOP + y, Heatmap.colour(level, 0, 1, Heatmap.Scale.POSITIVE));
            }
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT - 1, TOP - 1, plotW + 1, plotH + 1);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, LEFT, 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        // time ticks: a 1-2-5 step giving 4 to 10 ticks
        double duration = cols * secondsPerColumn;
        double step = niceStep(duration / 6);
        for (double t = 0; t <= duration + 1e-12; t += step) {
            int x = LEFT + (int) Math.round(t / duration * plotW);
            g.drawLine(x, TOP + plotH, x, TOP + plotH + 4);
            String s = trim(t);
            g.drawString(s, x - g.getFontMetrics().stringWidth(s) / 2, TOP + plotH + 17);
        }
        g.drawString("time (s)", LEFT + plotW / 2 - 20, TOP + plotH + 35);
        // frequency ticks at 1, 2, 5 x 10^k Hz inside the range
        for (int e = -1; e <= 6; e++) {
            for (int m : new int[] {1, 2, 5}) {
                double f = m * Math.pow(10, e);
                if (f >= fLo && f <= fHi) {
                    int y = TOP + (int) Math.round((logHi - Math.log(f)) / (logHi - logLo) * plotH);
                    g.drawLine(LEFT - 4, y, LEFT, y);
                    String s = f >= 1000 ? trim(f / 1000) + "k" : trim(f);
                    g.drawString(s, LEFT - 8 - g.getFontMetrics().stringWidth(s), y + 4);
                }
            }
        }
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString("frequency (Hz, log)", -(TOP + plotH / 2 + 50), 14);
        rotated.dispose();
        // colour bar: 60 dB below the maximum up to the maximum
        int barX = LEFT + plotW + 20;
        for (int y = 0; y < plotH; y++) {
            g.setColor(new Color(Heatmap.colour(1 - (double) y / (plotH - 1), 0, 1, Heatmap.Scale.POSITIVE)));
            g.drawLine(barX, TOP + y, barX + 14, TOP + y);
        }
        g.setColor(Color.BLACK);
        g.drawString(Heatmap.format(max), barX + 18, TOP + 10);
        g.drawString(Heatmap.format(floor), barX + 18, TOP + plotH);
        g.drawString("-60 dB", barX + 18, TOP + plotH - 14);
        g.dispose();
        return img;
    }

    private static int nearest(double[] frequenciesHz, double logF) {
        int best = 0;
        for (int r = 1; r < frequenciesHz.length; r++) {
            if (Math.abs(Math.log(frequenciesHz[r]) - logF) < Math.abs(Math.log(frequenciesHz[best]) - logF)) {
                best = r;
            }
        }
        return best;
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
