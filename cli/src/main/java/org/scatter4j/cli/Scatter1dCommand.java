package org.scatter4j.cli;

import com.google.gson.GsonBuilder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scatter4j.io.Npy;
import org.scatter4j.io.NpyArray;
import org.scatter4j.io.NpyWriter;
import org.scatter4j.io.OutputTransaction;
import org.scatter4j.io.WavFolder;
import org.scatter4j.io.WavReader;
import org.scatter4j.scattering.Scattering1D;
import org.scatter4j.scattering.SignalPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scatter4j scatter1d}: the 1D scattering transform (Kymatio's {@code Scattering1D}) of an NPY
 * array of signals, a WAV file or a folder of WAV files, written as a (B, C, N') NPY array with a
 * JSON description of every channel beside it.
 */
@Command(name = "scatter1d", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Computes the 1D scattering transform (Kymatio's Scattering1D conventions).",
            "INPUT: a .npy of shape (N) or (B, N); a .wav (mixed to mono); or a folder of .wav files (sorted by name,",
            "all of one sample rate, and of one length unless --length is given).",
            "OUTPUT.npy gets shape (B, C, N'); OUTPUT.paths.json beside it describes each channel."})
public final class Scatter1dCommand implements Callable<Integer> {
    @Option(names = "--J", required = true, description = "Largest wavelet scale 2^J samples; 2^J <= N.")
    int J;

    @Option(names = "--Q", defaultValue = "1", paramLabel = "Q1[,Q2]",
            description = "Wavelets per octave: Q1 at the first order, Q2 (default 1) at the second (default: ${DEFAULT-VALUE}).")
    String q;

    @Option(names = "--T", paramLabel = "N|global",
            description = "Averaging: T samples (1 <= T <= N), or global (one value per channel). Default: 2^J.")
    String t;

    @Option(names = "--max-order", defaultValue = "2", description = "1 or 2 (default: ${DEFAULT-VALUE}).")
    int maxOrder;

    @Option(names = "--precision", defaultValue = "float32",
            description = "float32 or float64: the arithmetic and the output's type (default: ${DEFAULT-VALUE}).")
    String precision;

    @Option(names = "--length", description = "Zero-pad or cut every signal to N samples.")
    Integer length;

    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Option(names = "--overwrite", description = "Replace OUTPUT and its paths JSON if they exist.")
    boolean overwrite;

    @Parameters(index = "0", paramLabel = "INPUT", description = "Input .npy, .wav or folder of .wav files.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUTPUT.npy", description = "Output NPY file.")
    Path output;

    /** The signals read from INPUT, row after row, with a name per signal. */
    record Signals(double[] values, int count, int length, List<String> names, int sampleRate) {
    }

    @Override
    public Integer call() throws Exception {
        // every option checked before any data is read
        boolean float64 = isFloat64(precision);
        int[] qs = parseQ(q);
        int nThreads = threads.resolve();
        OptionChecks.scattering1d(J, maxOrder);
        Integer samplesT = t == null || t.equals("global") ? null : parseT(t);
        checkLength(length);
        if (!output.getFileName().toString().endsWith(".npy")) {
            throw new IllegalArgumentException("OUTPUT must end in .npy, got " + output);
        }
        // with --length the transform (and its check of J and T against N) needs no data
        Scattering1D known = length == null ? null : transform(qs, samplesT, length);
        Path pathsJson = ScatterCommand.pathsFile(output);
        try (OutputTransaction outputs = new OutputTransaction(overwrite)) {
            outputs.declare(output, "OUTPUT");
            outputs.declare(pathsJson, "OUTPUT's paths file");
            outputs.refuseInput(input, "INPUT");
            long start = System.nanoTime();
            Signals in = read(input, length);
            Scattering1D s = known != null ? known : transform(qs, samplesT, in.length());
            int[] outShape = {in.count(), s.channelCount(), s.outputSamples()};
            Path part = outputs.temporary(output);
            requireRange(in, float64);
            try (NpyWriter out = float64 ? NpyWriter.float64(part, outShape) : NpyWriter.float32(part, outShape)) {
                if (float64) {
                    double[] y = new double[Math.multiplyExact(in.count(), s.outputLength())];
                    s.transformBatch(in.values(), in.count(), y, nThreads);
                    out.write(y, 0, y.length);
                } else {
                    // the samples as read (float64), not rounded to float32: the float32 transform takes them as they are
                    float[] y = new float[Math.multiplyExact(in.count(), s.outputLength())];
                    s.transformBatch(in.values(), in.count(), y, nThreads);
                    out.write(y, 0, y.length);
                }
            }
            try (Writer w = new OutputStreamWriter(new BufferedOutputStream(outputs.open(pathsJson)), StandardCharsets.UTF_8)) {
                describe(s, in, outShape, precision, w);
            }
            outputs.commit();
            System.out.printf("%s: %d signal(s) of %d samples -> (%d, %d, %d) %s in %.3f s; channels described in %s%n", output,
                    in.count(), in.length(), outShape[0], outShape[1], outShape[2], precision, (System.nanoTime() - start) / 1e9,
                    pathsJson);
        }
        return 0;
    }

    /**
     * Refuses, naming the signal's source and the sample, a finite sample the chosen precision cannot
     * take: above {@link Scattering1D#SAFE_FLOAT64} (2^400) for both, above float32's largest value
     * (it would become infinity) for float32, where float64 is the way out.
     */
    private static void requireRange(Signals in, boolean float64) {
        double[] values = in.values();
        for (int i = 0; i < values.length; i++) {
            double v = Math.abs(values[i]);
            boolean tooLarge = v > Scattering1D.SAFE_FLOAT64;
            if (tooLarge || (!float64 && v > Float.MAX_VALUE)) {
                String where = "signal " + i / in.length() + " (" + in.names().get(i / in.length()) + "): sample " + i % in.length()
                        + " is " + values[i];
                throw new IllegalArgumentException(tooLarge
                        ? where + ", above the largest magnitude the transform takes (2^400 = " + Scattering1D.SAFE_FLOAT64
                                + "); scale the signal down"
                        : where + ", beyond float32's range (|x| <= " + Float.MAX_VALUE + "); use --precision float64");
            }
        }
    }

    /** The transform of the options for signals of n samples (the builder checks J and T against n). */
    private Scattering1D transform(int[] qs, Integer samplesT, int n) {
        Scattering1D.Builder b = Scattering1D.builder().J(J).Q(qs[0], qs[1]).maxOrder(maxOrder).length(n);
        if (samplesT != null) {
            b.T(samplesT);
        } else if (t != null) {
            b.globalAveraging();
        }
        return b.build();
    }

    /** --precision: true for float64, false for float32; anything else refused naming the option. */
    public static boolean isFloat64(String precision) {
        return switch (precision) {
            case "float32" -> false;
            case "float64" -> true;
            default -> throw new IllegalArgumentException("--precision must be float32 or float64, got '" + precision + "'");
        };
    }

    /** --length, if given, must leave at least 2 samples. */
    public static void checkLength(Integer length) {
        if (length != null && length < 2) {
            throw new IllegalArgumentException("--length must be >= 2 samples, got " + length);
        }
    }

    /** "12" -&gt; {12, 1}; "12,2" -&gt; {12, 2}. */
    public static int[] parseQ(String q) {
        String[] parts = q.split(",", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("--Q must be Q1 or Q1,Q2, got '" + q + "'");
        }
        int[] r = {0, 1};
        for (int i = 0; i < parts.length; i++) {
            try {
                r[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--Q must be Q1 or Q1,Q2 (integers >= 1), got '" + q + "'");
            }
            if (r[i] < 1) {
                throw new IllegalArgumentException("--Q: Q" + (i + 1) + " must be >= 1, got '" + q + "'");
            }
        }
        return r;
    }

    /** --T as a number of samples, >= 1 (global is handled by the caller). */
    public static int parseT(String t) {
        int samples;
        try {
            samples = Integer.parseInt(t.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--T must be a whole number of samples or global, got '" + t + "'");
        }
        if (samples < 1) {
            throw new IllegalArgumentException("--T must be >= 1 sample (or global), got " + samples);
        }
        return samples;
    }

    /**
     * The signals of a .npy (N) or (B, N), a .wav or a folder of .wav, cut or zero-padded to
     * {@code length} if given; every sample checked finite (the message names signal and sample), the
     * files of a folder checked to share one sample rate (the message names two files and their rates).
     */
    static Signals read(Path input, Integer length) throws IOException {
        List<float[]> wavs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int rate = 0;
        if (Files.isDirectory(input)) {
            List<Path> files = WavFolder.listWavs(input);
            if (files.isEmpty()) {
                throw new IllegalArgumentException(input + ": empty batch: the folder holds no .wav file");
            }
            for (Path f : files) {
                WavReader.Signal s = WavReader.read(f);
                if (rate == 0) {
                    rate = s.sampleRate();
                } else {
                    WavFolder.requireSameRate(files.get(0), rate, f, s.sampleRate());
                }
                wavs.add(s.samples());
                names.add(f.toString());
            }
            if (length == null) {
                for (int i = 1; i < wavs.size(); i++) {
                    requireSameLength(names.get(0), wavs.get(0).length, names.get(i), wavs.get(i).length);
                }
            }
        } else if (input.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".wav")) {
            WavReader.Signal s = WavReader.read(input);
            rate = s.sampleRate();
            wavs.add(s.samples());
            names.add(input.toString());
        } else if (input.getFileName().toString().endsWith(".npy")) {
            NpyArray a = Npy.read(input);
            int[] countAndLength = npySignals(input, a.shape(), length);
            int count = countAndLength[0];
            int n = countAndLength[1];
            double[] v = a.toDoubleArray();
            for (int i = 0; i < count; i++) {
                names.add(input + "[" + i + "]");
            }
            return fit(v, count, n, length, names, 0);
        } else if (!Files.exists(input)) {
            throw new IOException(input + ": no such file or folder");
        } else {
            throw new IllegalArgumentException(input + ": expected a .npy, a .wav or a folder of .wav files");
        }
        int n = length != null ? length : wavs.get(0).length;
        double[] v = new double[Math.multiplyExact(wavs.size(), n)];
        for (int i = 0; i < wavs.size(); i++) {
            float[] w = wavs.get(i);
            for (int k = 0; k < Math.min(n, w.length); k++) {
                v[i * n + k] = w[k];
            }
        }
        return fit(v, wavs.size(), n, null, names, rate);
    }

    /**
     * {count, N} of a .npy of signals of shape (N) or (B, N); refuses another rank, an empty batch, and
     * signals of fewer than 2 samples unless {@code length} (--length) pads them.
     */
    public static int[] npySignals(Path input, int[] shape, Integer length) {
        if (shape.length != 1 && shape.length != 2) {
            throw new IllegalArgumentException(input + ": expected an array of shape (N) or (B, N), got "
                    + NpyArray.shapeString(shape));
        }
        int count = shape.length == 1 ? 1 : shape[0];
        int n = shape[shape.length - 1];
        if (count == 0) {
            throw new IllegalArgumentException(input + ": empty batch: shape " + NpyArray.shapeString(shape));
        }
        if (n < 2 && length == null) { // the builder's message would not name the file
            throw new IllegalArgumentException(input + ": signals of " + n + " samples (shape " + NpyArray.shapeString(shape)
                    + "); at least 2 are needed, or --length N to pad them");
        }
        return new int[] {count, n};
    }

    /** Refuses (without --length) two recordings of one folder of different lengths, naming both and their lengths. */
    public static void requireSameLength(String first, int firstLength, String other, int otherLength) {
        if (otherLength != firstLength) {
            throw new IllegalArgumentException(first + " has " + firstLength + " samples but " + other + " has " + otherLength
                    + "; pass --length N to pad or cut them to N");
        }
    }

    /** Cuts or pads rows of length n to {@code length} and checks every sample is finite. */
    private static Signals fit(double[] v, int count, int n, Integer length, List<String> names, int rate) {
        int m = length == null ? n : length;
        double[] out = v;
        if (m != n) {
            out = new double[Math.multiplyExact(count, m)];
            for (int i = 0; i < count; i++) {
                System.arraycopy(v, i * n, out, i * m, Math.min(n, m));
            }
        }
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < m; k++) {
                if (!Double.isFinite(out[i * m + k])) {
                    throw new IllegalArgumentException("signal " + i + " (" + names.get(i) + "): sample " + k + " is "
                            + out[i * m + k] + "; samples must be finite");
                }
            }
        }
        return new Signals(out, count, m, names, rate);
    }

    /** The JSON description: parameters, shapes, inputs and every channel (order, n, j, xi, sigma). */
    static void describe(Scattering1D s, Signals in, int[] outShape, String precision, Writer w) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("J", s.J());
        root.put("Q", new int[] {s.Q1(), s.Q2()});
        root.put("T", s.globalAveraging() ? "global" : s.T());
        root.put("max_order", s.maxOrder());
        root.put("precision", precision);
        root.put("input_shape", new int[] {in.count(), in.length()});
        root.put("sample_rate", in.sampleRate() > 0 ? in.sampleRate() : null);
        root.put("padded_length", s.padding().paddedLength());
        root.put("stride", s.stride());
        root.put("output_shape", outShape);
        root.put("inputs", in.names());
        List<Map<String, Object>> paths = new ArrayList<>();
        for (SignalPath p : s.paths()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("order", p.order());
            int[] n = p.order() == 0 ? new int[0] : p.order() == 1 ? new int[] {p.n1()} : new int[] {p.n1(), p.n2()};
            m.put("n", n);
            m.put("j", p.order() == 0 ? new int[0] : p.order() == 1 ? new int[] {p.j1()} : new int[] {p.j1(), p.j2()});
            m.put("xi", p.order() == 0 ? new double[0] : p.order() == 1 ? new double[] {p.xi1()} : new double[] {p.xi1(), p.xi2()});
            m.put("sigma", p.order() == 0 ? new double[0] : p.order() == 1 ? new double[] {p.sigma1()}
                    : new double[] {p.sigma1(), p.sigma2()});
            paths.add(m);
        }
        root.put("paths", paths);
        new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(root, w);
        w.write("\n");
    }
}
