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
import org.scatter4j.io.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scatter4j spark-extract}: scattering features of many images on Spark, written as Parquet
 * (id, label when the input has labels, features). The tasks read their own slices of the input
 * ({@link ImageSource}), transform them with {@link ScatteringTransformer} and write their part of
 * the Parquet folder; the driver only plans. Runs unchanged under spark-submit.
 */
@Command(name = "spark-extract", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scattering features of many images on Apache Spark, written as Parquet (id, label, features).",
            "--input: a .npy (B, M, N), a folder of same-size images, an IDX image file (labels beside it) or a folder with",
            "MNIST's four IDX files (train then test). On a cluster the input must be readable by every executor."})
final class SparkExtractCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "PATH", description = "Images: .npy, image folder, IDX file or MNIST folder.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "OUT.parquet", description = "Parquet folder to write.")
    String output;

    @Option(names = "--master", description = "Spark master, e.g. local[2] (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--J", defaultValue = "2", description = "Scale (default: ${DEFAULT-VALUE}).")
    int J;

    @Option(names = "--L", defaultValue = "8", description = "Orientations (default: ${DEFAULT-VALUE}).")
    int L;

    @Option(names = "--max-order", defaultValue = "2", description = "1 or 2 (default: ${DEFAULT-VALUE}).")
    int maxOrder;

    @Option(names = "--transform", defaultValue = "translation", description = "translation or rototranslation (default: ${DEFAULT-VALUE}).")
    String transform;

    @Option(names = "--partitions", description = "Partitions (default: 2 per core of the cluster; each task holds one partition's pixels).")
    Integer partitions;

    @Option(names = "--handle-invalid", defaultValue = "error", description = "error, skip or keep (NaN features) (default: ${DEFAULT-VALUE}).")
    String handleInvalid;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the timings as one JSON object to this file.")
    Path json;

    @Option(names = "--overwrite", description = "Replace --output and --json if they exist.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
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
        ImageSource source = ImageSource.open(input);
        ScatteringTransformer scattering = new ScatteringTransformer().setInputCol("pixels").setOutputCol("features")
                .setShape(source.height(), source.width()).setJ(J).setL(L).setMaxOrder(maxOrder).setTransform(transform)
                .setHandleInvalid(handleInvalid);
        int d = scattering.featureCount(); // checks the parameters against the image size before Spark starts

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
            Dataset<Row> images = spark.createDataFrame(rows, source.schema());
            // The tasks' time spent pulling rows from the transformer (reading and transforming) against
            // their whole run (which adds Spark's encoding and the Parquet writer)
            LongAccumulator upstream = spark.sparkContext().longAccumulator("extract nanos");
            LongAccumulator task = spark.sparkContext().longAccumulator("task nanos");
            JavaRDD<Row> timed = scattering.transformRows(images).mapPartitions(it -> new TimedIterator(it, upstream, task));
            Dataset<Row> features = spark.createDataFrame(timed, scattering.transformSchema(images.schema())).drop("pixels");
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
            System.out.printf("%s: %d rows x %d features (%s J=%d L=%d), %d partitions on %s%n", output, n, d, transform, J, L, p,
                    r.get("master"));
            System.out.printf("startup %.2f s, extract %.2f s (%.0f rows/s), write %.2f s (extract/write split by the tasks' "
                    + "time upstream of the Parquet writer)%n", startup, extract, n / extract, write);
            if (json != null) {
                Files.writeString(json, new GsonBuilder().setPrettyPrinting().create().toJson(r) + "\n", StandardCharsets.UTF_8);
                System.out.println("wrote " + json);
            }
            return 0;
        } catch (RuntimeException e) {
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
