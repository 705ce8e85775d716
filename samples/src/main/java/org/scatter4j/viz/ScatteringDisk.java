package org.scatter4j.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.scatter4j.scattering.ScatteringPath;
import org.scatter4j.wavelets.MorletFilterBank;

/**
 * The display of scattering coefficients of Bruna and Mallat 2013 (figure 3): the frequency disk is
 * cut into one annular sector per path, placed where the path's wavelet lives in frequency, and
 * coloured by the coefficient. First order: ring j1 (finest scale, highest frequency, outside),
 * sector theta1. Second order: the (j1, theta1) sector is cut again, radially by j2 (the smaller j2
 * outside) and angularly by theta2. Every sector is drawn twice, at theta and theta + 180 degrees,
 * because the spectrum of a real image is symmetric. Directions are those of the Fourier plots of
 * the filters: frequency along the rows points down, along the columns to the right.
 */
public final class ScatteringDisk {
    private static final int SIZE = 560;
    private static final double RADIUS = 220;
    private static final double CORE = 30;
    /**
     * At most this many decades on the logarithmic colour scale: second-order energies span several
     * orders of magnitude, first-order ones about one; the scale spans what the data span, up to this.
     */
    private static final double MAX_DECADES = 3;

    private ScatteringDisk() {
    }

    /**
     * Draws the paths of the given order (1 or 2) of {@code paths}, channel c coloured by
     * {@code values[c]} on a logarithmic scale from the smallest to the largest value of that order
     * (at most three decades; anything smaller gets the darkest colour).
     */
    public static BufferedImage draw(String title, int order, MorletFilterBank bank, List<ScatteringPath> paths, double[] values) {
        if (order != 1 && order != 2) {
            throw new IllegalArgumentException("order must be 1 or 2, got order=" + order);
        }
        if (values.length != paths.size()) {
            throw new IllegalArgumentException("values has " + values.length + " entries, expected one per path: " + paths.size());
        }
        int J = bank.J();
        int L = bank.L();
        double hi = 0;
        double lo = Double.MAX_VALUE;
        for (int c = 0; c < paths.size(); c++) {
            if (paths.get(c).order() == order) {
                hi = Math.max(hi, values[c]);
                lo = values[c] > 0 ? Math.min(lo, values[c]) : lo;
            }
        }
        if (!(hi > 0)) {
            throw new IllegalArgumentException("order " + order + " has no positive value to draw (largest: " + hi + ")");
        }
        double decades = Math.max(0.1, Math.min(MAX_DECADES, Math.log10(hi / lo)));
        BufferedImage img = new BufferedImage(SIZE, SIZE + 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        double cx = SIZE / 2.0;
        double cy = SIZE / 2.0 + 20;
        double sector = 180.0 / L;
        // empty sectors (no path there, e.g. second order at j1 = J - 1) stay light grey
        g.setColor(new Color(235, 235, 235));
        g.fill(annularSector(cx, cy, CORE, RADIUS, 0, 360));
        for (int c = 0; c < paths.size(); c++) {
            ScatteringPath p = paths.get(c);
            if (p.order() != order) {
                continue;
            }
            int j1 = p.j(0);
            double rIn = ringInner(j1, J);
            double rOut = ringInner(j1 - 1, J);
            double start = screenAngle(bank, j1, p.theta(0)) - sector / 2;
            double extent = sector;
            if (order == 2) {
                // within the (j1, theta1) sector: sub-ring by j2 (j1 + 1 outside), sub-sector by theta2
                int m = J - 1 - j1;
                int q = p.j(1) - j1 - 1;
                double w = (rOut - rIn) / m;
                rOut = rOut - q * w;
                rIn = rOut - w;
                extent = sector / L;
                start += rank(bank, p.theta(1)) * extent;
            }
            g.setColor(logColour(values[c], hi, decades));
            g.fill(annularSector(cx, cy, rIn, rOut, start, extent));
            g.fill(annularSector(cx, cy, rIn, rOut, start + 180, extent));
        }
        // ring and sector boundaries of the first order, so that both disks can be read the same way
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(order == 1 ? 1.5f : 2.5f));
        for (int j = -1; j < J; j++) {
            double r = ringInner(j, J);
            g.draw(new java.awt.geom.Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        }
        for (int t = 0; t < 2 * L; t++) {
            double a = Math.toRadians(screenAngle(bank, 0, t % L) + (t >= L ? 180 : 0) - sector / 2);
            g.draw(new java.awt.geom.Line2D.Double(cx + CORE * Math.cos(a), cy - CORE * Math.sin(a), cx + RADIUS * Math.cos(a),
                    cy - RADIUS * Math.sin(a)));
        }
        // labels: theta in degrees around the disk, j1 along the vertical radius
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int t = 0; t < 2 * L; t++) {
            double a = Math.toRadians(screenAngle(bank, 0, t % L) + (t >= L ? 180 : 0));
            String s = String.format("%.1f\u00b0", Math.floorMod(Math.round(Math.toDegrees(bank.wavelet(0, t % L).theta()) * 10), 1800)
                    / 10.0);
            int sw = g.getFontMetrics().stringWidth(s);
            g.drawString(s, (float) (cx + (RADIUS + 18) * Math.cos(a) - sw / 2.0), (float) (cy - (RADIUS + 18) * Math.sin(a) + 5));
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        double labelAngle = Math.toRadians(screenAngle(bank, 0, 0) + sector / 2 + 90.0 / L);
        for (int j = 0; j < J; j++) {
            double r = (ringInner(j, J) + ringInner(j - 1, J)) / 2;
            String s = "j1=" + j;
            g.setColor(Color.WHITE);
            g.fillRect((int) (cx + r * Math.cos(labelAngle)) - 16, (int) (cy - r * Math.sin(labelAngle)) - 10, 34, 14);
            g.setColor(Color.BLACK);
            g.drawString(s, (float) (cx + r * Math.cos(labelAngle)) - 14, (float) (cy - r * Math.sin(labelAngle)) + 1);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, 10, 20);
        // colour bar
        int barY = SIZE + 54;
        int barW = SIZE - 40;
        for (int i = 0; i < barW; i++) {
            g.setColor(logColour(hi * Math.pow(10, -decades * (1 - i / (barW - 1.0))), hi, decades));
            g.drawLine(20 + i, barY, 20 + i, barY + 12);
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int d = 0; d <= 3; d++) { // four ticks, evenly spaced in log scale
            String label = Heatmap.format(hi * Math.pow(10, decades * (d / 3.0 - 1)));
            int x = 20 + (int) Math.round((barW - 1.0) * d / 3);
            int sw = g.getFontMetrics().stringWidth(label);
            g.drawString(label, Math.max(4, Math.min(SIZE - 4 - sw, x - sw / 2)), barY + 28);
            g.drawLine(x, barY + 12, x, barY + 16);
        }
        String legend = order == 1 ? "mean over u of |S1 x[j1, theta1](u)|^2 (log scale); around the disk: theta1"
                : "mean over u of |S2 x[j1, theta1, j2, theta2](u)|^2 (log scale)";
        g.drawString(legend, 20, barY - 22);
        g.drawString(order == 1 ? "rings: j1 = 0 (outside, fine scale, high frequency) to " + (J - 1) + " (inside)"
                : "in each (j1, theta1) sector: sub-rings j2 = j1+1 (outside) .. " + (J - 1) + ", sub-sectors theta2", 20, barY - 6);
        g.dispose();
        return img;
    }

    private static Color logColour(double v, double hi, double decades) {
        double t = v > 0 ? Math.max(-decades, Math.log10(v / hi)) : -decades;
        return new Color(Heatmap.colour(t, -decades, 0, Heatmap.Scale.POSITIVE));
    }

    /** Inner radius of ring j (j = -1 gives the outer edge); the finest scale j = 0 is outermost. */
    private static double ringInner(int j, int J) {
        return CORE + (RADIUS - CORE) * (J - 1 - j) / J;
    }

    /**
     * Direction on screen (degrees counter-clockwise from the right, y up) of the frequency of
     * psi_{j, t}: (row, col) frequency (cos theta, sin theta) drawn with rows pointing down.
     */
    private static double screenAngle(MorletFilterBank bank, int j, int t) {
        double theta = bank.wavelet(j, t).theta();
        return Math.toDegrees(Math.atan2(-Math.cos(theta), Math.sin(theta)));
    }

    /** Position of orientation t among the L orientations sorted by screen angle within a half-turn. */
    private static int rank(MorletFilterBank bank, int t) {
        int L = bank.L();
        double base = screenAngle(bank, 0, 0) - 90.0 / L;
        double a = Math.floorMod(Math.round((screenAngle(bank, 0, t) - base) * 1000), 180_000) / 1000.0;
        return (int) Math.floor(a / (180.0 / L));
    }

    private static Shape annularSector(double cx, double cy, double r0, double r1, double startDeg, double extentDeg) {
        Path2D p = new Path2D.Double();
        p.append(new Arc2D.Double(cx - r1, cy - r1, 2 * r1, 2 * r1, startDeg, extentDeg, Arc2D.OPEN), false);
        p.append(new Arc2D.Double(cx - r0, cy - r0, 2 * r0, 2 * r0, startDeg + extentDeg, -extentDeg, Arc2D.OPEN), true);
        p.closePath();
        return p;
    }
}
