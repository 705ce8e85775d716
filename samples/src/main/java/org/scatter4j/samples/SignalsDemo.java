package org.scatter4j.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scatter4j.io.LabelledSignals;
import org.scatter4j.io.SpokenDigits;
import org.scatter4j.scattering.Scalogram;
import org.scatter4j.scattering.Scattering1D;
import org.scatter4j.scattering.SignalPath;
import org.scatter4j.viz.FigureSet;
import org.scatter4j.viz.Heatmap;
import org.scatter4j.viz.ScalogramFigure;

/**
 * Scattering of signals, read top to bottom. A chirp (a tone whose frequency rises) and a spoken
 * digit from the bundled FSDD subset are shown three ways: the scalogram |x * psi| (the wavelet
 * analysis, no averaging), the first-order scattering |x * psi1| * phi_T (the scalogram averaged
 * over T samples), and the second order ||x * psi1| * psi2| * phi_T (what the averaging removed
 * from each first-order row: its modulations at the slower rates of psi2). A last figure shows the
 * digit's first order for growing T: the longer the average, the more stable the coefficients and
 * the less of the timing survives; T = global keeps only the spectral envelope.
 */
public final class SignalsDemo {
    public static final String NAME = "signals";
    static final int RATE = 8000;
    static final int N = 8192;
    static final int J = 8;
    static final int Q = 12;
    static final int[] AVERAGES = {64, 256, 1024, 8192};

    private SignalsDemo() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(run(Demos.folder(args, NAME), Demos.overwrite(args)).summary());
    }

    /** A linear chirp from 100 Hz to 3 kHz over N samples at 8 kHz. */
    static double[] chirp() {
        double[] x = new double[N];
        for (int t = 0; t < N; t++) {
            double s = (double) t / RATE;
            double duration = (double) N / RATE;
            x[t] = Math.cos(2 * Math.PI * (100 * s + 0.5 * (3000 - 100) / duration * s * s));
        }
        return x;
    }

    /** The first test recording of digit 7 in the bundled subset, scaled to a peak of 1 and zero-padded to N. */
    static double[] digit() throws IOException {
        LabelledSignals test = SpokenDigits.bundledSubset().test();
        int i = test.names().indexOf(test.names().stream().filter(n -> n.endsWith("7_george_0.wav")).findFirst().orElseThrow());
        float[] s = test.signals().get(i);
        double peak = 0;
        for (float v : s) {
            peak = Math.max(peak, Math.abs(v));
        }
        double[] x = new double[N];
        for (int t = 0; t < Math.min(N, s.length); t++) {
            x[t] = s[t] / peak;
        }
        return x;
    }

    public static DemoResult run(Path out, boolean overwrite) throws IOException {
        FigureSet figures = new FigureSet();
        double[] chirp = chirp();
        double[] digit = digit();
        figures.add("signals_chirp.png", threeViews("chirp 100 Hz -> 3 kHz", chirp));
        figures.add("signals_digit.png", threeViews("spoken '7' (FSDD george_0)", digit));
        List<BufferedImage> tiles = new ArrayList<>();
        double[] kept = new double[AVERAGES.length];
        for (int a = 0; a < AVERAGES.length; a++) {
            Scattering1D s = Scattering1D.builder().J(J).Q(Q).T(AVERAGES[a]).maxOrder(1).length(N).build();
            double[] y = s.transform(digit);
            tiles.add(firstOrder(String.format("first order, T = %d samples (%.0f ms)", AVERAGES[a], 1000.0 * AVERAGES[a] / RATE),
                    s, y));
            kept[a] = s.outputSamples();
        }
        figures.add("signals_averaging.png", Heatmap.montage("Averaging over T: the spoken '7', first-order scattering", tiles, 2));
        String summary = String.format("Chirp and spoken digit at %d Hz, J=%d, Q=%d: first order keeps %d time frames at "
                + "T = %d samples, %d at T = %d, %d at T = %d and %d at T = %d (N = %d).", RATE, J, Q, (int) kept[0], AVERAGES[0],
                (int) kept[1], AVERAGES[1], (int) kept[2], AVERAGES[2], (int) kept[3], AVERAGES[3], N);
        return new DemoResult(NAME, figures.writeTo(out, overwrite), summary);
    }

    /** Scalogram, first order and second order of one signal, one above the other. */
    static BufferedImage threeViews(String what, double[] x) {
        Scalogram sg = Scalogram.of(N, J, Q, 2);
        double[] rows = sg.compute(x);
        BufferedImage scalogram = ScalogramFigure.render("scalogram |x * psi| of the " + what, rows, sg.rowCount(),
                sg.columnCount(), sg.frequenciesHz(RATE), 4.0 / RATE, 900, 330);
        Scattering1D s = Scattering1D.builder().J(J).Q(Q).T(1 << J).maxOrder(2).length(N).build();
        double[] y = s.transform(x);
        BufferedImage first = firstOrder("first order |x * psi1| * phi, T = " + (1 << J) + " samples", s, y);
        // second order, summed over psi2 for each psi1: how much of each frequency row is modulated
        // at the slower rates of psi2 (the detail the first-order average removed), as a time-frequency image
        int frames = s.outputSamples();
        List<SignalPath> paths = s.paths();
        List<SignalPath> order1 = paths.stream().filter(p -> p.order() == 1).toList();
        double[] second = new double[order1.size() * frames];
        for (int c = 0; c < paths.size(); c++) {
            SignalPath p = paths.get(c);
            if (p.order() == 2) {
                for (int f = 0; f < frames; f++) {
                    second[p.n1() * frames + f] += y[c * frames + f];
                }
            }
        }
        double[] hz = order1.stream().mapToDouble(p -> p.frequencyHz(1, RATE)).toArray();
        BufferedImage secondImage = ScalogramFigure.render("second order: sum over psi2 of ||x * psi1| * psi2| * phi, by psi1",
                second, order1.size(), frames, hz, (double) s.stride() / RATE, 900, 330);
        return Heatmap.montage("Scattering of a " + what, List.of(scalogram, first, secondImage), 1);
    }

    /** The first-order channels of a transform's output as a time-frequency figure. */
    static BufferedImage firstOrder(String title, Scattering1D s, double[] y) {
        int frames = s.outputSamples();
        List<SignalPath> order1 = s.paths().stream().filter(p -> p.order() == 1).toList();
        double[] values = new double[order1.size() * frames];
        double[] hz = new double[order1.size()];
        for (int n = 0; n < order1.size(); n++) {
            hz[n] = order1.get(n).frequencyHz(1, RATE);
            System.arraycopy(y, (1 + n) * frames, values, n * frames, frames);
        }
        return ScalogramFigure.render(title, values, order1.size(), frames, hz, (double) s.stride() / RATE, 900, 330);
    }
}
