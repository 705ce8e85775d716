package org.scatter4j.samples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.scatter4j.io.MnistDataset;
import org.scatter4j.scattering.Scattering2D;
import org.scatter4j.scattering.ScatteringPath;
import org.scatter4j.viz.FigureSet;
import org.scatter4j.viz.Heatmap;
import org.scatter4j.viz.MapGrid;
import org.scatter4j.viz.ScatteringDisk;

/**
 * What the scattering coefficients of one digit look like, in the two displays of Bruna and Mallat
 * 2013 (figure 3 and section 3): disks where each path is a sector at its wavelets' frequency, with
 * the path's energy as colour, and the coefficient maps themselves. The disks use J = 3 (three rings
 * make the geometry visible); the maps use J = 2, whose 7 x 7 maps keep enough spatial resolution
 * to see where the strokes are.
 */
public final class CoefficientsDemo {
    public static final String NAME = "coefficients";
    static final int SIDE = 28;
    static final int L = 8;

    private CoefficientsDemo() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(run(Demos.folder(args, NAME), Demos.overwrite(args)).summary());
    }

    /** Mean over space of each channel's squared coefficient: the energy of the path per output sample. */
    static double[] energies(Scattering2D s, double[] maps) {
        int plane = s.outputHeight() * s.outputWidth();
        double[] e = new double[s.channelCount()];
        for (int c = 0; c < e.length; c++) {
            for (int p = 0; p < plane; p++) {
                e[c] += maps[c * plane + p] * maps[c * plane + p];
            }
            e[c] /= plane;
        }
        return e;
    }

    public static DemoResult run(Path out, boolean overwrite) throws IOException {
        float[] digit = MnistDataset.bundledSubset().test().images().image(0);
        double[] x = new double[digit.length]; // the float64 API, for the figures' arithmetic
        for (int i = 0; i < x.length; i++) {
            x[i] = digit[i];
        }

        Scattering2D disks = Scattering2D.builder().J(3).L(L).maxOrder(2).shape(SIDE, SIDE).build();
        double[] e = energies(disks, disks.transform(x));
        double e1 = 0;
        double e2 = 0;
        for (int c = 0; c < e.length; c++) {
            e1 += disks.paths().get(c).order() == 1 ? e[c] : 0;
            e2 += disks.paths().get(c).order() == 2 ? e[c] : 0;
        }

        Scattering2D fine = Scattering2D.builder().J(2).L(L).maxOrder(2).shape(SIDE, SIDE).build();
        double[] maps = fine.transform(x);
        FigureSet figures = new FigureSet()
                .add("coefficients_digit.png", Heatmap.figure("the input: MNIST test digit 0", x, SIDE, SIDE, Heatmap.Scale.GREY, 8))
                .add("coefficients_disk_order1.png", ScatteringDisk.draw("First order, J=3, L=8: energy of S1 x per path", 1,
                        disks.filterBank(), disks.paths(), e))
                .add("coefficients_disk_order2.png", ScatteringDisk.draw("Second order, J=3, L=8: energy of S2 x per path", 2,
                        disks.filterBank(), disks.paths(), e))
                .add("coefficients_maps_order1.png", firstOrderMaps(fine, maps))
                .add("coefficients_maps_order2.png", secondOrderMaps(fine, maps));
        String summary = String.format("J = 3: the first-order paths carry %.1f %% and the second-order paths %.1f %% of the "
                + "energy of S1 and S2 together; J = 2 maps: %d channels of %d x %d.", 100 * e1 / (e1 + e2), 100 * e2 / (e1 + e2),
                fine.channelCount(), fine.outputHeight(), fine.outputWidth());
        return new DemoResult(NAME, figures.writeTo(out, overwrite), summary);
    }

    /** Rows j1, columns theta1. */
    private static java.awt.image.BufferedImage firstOrderMaps(Scattering2D s, double[] maps) {
        int J = s.J();
        double[][] cells = new double[J * L][];
        forEachPath(s, maps, 1, (p, m) -> cells[p.j(0) * L + p.theta(0)] = m);
        String[] rows = new String[J];
        for (int j = 0; j < J; j++) {
            rows[j] = "j1 = " + j;
        }
        return MapGrid.draw("First-order maps S1 x[j1, theta1](u), J=2: rows j1, columns theta1 (7 x 7 each, one colour scale)", cells, s.outputHeight(),
                s.outputWidth(), J, L, rows, thetaLabels(s), 12);
    }

    /** For J = 2 the only scale pair is (j1, j2) = (0, 1): rows theta1, columns theta2. */
    private static java.awt.image.BufferedImage secondOrderMaps(Scattering2D s, double[] maps) {
        double[][] cells = new double[L * L][];
        forEachPath(s, maps, 2, (p, m) -> cells[p.theta(0) * L + p.theta(1)] = m);
        String[] rows = thetaLabels(s);
        for (int t = 0; t < L; t++) {
            rows[t] = "theta1=" + rows[t];
        }
        return MapGrid.draw("Second-order maps S2 x[j1=0, theta1, j2=1, theta2](u), J=2: rows theta1, columns theta2 (one colour "
                + "scale)", cells, s.outputHeight(), s.outputWidth(), L, L, rows, thetaLabels(s), 8);
    }

    /** Orientation of each theta index, in degrees (Kymatio's order: decreasing). */
    private static String[] thetaLabels(Scattering2D s) {
        String[] labels = new String[L];
        for (int t = 0; t < L; t++) {
            labels[t] = String.format("%.1f\u00b0", Math.toDegrees(s.filterBank().wavelet(0, t).theta()));
        }
        return labels;
    }

    private static void forEachPath(Scattering2D s, double[] maps, int order, java.util.function.BiConsumer<ScatteringPath,
            double[]> action) {
        int plane = s.outputHeight() * s.outputWidth();
        List<ScatteringPath> paths = s.paths();
        for (int c = 0; c < paths.size(); c++) {
            if (paths.get(c).order() == order) {
                action.accept(paths.get(c), java.util.Arrays.copyOfRange(maps, c * plane, (c + 1) * plane));
            }
        }
    }
}
