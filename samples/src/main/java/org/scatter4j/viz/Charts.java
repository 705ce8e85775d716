package org.scatter4j.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One look for every XChart line plot of the demos and the report: white background, large enough
 * fonts to stay readable when the PNG is shown at half size, legend below the plot.
 */
public final class Charts {
    /** Width and height in pixels of a single plot. */
    public static final int WIDTH = 820;
    public static final int HEIGHT = 520;

    private Charts() {
    }

    /** An empty line plot with a title and axis titles (put the units in the axis titles). */
    public static XYChart line(String title, String xAxis, String yAxis) {
        return line(title, xAxis, yAxis, WIDTH, HEIGHT);
    }

    public static XYChart line(String title, String xAxis, String yAxis, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xAxis).yAxisTitle(yAxis).build();
        var s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        // below the plot: a legend inside would hide a curve in one demo or another
        s.setLegendPosition(LegendPosition.OutsideS);
        // one entry per line: long descriptions (e.g. the roto-translation one) are never cut
        s.setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        s.setMarkerSize(7);
        s.setChartTitleBoxVisible(false);
        return chart;
    }

    /** Adds a solid line with round markers. */
    public static XYSeries curve(XYChart chart, String name, double[] x, double[] y, Color colour) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineColor(colour);
        series.setMarkerColor(colour);
        series.setLineStyle(new BasicStroke(2.2f));
        return series;
    }

    /** Adds a dashed vertical reference line at {@code x} from {@code yLow} to {@code yHigh}, without markers. */
    public static XYSeries verticalLine(XYChart chart, String name, double x, double yLow, double yHigh, Color colour) {
        XYSeries series = chart.addSeries(name, new double[] {x, x}, new double[] {yLow, yHigh});
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour);
        series.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 5f}, 0f));
        return series;
    }

    /** A colour per curve index, distinguishable in print and by most colour-blind readers (Okabe-Ito). */
    public static Color palette(int i) {
        Color[] c = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
            new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0)};
        return c[Math.floorMod(i, c.length)];
    }
}
