package org.scatter4j.cli;

import com.google.gson.GsonBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scatter4j.io.ImageStack;
import org.scatter4j.io.Npy;
import org.scatter4j.scattering.Scattering2D;
import org.scatter4j.scattering.ScatteringPath;
import org.scatter4j.wavelets.MorletParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scatter4j scatter}: the 2D scattering transform of an NPY array, an image or a folder of
 * images, written as a (B, K, M', N') NPY array with a JSON description of every channel beside it.
 */
@Command(name = "scatter", mixinStandardHelpOptions = true,
        description = {"Computes the 2D translation scattering transform (Kymatio's conventions).",
            "INPUT: a .npy of shape (M, N) or (B, M, N); an image (PNG, JPEG, GIF, BMP, PGM; read as grey in [0, 1]);",
            "or a folder of same-size images (sorted by name).",
            "OUTPUT.npy gets shape (B, K, M', N'); OUTPUT.paths.json beside it describes each channel."})
final class ScatterCommand implements Callable<Integer> {
    @Option(names = "--J", required = true, description = "Scale: averaging over 2^J pixels; 2^J <= image height and width.")
    int J;

    @Option(names = "--L", defaultValue = "8", description = "Orientations (default: ${DEFAULT-VALUE}).")
    int L;

    @Option(names = "--max-order", defaultValue = "2", description = "1 or 2 (default: ${DEFAULT-VALUE}).")
    int maxOrder;

    @Option(names = "--precision", defaultValue = "float32", description = "float32 or float64 output (default: ${DEFAULT-VALUE}).")
    String precision;

    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Option(names = "--overwrite", description = "Replace OUTPUT and its paths JSON if they exist.")
    boolean overwrite;

    @Parameters(index = "0", paramLabel = "INPUT", description = "Input .npy, image file or folder of images.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUTPUT.npy", description = "Output NPY file.")
    Path output;

    @Override
    public Integer call() throws Exception {
        boolean float64 = switch (precision) {
            case "float32" -> false;
            case "float64" -> true;
            default -> throw new IllegalArgumentException("--precision must be float32 or float64, got '" + precision + "'");
        };
        int t = threads.resolve();
        if (!output.getFileName().toString().endsWith(".npy")) {
            throw new IllegalArgumentException("OUTPUT must end in .npy, got " + output);
        }
        Path pathsJson = pathsFile(output);
        OutputFiles.checkNewFile(output, overwrite);
        OutputFiles.checkNewFile(pathsJson, overwrite);

        ImageStack stack = ImageStack.read(input);
        Scattering2D s = Scattering2D.builder().J(J).L(L).maxOrder(maxOrder).shape(stack.height(), stack.width()).build();
        int[] outShape = {stack.count(), s.channelCount(), s.outputHeight(), s.outputWidth()};
        long start = System.nanoTime();
        if (float64) {
            double[] out = new double[Math.multiplyExact(stack.count(), s.outputLength())];
            s.transformBatch(stack.pixels(), stack.count(), out, t);
            Npy.write(output, out, outShape);
        } else {
            float[] pixels = new float[stack.pixels().length];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) stack.pixels()[i];
            }
            float[] out = new float[Math.multiplyExact(stack.count(), s.outputLength())];
            s.transformBatch(pixels, stack.count(), out, t);
            Npy.write(output, out, outShape);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.writeString(pathsJson, describe(s, stack, outShape, precision), StandardCharsets.UTF_8);
        System.out.printf("%s: %d image(s) %dx%d -> (%d, %d, %d, %d) %s in %.3f s; channels described in %s%n", output,
                stack.count(), stack.height(), stack.width(), outShape[0], outShape[1], outShape[2], outShape[3], precision,
                seconds, pathsJson);
        return 0;
    }

    /** OUTPUT.npy -&gt; OUTPUT.paths.json. */
    static Path pathsFile(Path output) {
        String name = output.getFileName().toString();
        return output.resolveSibling(name.substring(0, name.length() - ".npy".length()) + ".paths.json");
    }

    static String describe(Scattering2D s, ImageStack stack, int[] outShape, String precision) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("J", s.J());
        root.put("L", s.L());
        root.put("max_order", s.maxOrder());
        root.put("precision", precision);
        root.put("input_shape", new int[] {stack.count(), stack.height(), stack.width()});
        root.put("padded_shape", new int[] {s.padding().paddedHeight(), s.padding().paddedWidth()});
        root.put("output_shape", outShape);
        root.put("inputs", stack.names());
        List<Map<String, Object>> paths = new ArrayList<>();
        for (ScatteringPath p : s.paths()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("order", p.order());
            m.put("j", p.scales());
            m.put("theta", p.thetas());
            double[] radians = new double[p.order()];
            for (int k = 0; k < p.order(); k++) {
                MorletParameters w = s.filterBank().wavelet(p.j(k), p.theta(k));
                radians[k] = w.theta();
            }
            m.put("theta_radians", radians);
            paths.add(m);
        }
        root.put("paths", paths);
        return new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n";
    }
}
