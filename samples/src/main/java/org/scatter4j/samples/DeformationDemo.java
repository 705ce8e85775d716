package org.scatter4j.samples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.knowm.xchart.XYChart;
import org.scatter4j.io.MnistDataset;
import org.scatter4j.scattering.FeatureExtractor;
import org.scatter4j.scattering.Scattering2D;
import org.scatter4j.viz.Charts;
import org.scatter4j.viz.FigureSet;
import org.scatter4j.viz.Heatmap;

/**
 * Stability to small deformations, the property that makes scattering useful (Mallat 2012, theorem
 * 2.12; Bruna and Mallat 2013, section 2.2). A digit x is deformed, x_tau(u) = x(u - tau(u)), with
 * tau = s * (a smooth random field whose components reach at most 1 pixel), for growing s. For each
 * representation Phi we plot ||Phi x_tau - Phi x|| / ||Phi x||:
 * <ul>
 * <li>scattering: grows linearly in s with a small slope (Lipschitz continuity to deformations);</li>
 * <li>Fourier modulus: invariant to translation but not to deformation, it moves high frequencies;</li>
 * <li>raw pixels: a one-pixel displacement of a sharp stroke already changes a large fraction.</li>
 * </ul>
 */
public final class DeformationDemo {
    public static final String NAME = "deformation";
    /** Deformation sizes s: the largest displacement of any pixel, in pixels. */
    static final double[] SIZES = {0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0};

    /** One relative-change curve per representation, over {@link #SIZES}. */
    public record Curves(double[] sizes, List<String> names, List<double[]> changes) {
    }

    private DeformationDemo() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(run(Demos.folder(args, NAME), Demos.overwrite(args)).summary());
    }

    /** Deforms one MNIST digit by s * tau for every s and measures the three representations. */
    public static Curves measure() throws IOException {
        float[] digit = MnistDataset.bundledSubset().test().images().image(0);
        int n = 28;
        float[] copies = new float[SIZES.length * n * n];
        for (int i = 0; i < SIZES.length; i++) {
            System.arraycopy(deform(digit, SIZES[i]), 0, copies, i * n * n, n * n);
        }
        List<FeatureExtractor> representations = List.of(
                Scattering2D.builder().J(3).L(8).maxOrder(2).shape(n, n).build(),
                new FourierModulus(n, n),
                new PixelFeatures(n, n));
        List<String> names = List.of("scattering (J=3, L=8, order 2)", "Fourier modulus |x^|", "raw pixels");
        List<double[]> changes = representations.stream().map(phi -> RelativeChange.of(phi, digit, copies, SIZES.length)).toList();
        return new Curves(SIZES.clone(), names, changes);
    }

    public static DemoResult run(Path out, boolean overwrite) throws IOException {
        return write(measure(), out, overwrite);
    }

    /** Draws the figures of measured results (the tests measure once, then check both the numbers and the files). */
    static DemoResult write(Curves c, Path out, boolean overwrite) throws IOException {
        XYChart chart = Charts.line("Stability to a smooth deformation x(u - s tau(u)) of an MNIST digit",
                "deformation size s (pixels): the largest displacement along the rows or along the columns", "relative change ||Phi x_tau - Phi x|| / ||Phi x||");
        for (int i = 0; i < c.names().size(); i++) {
            Charts.curve(chart, c.names().get(i), c.sizes(), c.changes().get(i), Charts.palette(i));
        }
        // the deformed digit at two sizes, so the reader sees what the horizontal axis means
        float[] digit = MnistDataset.bundledSubset().test().images().image(0);
        List<java.awt.image.BufferedImage> tiles = new java.util.ArrayList<>();
        for (double s : new double[] {0, 1, 4}) {
            tiles.add(Heatmap.figure(s == 0 ? "x" : "x_tau, s = " + s + " px", deform(digit, s), 28, 28,
                    Heatmap.Scale.GREY, 8));
        }
        FigureSet figures = new FigureSet()
                .add("deformation.png", chart)
                .add("deformation_examples.png", Heatmap.montage("The digit x and two deformations x_tau(u) = x(u - s tau(u))", tiles,
                        tiles.size()));
        int last = SIZES.length - 1;
        String summary = String.format("At s = %.0f pixel the scattering changes by %.3f of its norm, the Fourier modulus by %.3f "
                + "and the pixels by %.3f; at s = %.0f pixels: %.3f, %.3f and %.3f (scattering still linear: x%.2f from s = %.0f, "
                + "while the pixels saturate: x%.2f).", SIZES[4], c.changes().get(0)[4], c.changes().get(1)[4], c.changes().get(2)[4],
                SIZES[last], c.changes().get(0)[last], c.changes().get(1)[last], c.changes().get(2)[last],
                c.changes().get(0)[last] / c.changes().get(0)[6], SIZES[6], c.changes().get(2)[last] / c.changes().get(2)[6]);
        return new DemoResult(NAME, figures.writeTo(out, overwrite), summary);
    }

    /**
     * The 28 x 28 digit deformed by s times one fixed smooth field (seeds 1 and 2): the curves then
     * show how each representation reacts to the size of the same deformation.
     */
    static float[] deform(float[] digit, double s) {
        return Warp.displace(digit, 28, 28, scaled(smoothField(28, 28, new Random(1)), s),
                scaled(smoothField(28, 28, new Random(2)), s));
    }

    /**
     * A smooth random displacement component: a sum of a few cosines of at most 1.5 cycles per image
     * (so |grad tau| stays small next to |tau|), scaled so that its largest absolute value is 1.
     */
    static double[] smoothField(int height, int width, Random random) {
        double[] f = new double[height * width];
        for (int term = 0; term < 4; term++) {
            double ky = 2 * Math.PI * (random.nextDouble() * 1.5) / height;
            double kx = 2 * Math.PI * (random.nextDouble() * 1.5) / width;
            double phase = 2 * Math.PI * random.nextDouble();
            double amplitude = random.nextGaussian();
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    f[r * width + c] += amplitude * Math.cos(ky * r + kx * c + phase);
                }
            }
        }
        double max = 0;
        for (double v : f) {
            max = Math.max(max, Math.abs(v));
        }
        for (int i = 0; i < f.length; i++) {
            f[i] /= max;
        }
        return f;
    }

    private static double[] scaled(double[] field, double s) {
        double[] out = new double[field.length];
        for (int i = 0; i < field.length; i++) {
            out[i] = s * field[i];
        }
        return out;
    }
}
