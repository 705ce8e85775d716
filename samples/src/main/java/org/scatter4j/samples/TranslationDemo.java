package org.scatter4j.samples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.scatter4j.io.MnistDataset;
import org.scatter4j.scattering.FeatureExtractor;
import org.scatter4j.scattering.Scattering2D;
import org.scatter4j.viz.Charts;
import org.scatter4j.viz.FigureSet;

/**
 * Local translation invariance and its scale. A digit is placed on a 64 x 64 canvas (so that it never
 * leaves the frame) and shifted to the right by 0..16 pixels. Scattering with averaging scale 2^J
 * changes by about |shift| / 2^J of its norm (Mallat 2012, theorem 2.10: ||S x_c - S x|| <= C 2^-J |c| ||x||),
 * so the curves for J = 1, 2, 3 get flatter as 2^J grows, while the pixels change by more than their
 * norm as soon as the strokes no longer overlap.
 */
public final class TranslationDemo {
    public static final String NAME = "translation";
    static final int CANVAS = 64;
    static final int[] JS = {1, 2, 3};
    /** Shifts in pixels: 0 .. 16 = 2 * 2^3. */
    static final double[] SHIFTS = new double[17];

    static {
        for (int i = 0; i < SHIFTS.length; i++) {
            SHIFTS[i] = i;
        }
    }

    /** One curve per J (in the order of {@link #JS}) then the pixels, over {@link #SHIFTS}. */
    public record Curves(double[] shifts, List<String> names, List<double[]> changes) {
    }

    private TranslationDemo() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(run(Demos.folder(args, NAME), Demos.overwrite(args)).summary());
    }

    public static Curves measure() throws IOException {
        float[] digit = Warp.embed(MnistDataset.bundledSubset().test().images().image(0), 28, 28, CANVAS, CANVAS);
        int n = CANVAS * CANVAS;
        float[] copies = new float[SHIFTS.length * n];
        for (int i = 0; i < SHIFTS.length; i++) {
            System.arraycopy(Warp.translate(digit, CANVAS, CANVAS, 0, SHIFTS[i]), 0, copies, i * n, n);
        }
        List<String> names = new ArrayList<>();
        List<FeatureExtractor> representations = new ArrayList<>();
        for (int J : JS) {
            names.add("scattering J=" + J + " (2^J = " + (1 << J) + " px)");
            representations.add(Scattering2D.builder().J(J).L(8).maxOrder(2).shape(CANVAS, CANVAS).build());
        }
        names.add("raw pixels");
        representations.add(new PixelFeatures(CANVAS, CANVAS));
        List<double[]> changes = representations.stream().map(phi -> RelativeChange.of(phi, digit, copies, SHIFTS.length)).toList();
        return new Curves(SHIFTS.clone(), names, changes);
    }

    public static DemoResult run(Path out, boolean overwrite) throws IOException {
        return write(measure(), out, overwrite);
    }

    /** Draws the figures of measured results (the tests measure once, then check both the numbers and the files). */
    static DemoResult write(Curves c, Path out, boolean overwrite) throws IOException {
        XYChart chart = Charts.line("Translating an MNIST digit: relative change against the averaging scale 2^J",
                "horizontal shift (pixels)", "relative change ||Phi x_shifted - Phi x|| / ||Phi x||", 1040, Charts.HEIGHT);
        // seven legend entries: a column to the right, so none is cut
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        double top = 0;
        for (double[] curve : c.changes()) {
            for (double v : curve) {
                top = Math.max(top, v);
            }
        }
        for (int i = 0; i < c.names().size(); i++) {
            Charts.curve(chart, c.names().get(i), c.shifts(), c.changes().get(i), Charts.palette(i));
        }
        for (int i = 0; i < JS.length; i++) {
            Charts.verticalLine(chart, "2^" + JS[i] + " = " + (1 << JS[i]) + " px", 1 << JS[i], 0, top, Charts.palette(i));
        }
        FigureSet figures = new FigureSet().add("translation.png", chart);
        StringBuilder summary = new StringBuilder("Relative change after a 1-pixel and a 4-pixel shift:");
        for (int i = 0; i < c.names().size(); i++) {
            summary.append(String.format(" %s %.3f and %.3f;", c.names().get(i), c.changes().get(i)[1], c.changes().get(i)[4]));
        }
        summary.setLength(summary.length() - 1);
        return new DemoResult(NAME, figures.writeTo(out, overwrite), summary.append('.').toString());
    }
}
