package org.scatter4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.SparkException;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scatter4j.scattering.Scattering1D;

class Scattering1DTransformerTest {
    /** Signal length and count: 150 rows are three blocks of 64 lanes in one partition. */
    private static final int N = 256;
    private static final int B = 150;
    private static SparkSession spark;
    /** The signals, genuine doubles (not floats widened). */
    private static double[][] signals;

    private enum Input { DOUBLES, FLOATS, VECTOR, SPARSE }

    @BeforeAll
    static void setUp() {
        spark = LocalSpark.get();
        Random rnd = new Random(17);
        signals = new double[B][N];
        for (double[] s : signals) {
            for (int k = 0; k < N; k++) {
                s[k] = rnd.nextGaussian() + Math.sin(0.3 * k);
            }
        }
    }

    /** The values column {@code input} holds for signal {@code i}: floats are the doubles rounded. */
    private static double[] held(int i, Input input) {
        double[] x = signals[i].clone();
        if (input == Input.FLOATS) {
            for (int k = 0; k < N; k++) {
                x[k] = (float) x[k];
            }
        } else if (input == Input.SPARSE) {
            for (int k = 0; k < N; k += 3) {
                x[k] = 0; // a third of the samples absent from the sparse vector
            }
        }
        return x;
    }

    private static Object column(double[] x, Input input) {
        switch (input) {
            case DOUBLES: {
                Object[] v = new Object[x.length];
                for (int k = 0; k < x.length; k++) {
                    v[k] = x[k];
                }
                return v;
            }
            case FLOATS: {
                Object[] v = new Object[x.length];
                for (int k = 0; k < x.length; k++) {
                    v[k] = (float) x[k];
                }
                return v;
            }
            case VECTOR:
                return Vectors.dense(x);
            default:
                return Vectors.dense(x).toSparse();
        }
    }

    private static DataType type(Input input) {
        return switch (input) {
            case DOUBLES -> DataTypes.createArrayType(DataTypes.DoubleType);
            case FLOATS -> DataTypes.createArrayType(DataTypes.FloatType);
            default -> SQLDataTypes.VectorType();
        };
    }

    private static StructType schema(Input input) {
        return new StructType().add("id", DataTypes.LongType).add("signal", type(input), true);
    }

    private static Dataset<Row> rows(int n, Input input, int partitions) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(RowFactory.create((long) i, column(held(i, input), input)));
        }
        return spark.createDataFrame(rows, schema(input)).repartition(partitions);
    }

    private static Scattering1DTransformer transformer() {
        return new Scattering1DTransformer().setInputCol("signal").setOutputCol("features").setSignalLength(N).setJ(5).setQ(4);
    }

    /** features[id] from a transformed data set, which Spark may return in any order. */
    private static double[][] byId(Dataset<Row> out, int n, int d) {
        double[][] f = new double[n][];
        for (Row r : out.select("id", "features").collectAsList()) {
            Vector v = r.getAs(1);
            assertEquals(d, v.size());
            f[(int) r.getLong(0)] = v.toArray();
        }
        return f;
    }

    /** What the library gives for the first n signals as the column holds them, flattened per signal and widened. */
    private static double[][] expected(Scattering1D s, int n, Input input, boolean float64) {
        int d = s.outputLength();
        double[][] e = new double[n][d];
        double[] x = new double[n * N];
        for (int i = 0; i < n; i++) {
            System.arraycopy(held(i, input), 0, x, i * N, N);
        }
        if (float64) {
            double[] y = s.transformBatch(x, n);
            for (int i = 0; i < n; i++) {
                System.arraycopy(y, i * d, e[i], 0, d);
            }
        } else {
            float[] y = new float[n * d];
            s.transformBatch(x, n, y, 1); // float32 arithmetic on the unrounded samples
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < d; k++) {
                    e[i][k] = y[i * d + k];
                }
            }
        }
        return e;
    }

    private static void assertSame(double[][] expected, double[][] got, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], got[i], what + ", signal " + i); // exact: delta 0
        }
    }

    @Test
    void featuresEqualTransformBatchBitForBitInBothPrecisionsAndEveryInputType() {
        Scattering1D s = Scattering1D.builder().length(N).J(5).Q(4).build();
        int d = s.outputLength();
        assertEquals(d, transformer().featureCount());
        assertTrue(s.outputSamples() > 1, "local averaging: several samples per channel");
        assertTrue(2 * s.blockLanes() < B, "several blocks per partition: " + s.blockLanes() + " lanes");
        for (boolean float64 : new boolean[] {false, true}) {
            for (Input input : Input.values()) {
                int partitions = input == Input.DOUBLES ? 3 : 1;
                Scattering1DTransformer t = transformer().setPrecision(float64 ? "float64" : "float32");
                double[][] got = byId(t.transform(rows(B, input, partitions)), B, d);
                assertSame(expected(s, B, input, float64), got, (float64 ? "float64" : "float32") + " " + input);
            }
        }
    }

    /**
     * float32 takes the double samples unrounded: its features are floats, differ from float64's and
     * from those of the samples rounded to float32 (what the FLOATS column holds), and agree with
     * float64 to float32's accuracy.
     */
    @Test
    void float32TakesDoublesUnroundedAndDiffersFromFloat64() {
        Scattering1D s = Scattering1D.builder().length(N).J(5).Q(4).build();
        int d = s.outputLength();
        double[][] f32 = byId(transformer().transform(rows(4, Input.DOUBLES, 1)), 4, d);
        double[][] f64 = byId(transformer().setPrecision("float64").transform(rows(4, Input.DOUBLES, 1)), 4, d);
        double[][] rounded = byId(transformer().transform(rows(4, Input.FLOATS, 1)), 4, d);
        for (int k = 0; k < d; k++) {
            assertEquals(f32[0][k], (float) f32[0][k], "float32 features are floats widened");
        }
        assertTrue(!Arrays.equals(f32[0], f64[0]), "the precisions differ");
        assertTrue(!Arrays.equals(f32[0], rounded[0]), "the doubles are not rounded to float32 first");
        assertEquals(f64[0][0], f32[0][0], 1e-5 * Math.abs(f64[0][0]), "but agree to float32's accuracy");
    }

    @Test
    void globalAndIntegerTAndOrderOneEqualTheLibrarys() {
        int n = 20;
        record Case(Scattering1DTransformer t, Scattering1D s) { }
        List<Case> cases = List.of(
                new Case(transformer().setT("global"), Scattering1D.builder().length(N).J(5).Q(4).globalAveraging().build()),
                new Case(transformer().setT(24).setPrecision("float64"), Scattering1D.builder().length(N).J(5).Q(4).T(24).build()),
                new Case(transformer().setT("24"), Scattering1D.builder().length(N).J(5).Q(4).T(24).build()),
                new Case(transformer().setMaxOrder(1).setQ(8, 2), Scattering1D.builder().length(N).J(5).Q(8, 2).maxOrder(1).build()),
                new Case(transformer().setQ(8, 2).setT("global").setPrecision("float64"),
                        Scattering1D.builder().length(N).J(5).Q(8, 2).globalAveraging().build()));
        for (Case c : cases) {
            Scattering1D s = c.s();
            int d = s.outputLength();
            assertEquals(d, c.t().featureCount(), s.toString());
            assertEquals(s.paths(), c.t().scattering().paths(), s.toString());
            boolean float64 = "float64".equals(c.t().getOrDefault(c.t().precision()));
            assertSame(expected(s, n, Input.VECTOR, float64), byId(c.t().transform(rows(n, Input.VECTOR, 2)), n, d), s.toString());
        }
        assertEquals(1, Scattering1D.builder().length(N).J(5).Q(4).globalAveraging().build().outputSamples());
        assertEquals(1 + Scattering1D.builder().length(N).J(5).Q(8, 2).build().filterBank().psi1().size(),
                transformer().setMaxOrder(1).setQ(8, 2).scattering().channelCount(), "order 1: order 0 and the first-order wavelets");
    }

    @Test
    void pipelineSaveLoadRoundTrip(@TempDir Path dir) throws IOException {
        Dataset<Row> data = rows(30, Input.DOUBLES, 2);
        Scattering1DTransformer t = transformer().setQ(8, 2).setT("global").setMaxOrder(1).setPrecision("float64")
                .setHandleInvalid("keep");
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {t}).fit(data);
        String path = dir.resolve("model").toString();
        model.write().overwrite().save(path);
        PipelineModel loaded = PipelineModel.load(path);
        Scattering1DTransformer back = (Scattering1DTransformer) loaded.stages()[0];
        assertEquals(t.uid(), back.uid());
        assertEquals(t.extractParamMap().toString(), back.extractParamMap().toString());
        assertEquals("global", back.getOrDefault(back.T()));
        assertEquals(2, back.getOrDefault(back.Q2()));
        int d = t.featureCount();
        assertSame(byId(model.transform(data), 30, d), byId(loaded.transform(data), 30, d), "loaded");

        Scattering1DTransformer defaults = transformer();
        Scattering1DTransformer viaSaved = Scattering1DTransformer.load(save(defaults, dir.resolve("t")));
        assertTrue(!viaSaved.isSet(viaSaved.T()), "an unset T stays unset (2^J)");
        assertEquals(defaults.featureCount(), viaSaved.featureCount());
    }

    private static String save(Scattering1DTransformer t, Path path) throws IOException {
        t.write().overwrite().save(path.toString());
        return path.toString();
    }

    /** Rows 0..9 valid but: row 3 has 255 samples, row 5 is null, row 7 has a NaN at sample 17, row 8 +inf at 200. */
    private static Dataset<Row> withInvalidRows(Input input) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double[] x = held(i, input);
            if (i == 3) {
                x = Arrays.copyOf(x, N - 1);
            } else if (i == 7) {
                x[17] = Double.NaN;
            } else if (i == 8) {
                x[200] = Double.POSITIVE_INFINITY;
            }
            rows.add(RowFactory.create((long) i, i == 5 ? null : column(x, input)));
        }
        return spark.createDataFrame(rows, schema(input)).coalesce(1);
    }

    private static String invalidRowMessage(Scattering1DTransformer t, Dataset<Row> data) {
        SparkException e = assertThrows(SparkException.class, () -> t.transform(data).collectAsList());
        Throwable cause = e;
        while (cause != null && !(cause instanceof InvalidRowException)) {
            cause = cause.getCause();
        }
        assertNotNull(cause, "the task's InvalidRowException is the cause of Spark's failure: " + e);
        return cause.getMessage();
    }

    @Test
    void handleInvalidErrorNamesTheRowAndTheSample() {
        String length = invalidRowMessage(transformer(), withInvalidRows(Input.DOUBLES));
        assertTrue(length.startsWith("row 3 of partition 0, column 'signal': 255 samples, expected signalLength = 256"), length);
        // the rows before 7 valid: the NaN is named by row and sample
        Dataset<Row> nan = withInvalidRows(Input.VECTOR).filter("id != 3 AND id != 5");
        String m = invalidRowMessage(transformer().setPrecision("float64"), nan);
        assertTrue(m.startsWith("row 5 of partition 0, column 'signal': sample 17 is NaN (not finite)"), m);
        String inf = invalidRowMessage(transformer(), withInvalidRows(Input.FLOATS).filter("id > 7"));
        assertTrue(inf.startsWith("row 0 of partition 0, column 'signal': sample 200 is Infinity (not finite)"), inf);
        String nul = invalidRowMessage(transformer(), withInvalidRows(Input.FLOATS).filter("id = 5"));
        assertTrue(nul.startsWith("row 0 of partition 0, column 'signal': null signal"), nul);
        Dataset<Row> big = spark.createDataFrame(List.of(RowFactory.create(0L, column(bigSignal(1e100), Input.DOUBLES))),
                schema(Input.DOUBLES));
        String range = invalidRowMessage(transformer(), big);
        assertTrue(range.contains("sample 9 is 1.0E100 (beyond float32's range; precision=float64 takes it)"), range);
        assertEquals(1, transformer().setPrecision("float64").transform(big).count());
        // beyond what float64 takes either (Scattering1D.SAFE_FLOAT64): an invalid row in both precisions, not a failed job
        Dataset<Row> huge = spark.createDataFrame(List.of(RowFactory.create(0L, column(bigSignal(1e300), Input.DOUBLES)),
                RowFactory.create(1L, column(new double[N], Input.DOUBLES))), schema(Input.DOUBLES));
        for (String precision : new String[] {"float32", "float64"}) {
            String h = invalidRowMessage(transformer().setPrecision(precision), huge);
            assertTrue(h.startsWith("row 0 of partition 0, column 'signal': sample 9 is 1.0E300, above the largest magnitude"), h);
            assertEquals(1, transformer().setPrecision(precision).setHandleInvalid("skip").transform(huge).count());
        }
    }

    private static double[] bigSignal(double value) {
        double[] x = new double[N];
        x[9] = value;
        return x;
    }

    @Test
    void handleInvalidSkipDropsTheRowsAndKeepGivesNaN() {
        for (boolean float64 : new boolean[] {false, true}) {
            Scattering1D s = Scattering1D.builder().length(N).J(5).Q(4).build();
            int d = s.outputLength();
            double[][] expected = expected(s, 10, Input.DOUBLES, float64);
            String precision = float64 ? "float64" : "float32";

            List<Long> ids = new ArrayList<>();
            transformer().setPrecision(precision).setHandleInvalid("skip").transform(withInvalidRows(Input.DOUBLES))
                    .select("id").collectAsList().forEach(r -> ids.add(r.getLong(0)));
            assertEquals(List.of(0L, 1L, 2L, 4L, 6L, 9L), ids);

            double[][] kept = byId(transformer().setPrecision(precision).setHandleInvalid("keep")
                    .transform(withInvalidRows(Input.DOUBLES)), 10, d);
            for (int i = 0; i < 10; i++) {
                if (i == 3 || i == 5 || i == 7 || i == 8) {
                    for (double v : kept[i]) {
                        assertTrue(Double.isNaN(v), "row " + i);
                    }
                } else {
                    assertArrayEquals(expected[i], kept[i], precision + " row " + i);
                }
            }
        }
    }

    private static String refusal(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void badParamsAndColumnsAreClearErrors() {
        assertEquals("signalLength must be >= 2, got 1", refusal(() -> transformer().setSignalLength(1)));
        assertEquals("J must be >= 1, got 0", refusal(() -> transformer().setJ(0)));
        assertEquals("Q1 must be >= 1, got 0", refusal(() -> transformer().setQ(0)));
        assertEquals("Q2 must be >= 1, got 0", refusal(() -> transformer().setQ(4, 0)));
        assertEquals("T must be >= 1, got 0", refusal(() -> transformer().setT(0)));
        assertEquals("T must be 'global' or an integer >= 1 (at most signalLength), got 'local'",
                refusal(() -> transformer().setT("local")));
        assertEquals("T must be 'global' or an integer >= 1 (at most signalLength), got '-3'", refusal(() -> transformer().setT("-3")));
        assertEquals("maxOrder must be 1 or 2, got 3", refusal(() -> transformer().setMaxOrder(3)));
        assertEquals("precision must be one of float32, float64, got 'float16'", refusal(() -> transformer().setPrecision("float16")));
        assertEquals("handleInvalid must be one of error, skip, keep, got 'drop'", refusal(() -> transformer().setHandleInvalid("drop")));

        Dataset<Row> data = rows(2, Input.DOUBLES, 1);
        assertEquals("J must be in [1, 8] for signals of length N=256 (2^J <= N), got J=9",
                refusal(() -> transformer().setJ(9).transform(data)));
        String t = refusal(() -> transformer().setT(300).transform(data));
        assertTrue(t.startsWith("T=300 exceeds the signal length N=256"), t);
        assertEquals("Scattering1DTransformer: param signalLength is not set",
                refusal(() -> new Scattering1DTransformer().setInputCol("signal").setJ(3).transform(data)));
        assertEquals("Scattering1DTransformer: param J is not set",
                refusal(() -> new Scattering1DTransformer().setInputCol("signal").setSignalLength(N).transform(data)));
        String col = refusal(() -> transformer().setInputCol("nope").transform(data));
        assertTrue(col.startsWith("inputCol 'nope' is not a column"), col);
        assertEquals("inputCol 'id' is of type bigint; expected array<double>, array<float> or an ML Vector",
                refusal(() -> transformer().setInputCol("id").transform(data)));
        String out = refusal(() -> transformer().setOutputCol("id").transform(data));
        assertTrue(out.startsWith("outputCol 'id' already exists"), out);
    }

    /** The pipeline of docs/spark.md: two classes of signals (a low or a high tone in noise) told apart. */
    @Test
    void scatteringStandardScalerLogisticRegressionPipeline() {
        Random rnd = new Random(5);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double label = i % 2;
            double f = label == 0 ? 0.05 : 0.4;
            double phase = rnd.nextDouble() * 2 * Math.PI;
            double[] x = new double[N];
            for (int k = 0; k < N; k++) {
                x[k] = Math.sin(2 * Math.PI * f * k + phase) + 0.5 * rnd.nextGaussian();
            }
            rows.add(RowFactory.create(label, Vectors.dense(x)));
        }
        Dataset<Row> data = spark.createDataFrame(rows, new StructType().add("label", DataTypes.DoubleType)
                .add("signal", SQLDataTypes.VectorType()));
        Scattering1DTransformer scattering = new Scattering1DTransformer().setInputCol("signal").setOutputCol("scattering")
                .setSignalLength(N).setJ(5).setQ(4).setT("global");
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {scattering,
            new StandardScaler().setInputCol("scattering").setOutputCol("features").setWithMean(true),
            new LogisticRegression().setMaxIter(20)});
        PipelineModel model = pipeline.fit(data);
        long right = model.transform(data).filter("prediction = label").count();
        assertEquals(60, right, "a low and a high tone are told apart by their first-order scattering");
    }
}
