package org.scatter4j.cli;

import org.scatter4j.io.OutputTransaction;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scatter4j.io.ImageStream;
import org.scatter4j.io.NpyWriter;
import org.scatter4j.scattering.Scattering2D;
import org.scatter4j.scattering.ScatteringPath;
import org.scatter4j.scattering.TiledScattering2D;
import org.scatter4j.wavelets.MorletParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scatter4j scatter}: the 2D scattering transform of an NPY array, an image or a folder of
 * images, written as a (B, K, M', N') NPY array with a JSON description of every channel beside it.
 * The input is read and the output written a chunk of images at a time, so an input larger than
 * memory can be transformed.
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

    @Option(names = "--precision", defaultValue = "float32", description = "float32 or float64: the arithmetic of the cascade and the output's type "
            + "(default: ${DEFAULT-VALUE}).")
    String precision;

    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Option(names = "--chunk", defaultValue = "0", description = {"Images transformed and held in memory at a time; the input is "
            + "read and the output written chunk by chunk, so memory does not grow with the number of images.",
            "0 (default): as many as fit in 64 MB of buffers (a quarter of the heap if smaller)."})
    int chunk;

    @Option(names = "--tile", defaultValue = "-1", description = {"Transform each image in overlapping N x N tiles (N a multiple "
            + "of 2^J), in memory set by N, not by the image; the output is the same array, equal to the whole-image transform "
            + "to 1e-3 of each channel's largest value at 4 * 2^J pixels and more from the image border (TiledScattering2D).",
            "0: never tile. Default: the whole image when its transform fits in the heap, else tiles of the largest "
            + "size that fits."})
    int tile;

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
        OptionChecks.scattering(J, L, maxOrder);
        if (chunk < 0) {
            throw new IllegalArgumentException("--chunk must be >= 0 (0: automatic), got " + chunk);
        }
        if (!output.getFileName().toString().endsWith(".npy")) {
            throw new IllegalArgumentException("OUTPUT must end in .npy, got " + output);
        }
        Path pathsJson = pathsFile(output);
        try (OutputTransaction outputs = new OutputTransaction(overwrite)) {
            outputs.declare(output, "OUTPUT");
            outputs.declare(pathsJson, "OUTPUT's paths file");
            outputs.refuseInput(input, "INPUT");
            long start = System.nanoTime();
            Scattering2D s;
            int[] outShape;
            List<String> names;
            int count;
            int height;
            int width;
            try (ImageStream in = ImageStream.open(input)) {
                count = in.count();
                height = in.height();
                width = in.width();
                names = in.names();
                Scattering2D.builder().J(J).L(L).maxOrder(maxOrder).shape(height, width).config(); // sizes checked first
                int tileSize = TiledScatter.choose(tile, height, width, J, L, maxOrder, t, float64, Runtime.getRuntime().maxMemory());
                Path part = outputs.temporary(output);
                if (tileSize > 0) {
                    TiledScattering2D tiled = new TiledScattering2D(J, L, maxOrder, tileSize);
                    s = tiled.tileTransform();
                    outShape = new int[] {count, s.channelCount(), tiled.outputHeight(height), tiled.outputWidth(width)};
                    if (tile < 0) {
                        System.err.printf("scatter4j scatter: image %dx%d does not fit in the %.1f GB heap whole: tiles of %d (equal to the"
                                + " whole-image transform to 1e-3 of each channel's largest value from %d pixels off the border; --tile 0"
                                + " and more memory for the whole image)%n", height, width, Runtime.getRuntime().maxMemory() / 1e9, tileSize,
                                TiledScattering2D.MARGIN << J);
                    }
                    TiledScatter.run(tiled, input, in, float64, t, part, outShape);
                } else {
                    s = Scattering2D.builder().J(J).L(L).maxOrder(maxOrder).shape(height, width).build();
                    outShape = new int[] {count, s.channelCount(), s.outputHeight(), s.outputWidth()};
                    int perChunk = chunk > 0 ? chunk : defaultChunk(s, Runtime.getRuntime().maxMemory());
                    try (NpyWriter out = float64 ? NpyWriter.float64(part, outShape) : NpyWriter.float32(part, outShape)) {
                        stream(in, s, float64, perChunk, t, out);
                    }
                }
            }
            try (Writer w = new java.io.OutputStreamWriter(new java.io.BufferedOutputStream(outputs.open(pathsJson)),
                    StandardCharsets.UTF_8)) {
                describe(s, names, new int[] {count, height, width}, outShape, precision, w);
            }
            outputs.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: %d image(s) %dx%d -> (%d, %d, %d, %d) %s in %.3f s; channels described in %s%n", output,
                    count, height, width, outShape[0], outShape[1], outShape[2], outShape[3], precision, seconds, pathsJson);
        }
        return 0;
    }

    /** Bytes of chunk buffers the default chunk size aims at (at most a quarter of the heap). */
    static final long CHUNK_BYTES = 64L << 20;

    /**
     * Images per chunk by default: as many as fit, input and coefficients in float64, in
     * {@link #CHUNK_BYTES} or a quarter of the heap if that is smaller; at least 1.
     */
    static int defaultChunk(Scattering2D s, long maxHeap) {
        long perImage = 8L * (s.imageLength() + s.outputLength());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.min(CHUNK_BYTES, maxHeap / 4) / perImage));
    }

    /**
     * Transforms the images of {@code in} {@code chunk} at a time and appends their coefficients to
     * {@code out}: what it holds is one chunk of images and of coefficients (plus the transform's
     * per-thread scratch), whatever the number of images. Float32 output is computed by the float32
     * cascade from the pixels rounded to float32, as the float32 library path does, so both give the
     * same bits; float64 output by the float64 cascade.
     */
    static void stream(ImageStream in, Scattering2D s, boolean float64, int chunk, int threads, NpyWriter out)
            throws IOException {
        int n0 = Math.min(chunk, in.count());
        double[] pixels = new double[Math.multiplyExact(n0, s.imageLength())];
        double[] coefficients = float64 ? new double[Math.multiplyExact(n0, s.outputLength())] : null;
        float[] pixels32 = float64 ? null : new float[pixels.length];
        float[] coefficients32 = float64 ? null : new float[Math.multiplyExact(n0, s.outputLength())];
        List<String> names = in.names();
        int first = 0; // the chunk's first image in the input, for messages that name the image
        for (int n = in.read(pixels, n0); n > 0; first += n, n = in.read(pixels, n0)) {
            requirePixels(pixels, n, s.imageLength(), in.width(), first, names, float64, "; float64 takes it (--precision float64)");
            if (float64) {
                s.transformBatch(pixels, n, coefficients, threads);
                out.write(coefficients, 0, n * s.outputLength());
            } else {
                for (int i = 0; i < n * s.imageLength(); i++) {
                    pixels32[i] = (float) pixels[i];
                }
                s.transformBatch(pixels32, n, coefficients32, threads);
                out.write(coefficients32, 0, n * s.outputLength());
            }
        }
    }

    /**
     * Refuses a pixel the transform cannot take, naming the image by its place in the whole input and
     * its source, and the pixel by row and column (the library would name it within the chunk, and a
     * float64 value beyond float32 would reach it as infinity). {@code first}: the index in the input
     * of {@code pixels}' first image; {@code float64Hint}: appended when float64 would take the value.
     */
    static void requirePixels(double[] pixels, int n, int imageLength, int width, int first, List<String> names,
                              boolean float64, String float64Hint) {
        for (int i = 0; i < n * imageLength; i++) {
            String problem = org.scatter4j.scattering.Float64Range.pixelProblem(pixels[i], float64);
            if (problem != null) {
                int image = first + i / imageLength, p = i % imageLength;
                boolean float64Takes = org.scatter4j.scattering.Float64Range.pixelProblem(pixels[i], true) == null;
                throw new IllegalArgumentException("image " + image + " (" + names.get(image) + "): pixel at (row " + p / width
                        + ", column " + p % width + ") is " + problem + (float64Takes ? float64Hint : ""));
            }
        }
    }

    /** OUTPUT.npy -&gt; OUTPUT.paths.json. */
    static Path pathsFile(Path output) {
        String name = output.getFileName().toString();
        return output.resolveSibling(name.substring(0, name.length() - ".npy".length()) + ".paths.json");
    }

    /** Writes the JSON description of the output: parameters, shapes, inputs and every channel. */
    static void describe(Scattering2D s, List<String> inputs, int[] inputShape, int[] outShape, String precision, Writer w)
            throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("J", s.J());
        root.put("L", s.L());
        root.put("max_order", s.maxOrder());
        root.put("precision", precision);
        root.put("input_shape", inputShape);
        // from the input's shape, not s's: in a tiled run s is the transform of one tile
        root.put("padded_shape", new int[] {org.scatter4j.wavelets.Padding.paddedSize(inputShape[1], s.J()),
            org.scatter4j.wavelets.Padding.paddedSize(inputShape[2], s.J())});
        root.put("output_shape", outShape);
        root.put("inputs", inputs); // streamed by Gson, so a huge batch is never one string in memory
        List<Map<String, Object>> paths = new ArrayList<>();
        for (ScatteringPath p : s.paths()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("order", p.order());
            m.put("j", p.scales());
            m.put("theta", p.thetas());
            double[] radians = new double[p.order()];
            for (int k = 0; k < p.order(); k++) {
                MorletParameters wavelet = s.filterBank().wavelet(p.j(k), p.theta(k));
                radians[k] = wavelet.theta();
            }
            m.put("theta_radians", radians);
            paths.add(m);
        }
        root.put("paths", paths);
        new GsonBuilder().setPrettyPrinting().create().toJson(root, w);
        w.write("\n");
    }
}
