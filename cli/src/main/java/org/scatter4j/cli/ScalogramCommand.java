package org.scatter4j.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.scatter4j.io.Npy;
import org.scatter4j.io.OutputTransaction;
import org.scatter4j.io.WavReader;
import org.scatter4j.scattering.Scalogram;
import org.scatter4j.viz.ScalogramFigure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scatter4j scalogram}: the wavelet analysis of a recording, |x * psi| of every first-order
 * Morlet wavelet (Kymatio's bank for J and Q), as a time-frequency image and optionally as values.
 */
@Command(name = "scalogram", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draws the scalogram |x * psi| of a WAV recording: time in seconds across, frequency in Hz up (log axis),",
            "colour on a 60 dB log scale with a colour bar. --npy also writes the values (rows: wavelets, highest frequency first)."})
final class ScalogramCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INPUT.wav", description = "The recording (mixed to mono).")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "FIG.png", description = "The PNG figure to write.")
    Path out;

    @Option(names = "--Q", defaultValue = "16", description = "Wavelets per octave (default: ${DEFAULT-VALUE}).")
    int Q;

    @Option(names = "--J", description = "Largest scale 2^J samples (default: min(10, log2 N)); 2^J <= N.")
    Integer J;

    @Option(names = "--npy", paramLabel = "FILE", description = "Also write the values (rows, columns) as float64 NPY.")
    Path npy;

    @Option(names = "--overwrite", description = "Replace existing output files.")
    boolean overwrite;

    /** Columns drawn at most; a longer recording is sampled at a coarser stride 2^k. */
    static final int MAX_COLUMNS = 2048;

    @Override
    public Integer call() throws Exception {
        // every option checked before the recording is read
        if (Q < 1) {
            throw new IllegalArgumentException("--Q must be >= 1 wavelet per octave, got " + Q);
        }
        if (J != null) {
            OptionChecks.scattering1d(J, 1);
        }
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("--out must end in .png, got " + out);
        }
        if (npy != null && !npy.getFileName().toString().endsWith(".npy")) {
            throw new IllegalArgumentException("--npy must end in .npy, got " + npy);
        }
        try (OutputTransaction outputs = new OutputTransaction(overwrite)) {
            outputs.declare(out, "--out");
            if (npy != null) {
                outputs.declare(npy, "--npy");
            }
            outputs.refuseInput(input, "INPUT.wav");
            WavReader.Signal s = WavReader.read(input);
            float[] x = s.samples();
            if (x.length < 2) {
                throw new IllegalArgumentException(input + ": " + x.length + " sample(s); a scalogram needs at least 2");
            }
            int log2n = 31 - Integer.numberOfLeadingZeros(x.length);
            int j = J != null ? J : Math.min(10, log2n);
            int resolution = 0;
            while ((x.length >> resolution) > MAX_COLUMNS && resolution < j) {
                resolution++;
            }
            Scalogram sg = Scalogram.of(x.length, j, Q, resolution);
            double[] signal = new double[x.length];
            for (int t = 0; t < x.length; t++) {
                signal[t] = x[t];
            }
            double[] values = sg.compute(signal);
            String title = String.format("Scalogram |x * psi| of %s (J=%d, Q=%d, %d Hz)", input.getFileName(), j, Q, s.sampleRate());
            var img = ScalogramFigure.render(title, values, sg.rowCount(), sg.columnCount(), sg.frequenciesHz(s.sampleRate()),
                    (double) (1 << resolution) / s.sampleRate(), 1000, 480);
            try (OutputStream o = new BufferedOutputStream(outputs.open(out))) {
                if (!ImageIO.write(img, "png", o)) {
                    throw new IOException(out + ": no PNG writer available");
                }
            }
            if (npy != null) {
                Npy.write(outputs.temporary(npy), values, sg.rowCount(), sg.columnCount());
            }
            outputs.commit();
            System.out.printf("%s: %d wavelets (%.0f to %.0f Hz) x %d times (every %d samples) of %s%s%n", out, sg.rowCount(),
                    min(sg.frequenciesHz(s.sampleRate())), max(sg.frequenciesHz(s.sampleRate())), sg.columnCount(), 1 << resolution,
                    input, npy == null ? "" : "; values in " + npy);
        }
        return 0;
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(0);
    }
}
