package org.scatter4j.samples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.scatter4j.io.MnistDataset;
import org.scatter4j.scattering.FeatureExtractor;
import org.scatter4j.rototranslation.RotoScattering2D;
import org.scatter4j.scattering.Scattering2D;
import org.scatter4j.scattering.SpatialAverage;
import org.scatter4j.viz.Charts;
import org.scatter4j.viz.FigureSet;
import org.scatter4j.viz.Heatmap;

/**
 * What a rotation does to the coefficients. A digit is rotated about its centre by 0..180 degrees
 * (bilinear resampling) and each representation's relative distance to the unrotated digit is
 * plotted against the angle. Translation scattering averaged over space permutes its orientations
 * under rotation, so it is not invariant: the distance rises, stays high between ~40 and ~140 degrees, and falls back to ~0 at
 * 180 degrees (psi_{theta + pi} is the conjugate of psi_theta, so the moduli are unchanged).
 * Roto-translation scattering (Sifre and Mallat 2013) also averages along the rotation group; its
 * curve is one more entry in {@link #representations}.
 */
public final class RotationDemo {
    public static final String NAME = "rotation";
    /** The digit sits in the middle of a SIDE x SIDE canvas, so that no rotation pushes it into the borders. */
    static final int SIDE = 48;
    /** Rotation angles, degrees. */
    static final double[] ANGLES = new double[19];

    static {
        for (int i = 0; i < ANGLES.length; i++) {
            ANGLES[i] = 10.0 * i;
        }
    }

    /** One curve per representation (named by {@link FeatureExtractor#describe()}), over {@link #ANGLES}. */
    public record Curves(double[] angles, List<String> names, List<double[]> distances) {
    }

    private RotationDemo() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(run(Demos.folder(args, NAME), Demos.overwrite(args)).summary());
    }

    /** The representations compared; add a FeatureExtractor here to get one more curve. */
    static List<FeatureExtractor> representations() {
        Scattering2D translation = Scattering2D.builder().J(3).L(8).maxOrder(2).shape(SIDE, SIDE).build();
        // roto-translation scattering (Sifre and Mallat 2013): same J and L, averaged over space and angle
        RotoScattering2D roto = RotoScattering2D.builder().J(3).L(8).shape(SIDE, SIDE).build();
        return List.of(
                new SpatialAverage(translation, 0),
                roto,
                new PixelFeatures(SIDE, SIDE));
    }

    public static Curves measure() throws IOException {
        float[] digit = digit();
        float[] copies = new float[ANGLES.length * SIDE * SIDE];
        for (int i = 0; i < ANGLES.length; i++) {
            System.arraycopy(Warp.rotate(digit, SIDE, SIDE, ANGLES[i]), 0, copies, i * SIDE * SIDE, SIDE * SIDE);
        }
        List<String> names = new ArrayList<>();
        List<double[]> distances = new ArrayList<>();
        for (FeatureExtractor phi : representations()) {
            names.add(phi.describe());
            distances.add(RelativeChange.of(phi, digit, copies, ANGLES.length));
        }
        return new Curves(ANGLES.clone(), names, distances);
    }

    public static DemoResult run(Path out, boolean overwrite) throws IOException {
        return write(measure(), out, overwrite);
    }

    /** Draws the figures of measured results (the tests measure once, then check both the numbers and the files). */
    static DemoResult write(Curves c, Path out, boolean overwrite) throws IOException {
        XYChart chart = Charts.line("Rotating an MNIST digit: distance to the unrotated coefficients", "rotation angle (degrees)",
                "relative distance ||Phi(R x) - Phi(x)|| / ||Phi(x)||");
        for (int i = 0; i < c.names().size(); i++) {
            Charts.curve(chart, c.names().get(i), c.angles(), c.distances().get(i), Charts.palette(i));
        }
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(180.0);
        float[] digit = digit();
        List<java.awt.image.BufferedImage> tiles = new ArrayList<>();
        for (double a : new double[] {0, 45, 90, 135, 180}) {
            tiles.add(Heatmap.figure(String.format("%.0f degrees", a), Warp.rotate(digit, SIDE, SIDE, a),
                    SIDE, SIDE, Heatmap.Scale.GREY, 4));
        }
        FigureSet figures = new FigureSet()
                .add("rotation.png", chart)
                .add("rotation_examples.png", Heatmap.montage("Rotated copies (bilinear, about the centre)", tiles, tiles.size()));
        double[] s = c.distances().get(0);
        int peak = argMax(s);
        double[] roto = c.distances().get(1);
        double[] pixels = c.distances().get(2);
        String summary = String.format("Averaged translation scattering: distance %.3f at 45 degrees, maximum %.3f at %.0f degrees, "
                + "%.3f at 180 degrees; roto-translation scattering: at most %.3f; raw pixels: %.3f at 45 degrees, %.3f at 90 degrees.",
                s[4], s[peak], ANGLES[peak], s[ANGLES.length - 1], java.util.Arrays.stream(roto).max().orElseThrow(), pixels[4],
                pixels[9]);
        return new DemoResult(NAME, figures.writeTo(out, overwrite), summary);
    }

    static float[] digit() throws IOException {
        return Warp.embed(MnistDataset.bundledSubset().test().images().image(0), 28, 28, SIDE, SIDE);
    }

    static int argMax(double[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        return best;
    }
}
