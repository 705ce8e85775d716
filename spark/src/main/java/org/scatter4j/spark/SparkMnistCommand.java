package org.scatter4j.spark;

import com.google.gson.GsonBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.scatter4j.cli.DataLocator;
import org.scatter4j.io.LabelledImages;
import org.scatter4j.io.MnistDataset;
import org.scatter4j.io.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scatter4j spark-mnist}: MNIST as a Spark ML Pipeline, {@link ScatteringTransformer} then
 * Spark's StandardScaler then Spark's multinomial LogisticRegression, fitted on the training set and
 * scored on the test set: the pieces fit Spark's own. MNIST is found as the {@code mnist} command
 * finds it ({@link DataLocator}), else the bundled subset.
 */
@Command(name = "spark-mnist", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"MNIST as a Spark ML Pipeline: ScatteringTransformer -> StandardScaler -> LogisticRegression.",
            "Data: --data, else $SCATTER4J_DATA, else data/mnist, else ../shared/data/mnist, else the bundled 5000/1000 subset."})
final class SparkMnistCommand implements Callable<Integer> {
    @Option(names = "--master", description = "Spark master, e.g. local[2] (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--data", description = "Folder with MNIST's four IDX files.")
    Path data;

    @Option(names = "--J", defaultValue = "2", description = "Scale (default: ${DEFAULT-VALUE}).")
    int J;

    @Option(names = "--L", defaultValue = "8", description = "Orientations (default: ${DEFAULT-VALUE}).")
    int L;

    @Option(names = "--train-size", description = "Use the first N training images (default: all).")
    Integer trainSize;

    @Option(names = "--max-iter", defaultValue = "100", description = "Iterations of LogisticRegression (default: ${DEFAULT-VALUE}).")
    int maxIter;

    @Option(names = "--reg-param", defaultValue = "0.001", description = "L2 regularization of LogisticRegression (default: ${DEFAULT-VALUE}).")
    double regParam;

    @Option(names = "--partitions", description = "Partitions (default: 2 per core).")
    Integer partitions;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the results as one JSON object to this file.")
    Path json;

    @Option(names = "--overwrite", description = "Replace --json if it exists.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        if (json != null) {
            OutputFiles.checkNewFile(json, overwrite);
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("--max-iter must be >= 1, got " + maxIter);
        }
        Path folder = DataLocator.find("mnist", data, MnistDataset.TRAIN_IMAGES);
        MnistDataset ds = folder == null ? MnistDataset.bundledSubset() : MnistDataset.inFolder(folder);
        if (folder == null) {
            System.out.println("note: no MNIST folder found; using the subset bundled in the jar (./scatter4j download mnist for all of it).");
        }
        LabelledImages train = trainSize == null ? ds.train() : ds.train(trainSize);
        if (trainSize != null && (trainSize < 10 || train.size() < trainSize)) {
            throw new IllegalArgumentException("--train-size must be in [10, " + ds.train().size() + "], got " + trainSize);
        }
        LabelledImages test = ds.test();
        int h = train.images().rows();
        int w = train.images().cols();
        System.out.printf("data: %s: %d training, %d test images of %dx%d%n", ds, train.size(), test.size(), h, w);
        ScatteringTransformer scattering = new ScatteringTransformer().setInputCol("pixels").setOutputCol("scattering")
                .setShape(h, w).setJ(J).setL(L);
        int d = scattering.featureCount();

        boolean shared = Sessions.running();
        long t0 = System.nanoTime();
        SparkSession spark = Sessions.start("scatter4j spark-mnist", master);
        double startup = (System.nanoTime() - t0) / 1e9;
        try {
            int p = partitions != null ? partitions : 2 * JavaSparkContext.fromSparkContext(spark.sparkContext()).defaultParallelism();
            Dataset<Row> trainDf = frame(spark, train, p);
            Dataset<Row> testDf = frame(spark, test, p);
            Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
                scattering,
                new StandardScaler().setInputCol("scattering").setOutputCol("features").setWithMean(true).setWithStd(true),
                new LogisticRegression().setFeaturesCol("features").setLabelCol("label").setMaxIter(maxIter).setRegParam(regParam)});
            long t1 = System.nanoTime();
            PipelineModel model = pipeline.fit(trainDf);
            double fitSeconds = (System.nanoTime() - t1) / 1e9;
            long t2 = System.nanoTime();
            double accuracy = new MulticlassClassificationEvaluator().setLabelCol("label").setPredictionCol("prediction")
                    .setMetricName("accuracy").evaluate(model.transform(testDf));
            double testSeconds = (System.nanoTime() - t2) / 1e9;

            Map<String, Object> r = new LinkedHashMap<>();
            r.put("dataset", ds.toString());
            r.put("master", spark.sparkContext().master());
            r.put("partitions", p);
            r.put("train_size", train.size());
            r.put("test_size", test.size());
            r.put("J", J);
            r.put("L", L);
            r.put("feature_dim", d);
            r.put("classifier", "Spark LogisticRegression (multinomial, maxIter " + maxIter + ", regParam " + regParam + ")");
            r.put("test_accuracy", accuracy);
            r.put("test_error", 1 - accuracy);
            r.put("startup_seconds", startup);
            r.put("fit_seconds", fitSeconds);
            r.put("test_seconds", testSeconds);
            System.out.printf("pipeline: ScatteringTransformer (J=%d, L=%d, %d features) -> StandardScaler -> LogisticRegression%n", J, L, d);
            System.out.printf("test accuracy %.2f %% (error %.2f %%) on %d images; startup %.1f s, fit %.1f s, test %.1f s, %s, %d partitions%n",
                    100 * accuracy, 100 * (1 - accuracy), test.size(), startup, fitSeconds, testSeconds, r.get("master"), p);
            if (json != null) {
                Files.writeString(json, new GsonBuilder().setPrettyPrinting().create().toJson(r) + "\n", StandardCharsets.UTF_8);
                System.out.println("wrote " + json);
            }
            return 0;
        } finally {
            if (!shared) {
                spark.stop();
            }
        }
    }

    /** (label, pixels) rows of a labelled set, in {@code partitions} partitions. */
    private static Dataset<Row> frame(SparkSession spark, LabelledImages set, int partitions) {
        List<Row> rows = new ArrayList<>(set.size());
        for (int i = 0; i < set.size(); i++) {
            rows.add(RowFactory.create((double) set.label(i), set.images().image(i)));
        }
        StructType schema = new StructType().add("label", DataTypes.DoubleType, false)
                .add("pixels", DataTypes.createArrayType(DataTypes.FloatType, false), false);
        // checkpointed in the executors' block stores: without it every stage (one per iteration of the
        // classifier) would ship the driver's images again inside its tasks
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, partitions), schema)
                .localCheckpoint();
    }
}
