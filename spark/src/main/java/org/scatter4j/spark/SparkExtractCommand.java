package org.scatter4j.spark;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.scatter4j.cli.OptionChecks;
import org.scatter4j.cli.Scatter1dCommand;
import org.scatter4j.io.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scatter4j spark-extract}: scattering features of many images, or with {@code --transform 1d}
 * of many signals, on Spark, written as Parquet (id, label when the input has labels, features). The
 * tasks read their own slices of the input ({@link ImageSource}, {@link SignalSource}), transform them
 * with {@link ScatteringTransformer} or {@link Scattering1DTransformer} and write their part of the
 * Parquet folder; the driver only plans. Runs unchanged under spark-submit.
 */
@Command(name = "spark-extract", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scattering features of many images on Apache Spark, written as Parquet (id, label, features).",
            "--input: a .npy (B, M, N), a folder of same-size images, an IDX image file (labels beside it) or a folder with",
            "MNIST's four IDX files (train then test). On a cluster the input must be readable by every executor.",
            "--transform 1d reads signals instead, as scatter1d does: a .npy (N) or (B, N), a",
            ".wav, or a folder of .wav files (sorted by name, all of one sample rate, and of",
            "one length unless --length is given)."})
final class SparkExtractCommand implements Callable<Integer> {
    private static final int DEFAULT_L = 8;
    private static final String ONE_D = "1d";
    private static final List<String> TRANSFORMS = List.of("translation", "rototranslation", ONE_D);

    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "Images: .npy, image folder, IDX file or MNIST folder; 1d: .npy, .wav or folder of .wav.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "OUT.parquet", description = "Parquet folder to write.")
    String output;

    @Option(names = "--master", description = "Spark master, e.g. local[2] (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--J", defaultValue = "2", description = "Scale (default: ${DEFAULT-VALUE}).")
    int J;

    /** Null unless given, so that --transform 1d can refuse it; images get {@link #DEFAULT_L}. */
    @Option(names = "--L", description = "Orientations (default: " + DEFAULT_L + ").")
    Integer L;

    @Option(names = "--max-order", defaultValue = "2", description = "1 or 2 (default: ${DEFAULT-VALUE}).")
    int maxOrder;

    @Option(names = "--transform", defaultValue = "translation",
            description = "translation, rototranslation or 1d (default: ${DEFAULT-VALUE}).")
    String transform;

    // the 1d options: null unless given, so that the image transforms can refuse them

    @Option(names = "--Q", paramLabel = "Q1[,Q2]", description = "1d: wavelets per octave: Q1 at the first order, Q2 (default 1) at the second (default: 1).")
    String q;

    @Option(names = "--T", paramLabel = "N|global", description = "1d: averaging, T samples or global (default: 2^J).")
    String t;

    @Option(names = "--precision", description = "1d: float32 or float64 (default: float32).")
    String precision;

    @Option(names = "--length", paramLabel = "N", description = "1d: zero-pad or cut every signal to N samples.")
    Integer length;

    @Option(names = "--partitions", description = "Partitions (default: 2 per core of the cluster; each task holds one partition's pixels).")
    Integer partitions;

    @Option(names = "--handle-invalid", defaultValue = "error", description = "error, skip or keep (NaN features) (default: ${DEFAULT-VALUE}).")
    String handleInvalid;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the timings as one JSON object to this file.")
    Path json;

    @Option(names = "--overwrite", description = "Replace --output and --json if they exist.")
    boolean overwrite;

    /** What the run reads and how it transforms it: the source, the transformer, its input column, and the summary's words. */
    private record Plan(RowSource source, AbstractScatteringTransformer<?> scattering, String column, String description) {
    }

    @Override
    public Integer call() throws Exception {
        if (!TRANSFORMS.contains(transform)) {
            throw new IllegalArgumentException("--transform must be one of " + String.join(", ", TRANSFORMS) + ", got '"
                    + transform + "'");
        }
        boolean oneD = ONE_D.equals(transform);
        refuseOptionsOfTheOtherMode(oneD);
        int[] qs = null;
        if (oneD) { // every 1d option checked before anything is read (scatter1d's checks and messages)
            Scatter1dCommand.isFloat64(precision != null ? precision : Scattering1DTransformer.FLOAT32);
            qs = Scatter1dCommand.parseQ(q != null ? q : "1");
            OptionChecks.scattering1d(J, maxOrder);
            if (t != null && !t.equals(Scattering1DTransformer.GLOBAL)) {
                Scatter1dCommand.parseT(t);
            }
            Scatter1dCommand.checkLength(length);
        }
        if (json != null) {
            OutputFiles.checkNewFile(json, overwrite);
        }
        boolean localOutput = !output.contains("://");
        if (localOutput && Files.exists(Path.of(output)) && !overwrite) {
            throw new IOException(output + " exists; pass --overwrite to replace it");
        }
        if (partitions != null && partitions < 1) {
            throw new IllegalArgumentException("--partitions must be >= 1, got " + partitions);
        }
        // the input opened (its IOExceptions) and the parameters checked against its size before Spark starts
        Plan plan = oneD ? signalPlan(qs) : imagePlan();
        RowSource source = plan.source();
        AbstractScatteringTransformer<?> scattering = plan.scattering();
        int d = scattering.featureCount();

        boolean shared = Sessions.running();
        long t0 = System.nanoTime();
        SparkSession spark = Sessions.start("scatter4j spark-extract", master);
        double startup = (System.nanoTime() - t0) / 1e9;
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int p = partitions != null ? partitions : 2 * jsc.defaultParallelism();
            p = Math.max(1, Math.min(p, source.count()));
            List<int[]> slices = new ArrayList<>();
            for (int k = 0; k < p; k++) {
                int first = (int) ((long) source.count() * k / p);
                int end = (int) ((long) source.count() * (k + 1) / p);
                slices.add(new int[] {first, end - first});
            }
            JavaRDD<Row> rows = jsc.parallelize(slices, p).flatMap(s -> source.read(s[0], s[1]).iterator());
            Dataset<Row> inputRows = spark.createDataFrame(rows, source.schema());
            // The tasks' time spent pulling rows from the transformer (reading and transforming) against
            // their whole run (which adds Spark's encoding and the Parquet writer)
            LongAccumulator upstream = spark.sparkContext().longAccumulator("extract nanos");
            LongAccumulator task = spark.sparkContext().longAccumulator("task nanos");
            JavaRDD<Row> timed = scattering.transformRows(inputRows).mapPartitions(it -> new TimedIterator(it, upstream, task));
            Dataset<Row> features = spark.createDataFrame(timed, scattering.transformSchema(inputRows.schema())).drop(plan.column());
            long t1 = System.nanoTime();
            features.write().mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists).parquet(output);
            double job = (System.nanoTime() - t1) / 1e9;
            double share = task.value() > 0 ? Math.min(1.0, (double) upstream.value() / task.value()) : 1.0;
            double extract = job * share;
            double write = job - extract;
            int n = source.count();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("master", spark.sparkContext().master());
            r.put("partitions", p);
            r.put("rows", n);
            r.put("feature_dim", d);
            r.put("startup_seconds", startup);
            r.put("extract_seconds", extract);
            r.put("write_seconds", write);
            r.put("rows_per_second", n / extract);
            System.out.printf("%s: %d rows x %d features (%s), %d partitions on %s%n", output, n, d, plan.description(), p,
                    r.get("master"));
            System.out.printf("startup %.2f s, extract %.2f s (%.0f rows/s), write %.2f s (extract/write split by the tasks' "
                    + "time upstream of the Parquet writer)%n", startup, extract, n / extract, write);
            if (json != null) {
                Files.writeString(json, new GsonBuilder().setPrettyPrinting().create().toJson(r) + "\n", StandardCharsets.UTF_8);
                System.out.println("wrote " + json);
            }
            return 0;
        } catch (Exception e) { // a task's failure reaches here as SparkException, which is not a RuntimeException
            if (localOutput && !overwrite) {
                deleteQuietly(Path.of(output)); // nothing half-written is left behind
            }
            throw e;
        } finally {
            if (!shared) {
                spark.stop();
            }
        }
    }

    /** Refuses, naming it, an option of the other kind of input (one line, before anything is read). */
    private void refuseOptionsOfTheOtherMode(boolean oneD) {
        if (oneD) {
            if (L != null) {
                throw new IllegalArgumentException("--L (orientations) is for images (--transform translation or rototranslation), "
                        + "not --transform 1d");
            }
            return;
        }
        Map<String, Object> oneDOptions = new LinkedHashMap<>();
        oneDOptions.put("--Q", q);
        oneDOptions.put("--T", t);
        oneDOptions.put("--precision", precision);
        oneDOptions.put("--length", length);
        for (Map.Entry<String, Object> o : oneDOptions.entrySet()) {
            if (o.getValue() != null) {
                throw new IllegalArgumentException(o.getKey() + " is for signals (--transform 1d), not --transform " + transform);
            }
        }
    }

    private Plan imagePlan() throws IOException {
        int orientations = L != null ? L : DEFAULT_L;
        ImageSource source = ImageSource.open(input);
        ScatteringTransformer scattering = new ScatteringTransformer().setInputCol("pixels").setOutputCol("features")
                .setShape(source.height(), source.width()).setJ(J).setL(orientations).setMaxOrder(maxOrder).setTransform(transform)
                .setHandleInvalid(handleInvalid);
        return new Plan(source, scattering, "pixels", transform + " J=" + J + " L=" + orientations);
    }

    /** The options were checked by {@link #call} ({@code qs}: --Q parsed); the transformer's featureCount checks 2^J and T against N. */
    private Plan signalPlan(int[] qs) throws IOException {
        SignalSource source = SignalSource.open(input, length);
        Scattering1DTransformer scattering = new Scattering1DTransformer().setInputCol(SignalSource.COLUMN).setOutputCol("features")
                .setSignalLength(source.length()).setJ(J).setQ(qs[0], qs[1]).setMaxOrder(maxOrder)
                .setPrecision(precision != null ? precision : Scattering1DTransformer.FLOAT32).setHandleInvalid(handleInvalid);
        if (t != null) {
            scattering.setT(t);
        }
        return new Plan(source, scattering, SignalSource.COLUMN, ONE_D + " J=" + J + " Q=(" + qs[0] + ", " + qs[1] + ")");
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the error being reported matters more
        }
    }

    /** Counts the nanoseconds a task spends pulling rows from upstream, and its whole run. */
    private static final class TimedIterator implements Iterator<Row> {
        private final Iterator<Row> in;
        private final LongAccumulator upstream;
        private final LongAccumulator task;
        private final long start = System.nanoTime();
        private long inside;
        private boolean done;

        TimedIterator(Iterator<Row> in, LongAccumulator upstream, LongAccumulator task) {
            this.in = in;
            this.upstream = upstream;
            this.task = task;
        }

        @Override
        public boolean hasNext() {
            long t = System.nanoTime();
            boolean more = in.hasNext();
            inside += System.nanoTime() - t;
            if (!more && !done) {
                done = true;
                upstream.add(inside);
                task.add(System.nanoTime() - start);
            }
            return more;
        }

        @Override
        public Row next() {
            long t = System.nanoTime();
            Row r = in.next();
            inside += System.nanoTime() - t;
            return r;
        }
    }
}
