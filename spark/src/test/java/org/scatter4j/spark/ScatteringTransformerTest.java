package org.scatter4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.SparkException;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.image.ImageSchema;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scatter4j.io.IdxImages;
import org.scatter4j.io.MnistDataset;
import org.scatter4j.rototranslation.RotoScattering2D;
import org.scatter4j.scattering.Scattering2D;

class ScatteringTransformerTest {
    private static final int N = 200;
    private static SparkSession spark;
    private static IdxImages mnist;

    @BeforeAll
    static void setUp() throws IOException {
        spark = LocalSpark.get();
        mnist = MnistDataset.bundledSubset().test(N).images();
    }

    private static StructType schema(boolean doubles) {
        return new StructType().add("id", DataTypes.LongType)
                .add("pixels", DataTypes.createArrayType(doubles ? DataTypes.DoubleType : DataTypes.FloatType), true);
    }

    /** The first {@code n} MNIST test images as rows (id, pixels), in float or double. */
    private static Dataset<Row> images(int n, boolean doubles, int partitions) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] img = mnist.image(i);
            Object[] values = new Object[img.length];
            for (int k = 0; k < img.length; k++) {
                values[k] = doubles ? (Object) (double) img[k] : (Object) img[k];
            }
            rows.add(RowFactory.create((long) i, values));
        }
        return spark.createDataFrame(rows, schema(doubles)).repartition(partitions);
    }

    private static ScatteringTransformer transformer() {
        return new ScatteringTransformer().setInputCol("pixels").setOutputCol("features").setShape(28, 28).setJ(2).setL(8);
    }

    /** features[id] from a transformed data set, which Spark may return in any order. */
    private static float[][] byId(Dataset<Row> out, int n, int d) {
        float[][] f = new float[n][];
        for (Row r : out.select("id", "features").collectAsList()) {
            Vector v = r.getAs(1);
            assertEquals(d, v.size());
            float[] x = new float[d];
            for (int k = 0; k < d; k++) {
                x[k] = (float) v.apply(k);
                assertEquals(v.apply(k), x[k], "a float32 feature widened to double");
            }
            f[(int) r.getLong(0)] = x;
        }
        return f;
    }

    @Test
    void featuresEqualTransformBatchBitForBitWhateverThePartitioning() {
        Scattering2D s = Scattering2D.builder().J(2).L(8).shape(28, 28).build();
        int d = s.featureCount();
        float[] expected = new float[N * d];
        s.transformBatch(mnist.first(N).pixels(), N, expected, 2);
        for (int partitions : new int[] {1, 3, 7}) {
            for (boolean doubles : new boolean[] {false, true}) {
                float[][] got = byId(transformer().transform(images(N, doubles, partitions)), N, d);
                for (int i = 0; i < N; i++) {
                    float[] e = java.util.Arrays.copyOfRange(expected, i * d, (i + 1) * d);
                    assertArrayEquals(e, got[i], "image " + i + ", " + partitions + " partitions, doubles " + doubles);
                }
            }
        }
    }

    @Test
    void rotoTranslationFeaturesEqualTheLibrarys() {
        int n = 20;
        RotoScattering2D r = RotoScattering2D.builder().J(2).L(8).shape(28, 28).build();
        float[] expected = r.transformBatch(mnist.first(n).pixels(), n);
        ScatteringTransformer t = transformer().setTransform("rototranslation");
        float[][] got = byId(t.transform(images(n, false, 3)), n, r.featureCount());
        for (int i = 0; i < n; i++) {
            assertArrayEquals(java.util.Arrays.copyOfRange(expected, i * r.featureCount(), (i + 1) * r.featureCount()), got[i]);
        }
    }

    @Test
    void pipelineSaveLoadRoundTrip(@TempDir Path dir) throws IOException {
        Dataset<Row> data = images(40, false, 2);
        ScatteringTransformer t = transformer().setTransform("translation").setMaxOrder(1).setHandleInvalid("keep");
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {t}).fit(data);
        String path = dir.resolve("model").toString();
        model.write().overwrite().save(path);
        PipelineModel loaded = PipelineModel.load(path);
        ScatteringTransformer back = (ScatteringTransformer) loaded.stages()[0];
        assertEquals(t.uid(), back.uid());
        assertEquals(t.extractParamMap().toString(), back.extractParamMap().toString());
        assertEquals(1 + 2 * 8, back.featureCount() / 49, "maxOrder=1: 17 channels of 7x7");
        float[][] a = byId(model.transform(data), 40, t.featureCount());
        float[][] b = byId(loaded.transform(data), 40, t.featureCount());
        for (int i = 0; i < 40; i++) {
            assertArrayEquals(a[i], b[i]);
        }
        assertTrue(Files.isDirectory(dir.resolve("model").resolve("stages")));
    }

    /** Rows 0..9 valid; row 3 has 783 values, row 5 is null, row 7 holds a NaN. */
    private static Dataset<Row> withInvalidRows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            float[] img = mnist.image(i);
            int length = i == 3 ? 783 : img.length;
            Object[] values = new Object[length];
            for (int k = 0; k < length; k++) {
                values[k] = img[k];
            }
            if (i == 7) {
                values[100] = Float.NaN;
            }
            rows.add(RowFactory.create((long) i, i == 5 ? null : values));
        }
        return spark.createDataFrame(rows, schema(false)).coalesce(1);
    }

    @Test
    void handleInvalidErrorNamesTheRowAndTheSizes() {
        SparkException e = assertThrows(SparkException.class, () -> transformer().transform(withInvalidRows()).collectAsList());
        Throwable cause = e;
        while (cause != null && !(cause instanceof InvalidRowException)) {
            cause = cause.getCause();
        }
        assertNotNull(cause, "the task's InvalidRowException is the cause of Spark's failure: " + e);
        assertTrue(cause.getMessage().startsWith("row 3 of partition 0, column 'pixels': 783 values, expected height x width = 28 x 28 = 784"),
                cause.getMessage());
        // a finite double the float32 transform cannot hold is named as such, not as 'not finite'
        Object[] loud = new Object[784];
        java.util.Arrays.fill(loud, 0.0);
        loud[30] = 1e100;
        Dataset<Row> big = spark.createDataFrame(List.of(RowFactory.create(0L, loud)), schema(true));
        SparkException b = assertThrows(SparkException.class, () -> transformer().transform(big).collectAsList());
        Throwable why = b;
        while (why != null && !(why instanceof InvalidRowException)) {
            why = why.getCause();
        }
        assertNotNull(why, b.toString());
        assertTrue(why.getMessage().contains("value 1.0E100 at index 30 (row 1, column 2) is beyond float32's range"), why.getMessage());
    }

    @Test
    void handleInvalidSkipDropsTheRowsAndKeepGivesNaN() {
        Scattering2D s = Scattering2D.builder().J(2).L(8).shape(28, 28).build();
        float[] expected = s.transformBatch(mnist.first(10).pixels(), 10);
        int d = s.featureCount();

        List<Row> skipped = transformer().setHandleInvalid("skip").transform(withInvalidRows()).select("id").collectAsList();
        List<Long> ids = new ArrayList<>();
        skipped.forEach(r -> ids.add(r.getLong(0)));
        assertEquals(List.of(0L, 1L, 2L, 4L, 6L, 8L, 9L), ids);

        float[][] kept = byIdAllowNaN(transformer().setHandleInvalid("keep").transform(withInvalidRows()), 10, d);
        for (int i = 0; i < 10; i++) {
            if (i == 3 || i == 5 || i == 7) {
                for (float v : kept[i]) {
                    assertTrue(Float.isNaN(v), "row " + i);
                }
            } else {
                assertArrayEquals(java.util.Arrays.copyOfRange(expected, i * d, (i + 1) * d), kept[i], "row " + i);
            }
        }
    }

    private static float[][] byIdAllowNaN(Dataset<Row> out, int n, int d) {
        float[][] f = new float[n][];
        for (Row r : out.select("id", "features").collectAsList()) {
            Vector v = r.getAs(1);
            float[] x = new float[d];
            for (int k = 0; k < d; k++) {
                x[k] = (float) v.apply(k);
            }
            f[(int) r.getLong(0)] = x;
        }
        return f;
    }

    @Test
    void imageSchemaColumnsAreReadAsGrey() {
        Random rnd = new Random(3);
        int h = 16;
        int w = 20;
        List<Row> rows = new ArrayList<>();
        float[] grey = new float[2 * h * w];
        for (int i = 0; i < 2; i++) {
            int channels = i == 0 ? 1 : 3;
            byte[] data = new byte[h * w * channels];
            rnd.nextBytes(data);
            for (int k = 0; k < h * w; k++) {
                int p = k * channels;
                grey[i * h * w + k] = channels == 1 ? (float) ((data[p] & 0xFF) / 255.0)
                        : (float) (0.299 * ((data[p + 2] & 0xFF) / 255.0) + 0.587 * ((data[p + 1] & 0xFF) / 255.0)
                        + 0.114 * ((data[p] & 0xFF) / 255.0));
            }
            Row img = RowFactory.create("mem://" + i, h, w, channels, channels == 1 ? 0 : 16, data);
            rows.add(RowFactory.create((long) i, img));
        }
        StructType schema = new StructType().add("id", DataTypes.LongType).add("image", ImageSchema.columnSchema());
        Scattering2D s = Scattering2D.builder().J(2).L(4).shape(h, w).build();
        float[] expected = s.transformBatch(grey, 2);
        ScatteringTransformer t = new ScatteringTransformer().setInputCol("image").setShape(h, w).setJ(2).setL(4);
        float[][] got = byId(t.transform(spark.createDataFrame(rows, schema)), 2, s.featureCount());
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(java.util.Arrays.copyOfRange(expected, i * s.featureCount(), (i + 1) * s.featureCount()), got[i]);
        }
    }

    @Test
    void badParamsAndColumnsAreClearErrors() {
        Dataset<Row> data = images(4, false, 1);
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> transformer().setJ(5).transform(data));
        assertTrue(big.getMessage().contains("smaller than 2^J"), big.getMessage());
        IllegalArgumentException col = assertThrows(IllegalArgumentException.class,
                () -> transformer().setInputCol("nope").transform(data));
        assertTrue(col.getMessage().contains("inputCol 'nope' is not a column"), col.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> transformer().setInputCol("id").transform(data));
        assertTrue(type.getMessage().contains("is of type bigint"), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> transformer().setTransform("wavelets"));
    }
}
