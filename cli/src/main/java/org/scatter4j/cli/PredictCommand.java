package org.scatter4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scatter4j.classifiers.FeatureMatrix;
import org.scatter4j.classifiers.ModelFile;
import org.scatter4j.classifiers.Pipeline;
import org.scatter4j.io.ImageStream;
import org.scatter4j.io.LabelledImages;
import org.scatter4j.io.MnistDataset;
import org.scatter4j.io.OutputFiles;
import org.scatter4j.io.OutputTransaction;
import org.scatter4j.scattering.Scattering2D;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scatter4j predict}: the classes a model saved by {@code mnist --save-model} gives to new
 * images. The model file holds the scattering parameters and image size of its features
 * (metadata), the feature map (S^P or log) and standardization, and the classifier; the same
 * features are computed here, so a data set gives the same predictions as in the run that saved it.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predicts classes with a model saved by 'scatter4j mnist --save-model'.",
            "INPUT: a .npy of shape (M, N) or (B, M, N), pixels in [0, 1] as MNIST is read;",
            "an image (PNG, JPEG, GIF, BMP, PGM; read as grey in [0, 1]);",
            "a folder of same-size images (sorted by name);",
            "or a folder in MNIST's IDX layout: its t10k files (--split train: its train",
            "files), whose labels give the accuracy too.",
            "The images must have the size the model was trained on.",
            "Output: CSV (index,name,prediction[,label]) on standard output or to --out",
            "FILE.csv; JSON with --json FILE."})
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model file written by mnist --save-model.")
    Path model;

    @Parameters(index = "0", paramLabel = "INPUT", description = "Images to classify: .npy, image, folder of images or MNIST-layout folder.")
    Path input;

    @Option(names = "--split", defaultValue = "test", description = "For an MNIST-layout folder: test (t10k files) or train (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the CSV to this file instead of standard output.")
    Path out;

    @Option(names = "--json", description = "Write the predictions (and the accuracy when labels are known) as JSON to this file.")
    Path json;

    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Option(names = "--overwrite", description = "Replace existing --out / --json files.")
    boolean overwrite;

    /** Images whose features are computed at a time (bounded memory whatever the input's size). */
    static final int CHUNK = 2048;

    @Override
    public Integer call() throws Exception {
        int t = threads.resolve();
        if (!split.equals("test") && !split.equals("train")) {
            throw new IllegalArgumentException("--split must be test or train, got '" + split + "'");
        }
        if (out != null && !out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            throw new IllegalArgumentException("--out must end in .csv, got " + out);
        }
        if (!Files.exists(input)) {
            throw new IllegalArgumentException("INPUT " + input + ": no such file or folder");
        }
        try (OutputTransaction outputs = new OutputTransaction(overwrite)) {
            if (out != null) {
                outputs.declare(out, "--out");
            }
            if (json != null) {
                outputs.declare(json, "--json");
            }
            outputs.refuseInput(model, "--model");
            outputs.refuseInput(input, "INPUT");
            Pipeline pipeline = load(model);
            Scattering2D scattering = scatteringOf(pipeline, model);

            Predictions p = isMnistFolder(input) ? predictDataset(pipeline, scattering, t) : predictImages(pipeline, scattering, t);

            PrintStream log = out == null ? System.err : System.out; // standard output holds only the CSV when it is the CSV
            if (out != null) {
                try (Writer w = new java.io.OutputStreamWriter(new java.io.BufferedOutputStream(outputs.open(out)), StandardCharsets.UTF_8)) {
                    p.csv(w);
                }
            }
            if (json != null) {
                JsonOutput.write(outputs, json, p.json(model, input, scattering));
            }
            outputs.commit();
            if (out == null) {
                Writer w = new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                p.csv(w);
                w.flush();
            }
            log.printf("%d image(s) of %dx%d classified with %s (%s)%s%n", p.names.size(), scattering.height(), scattering.width(), model,
                    scattering.describe(), p.labels == null ? "" : String.format("; accuracy %.2f %% (%d of %d)", 100 * p.accuracy(),
                            p.correct(), p.names.size()));
            for (Path f : new Path[] {out, json}) {
                if (f != null) {
                    log.println("wrote " + f);
                }
            }
        }
        return 0;
    }

    /** The model, or a one-line reason: missing, unreadable, not a model, corrupt (ModelFile's checks). */
    static Pipeline load(Path model) throws IOException {
        try {
            return ModelFile.load(model);
        } catch (NoSuchFileException e) {
            throw new IOException("--model " + model + ": no such file", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IOException("--model " + model + ": permission denied", e);
        } catch (IOException e) {
            if (Files.isDirectory(model)) {
                throw new IOException("--model " + model + " is a folder; expected a model file", e);
            }
            throw new IOException(e instanceof java.nio.file.FileSystemException ? "--model " + OutputFiles.describe(e) : e.getMessage(), e);
        }
    }

    /** The transform that computed the model's features, from the metadata mnist --save-model stores. */
    static Scattering2D scatteringOf(Pipeline pipeline, Path model) throws IOException {
        Map<String, String> meta = pipeline.metadata();
        String transform = meta.get("transform");
        if (!"translation".equals(transform)) {
            throw new IOException("model file " + model + ": its features are not described (metadata transform = " + transform
                    + "; expected translation, as written by scatter4j mnist --save-model)");
        }
        Scattering2D s;
        try {
            s = Scattering2D.builder().J(intOf(meta, "J", model)).L(intOf(meta, "L", model)).maxOrder(intOf(meta, "max_order", model))
                    .shape(intOf(meta, "height", model), intOf(meta, "width", model)).build();
        } catch (IllegalArgumentException e) {
            throw new IOException("model file " + model + ": invalid scattering parameters in its metadata: " + e.getMessage(), e);
        }
        if (s.featureCount() != pipeline.dimension()) {
            throw new IOException("model file " + model + ": its classifier takes " + pipeline.dimension() + " features but "
                    + s.describe() + " gives " + s.featureCount());
        }
        return s;
    }

    private static int intOf(Map<String, String> meta, String key, Path model) throws IOException {
        String v = meta.get(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IOException("model file " + model + ": metadata " + key + " = " + v + " is not an integer", e);
        }
    }

    static boolean isMnistFolder(Path p) {
        return Files.isDirectory(p) && MnistDataset.FILE_NAMES.stream()
                .anyMatch(n -> Files.isRegularFile(p.resolve(n)) || Files.isRegularFile(p.resolve(n + ".gz")));
    }

    private Predictions predictDataset(Pipeline pipeline, Scattering2D s, int t) throws IOException {
        MnistDataset ds = MnistDataset.inFolder(input);
        LabelledImages set = split.equals("test") ? ds.test() : ds.train();
        requireSize(set.images().rows(), set.images().cols(), s);
        int n = set.size();
        List<String> names = new ArrayList<>(n);
        String prefix = (split.equals("test") ? MnistDataset.TEST_IMAGES : MnistDataset.TRAIN_IMAGES) + "[";
        for (int i = 0; i < n; i++) {
            names.add(prefix + i + "]");
        }
        float[] features = Extraction.run(s, set.images().pixels(), n, t, "features");
        int[] predicted = pipeline.predictInPlace(FeatureMatrix.wrap(features, n, s.featureCount()));
        return new Predictions(names, predicted, set.labels());
    }

    private Predictions predictImages(Pipeline pipeline, Scattering2D s, int t) throws IOException {
        try (ImageStream in = ImageStream.open(input)) {
            requireSize(in.height(), in.width(), s);
            int n = in.count();
            int[] predicted = new int[n];
            int chunk = Math.min(CHUNK, n);
            double[] pixels = new double[Math.multiplyExact(chunk, s.imageLength())];
            float[] pixels32 = new float[pixels.length];
            int done = 0;
            for (int m = in.read(pixels, chunk); m > 0; m = in.read(pixels, chunk)) {
                // named by their place in INPUT (the library would count within the chunk); the models run in float32
                ScatterCommand.requirePixels(pixels, m, s.imageLength(), in.width(), done, in.names(), false,
                        "; predict reads pixels as float32: scale the images down");
                for (int i = 0; i < m * s.imageLength(); i++) {
                    pixels32[i] = (float) pixels[i];
                }
                float[] features = new float[Math.multiplyExact(m, s.featureCount())];
                s.extract(pixels32, m, features, t);
                System.arraycopy(pipeline.predictInPlace(FeatureMatrix.wrap(features, m, s.featureCount())), 0, predicted, done, m);
                done += m;
            }
            return new Predictions(in.names(), predicted, null);
        }
    }

    private static void requireSize(int height, int width, Scattering2D s) {
        if (height != s.height() || width != s.width()) {
            throw new IllegalArgumentException("INPUT images are " + height + "x" + width + " but the model was trained on "
                    + s.height() + "x" + s.width() + " images");
        }
    }

    /** Predicted classes, the input names and, for a labelled data set, the true labels. */
    record Predictions(List<String> names, int[] predicted, int[] labels) {
        int correct() {
            int c = 0;
            for (int i = 0; i < predicted.length; i++) {
                c += predicted[i] == labels[i] ? 1 : 0;
            }
            return c;
        }

        double accuracy() {
            return (double) correct() / predicted.length;
        }

        void csv(Writer w) throws IOException {
            w.write(labels == null ? "index,name,prediction\n" : "index,name,prediction,label\n");
            for (int i = 0; i < predicted.length; i++) {
                w.write(i + "," + csvField(names.get(i)) + "," + predicted[i] + (labels == null ? "" : "," + labels[i]) + "\n");
            }
        }

        Map<String, Object> json(Path model, Path input, Scattering2D s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model.toString());
            m.put("input", input.toString());
            m.put("count", predicted.length);
            m.put("J", s.J());
            m.put("L", s.L());
            m.put("feature_dim", s.featureCount());
            m.put("test_accuracy", labels == null ? null : accuracy());
            m.put("names", names);
            m.put("predictions", predicted);
            m.put("labels", labels);
            return m;
        }

        /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
        static String csvField(String s) {
            return s.matches("[^,\"\r\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
        }
    }
}
