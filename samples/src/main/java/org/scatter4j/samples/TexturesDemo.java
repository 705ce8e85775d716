package org.scatter4j.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.scatter4j.scattering.Scattering2D;
import org.scatter4j.scattering.SpatialAverage;
import org.scatter4j.viz.Charts;
import org.scatter4j.viz.FigureSet;
import org.scatter4j.viz.Heatmap;
import org.scatter4j.wavelets.MorletFilterBank;

/**
 * Textures through first-order scattering (Bruna and Mallat 2013, section 5). A texture is
 * stationary, so the spatial averages of |x * psi_{j,theta}| * phi_J describe it well: as a function
 * of theta at fixed j they show whether it is oriented; across j, at which scales its energy lies.
 * Three KTH-TIPS photographs (central 128 x 128 crops, J = 4, L = 8) and their profiles side by side.
 */
public final class TexturesDemo {
    public static final String NAME = "textures";
    static final int SIDE = 128;
    static final int J = 4;
    static final int L = 8;
    static final String[] IMAGES = {"aluminium_foil/15-scale_1_im_1_grey.png", "aluminium_foil/15-scale_1_im_2_grey.png",
        "brown_bread/48-scale_6_im_1_grey.png"};
    static final String[] TITLES = {"aluminium foil (image 1)", "aluminium foil (image 2)", "brown bread"};

    /** profile[i][j][k]: texture i, scale j, k-th orientation in increasing angle order {@link #angles}. */
    public record Profiles(double[] angles, double[][][] profile) {
    }

    private TexturesDemo() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(run(Demos.folder(args, NAME), Demos.overwrite(args)).summary());
    }

    /** The central SIDE x SIDE crop of a bundled texture, grey values in [0, 1]. */
    static float[] crop(String resource) throws IOException {
        BufferedImage img;
        try (InputStream in = TexturesDemo.class.getResourceAsStream("kth-tips/" + resource)) {
            if (in == null) {
                throw new IOException("bundled texture kth-tips/" + resource + " is missing from the jar");
            }
            img = ImageIO.read(in);
        }
        int r0 = (img.getHeight() - SIDE) / 2;
        int c0 = (img.getWidth() - SIDE) / 2;
        float[] out = new float[SIDE * SIDE];
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                out[r * SIDE + c] = (img.getRaster().getSample(c0 + c, r0 + r, 0)) / 255f;
            }
        }
        return out;
    }

    public static Profiles measure() throws IOException {
        // first order only: the profiles need S1, and skipping order 2 makes the transform ~J L / 2 times cheaper
        Scattering2D scattering = Scattering2D.builder().J(J).L(L).maxOrder(1).shape(SIDE, SIDE).build();
        SpatialAverage average = new SpatialAverage(scattering, 0);
        MorletFilterBank bank = scattering.filterBank();
        // orientation index t has angle theta_t (Kymatio's order, decreasing); plot angles in [0, 180) increasing
        Integer[] order = new Integer[L];
        double[] angleOf = new double[L];
        for (int t = 0; t < L; t++) {
            order[t] = t;
            angleOf[t] = Math.floorMod(Math.round(Math.toDegrees(bank.wavelet(0, t).theta()) * 10), 1800) / 10.0;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(angleOf[a], angleOf[b]));
        double[] angles = new double[L];
        for (int k = 0; k < L; k++) {
            angles[k] = angleOf[order[k]];
        }
        double[][][] profile = new double[IMAGES.length][J][L];
        for (int i = 0; i < IMAGES.length; i++) {
            float[] features = new float[average.featureCount()];
            average.extract(crop(IMAGES[i]), 1, features, 1);
            for (int c = 1; c < scattering.channelCount(); c++) { // channel 0 is order 0, the mean grey level
                var path = scattering.paths().get(c);
                int k = java.util.Arrays.asList(order).indexOf(path.theta(0));
                profile[i][path.j(0)][k] = features[c];
            }
        }
        return new Profiles(angles, profile);
    }

    public static DemoResult run(Path out, boolean overwrite) throws IOException {
        Profiles p = measure();
        double top = 0;
        for (double[][] perScale : p.profile()) {
            for (double[] row : perScale) {
                for (double v : row) {
                    top = Math.max(top, v);
                }
            }
        }
        List<BufferedImage> tiles = new ArrayList<>();
        StringBuilder summary = new StringBuilder("Ratio of the largest to the smallest orientation average at j = 1:");
        for (int i = 0; i < IMAGES.length; i++) {
            tiles.add(Heatmap.figure(TITLES[i] + ", central " + SIDE + " x " + SIDE + " crop",
                    crop(IMAGES[i]), SIDE, SIDE, Heatmap.Scale.GREY, 3));
            XYChart chart = Charts.line("First-order scattering of " + TITLES[i],
                    "orientation theta (degrees; frequency direction, 0 = vertical)",
                    "spatial mean of |x * psi_j,theta| * phi_J", 700, 440);
            for (int j = 0; j < J; j++) {
                Charts.curve(chart, "j=" + j + " (sigma " + String.format("%.1f", 0.8 * (1 << j)) + " px)", p.angles(),
                        p.profile()[i][j], Charts.palette(j));
            }
            chart.getStyler().setYAxisMin(0.0).setYAxisMax(top * 1.05).setXAxisMin(0.0).setXAxisMax(180.0);
            chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
            chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
            tiles.add(BitmapEncoder.getBufferedImage(chart));
            double[] j1 = p.profile()[i][1];
            summary.append(String.format(" %s %.2f;", TITLES[i], max(j1) / min(j1)));
        }
        summary.setLength(summary.length() - 1);
        FigureSet figures = new FigureSet().add("textures.png",
                Heatmap.montage("KTH-TIPS textures and their first-order scattering (J = 4, L = 8), same vertical scale", tiles, 2));
        return new DemoResult(NAME, figures.writeTo(out, overwrite), summary.append('.').toString());
    }

    private static double max(double[] a) {
        return java.util.Arrays.stream(a).max().orElseThrow();
    }

    private static double min(double[] a) {
        return java.util.Arrays.stream(a).min().orElseThrow();
    }
}
