package org.scatter4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.scatter4j.scattering.FeatureExtractor;

/**
 * The scattering transform as a Spark ML {@link Transformer}: appends to each row the scattering
 * features (an ML {@code Vector}) of the image in {@code inputCol}, an {@code array<float>} or
 * {@code array<double>} of height x width values in row-major order, or a struct of Spark's image
 * schema ({@code spark.read.format("image")}, 8-bit grey, BGR or BGRA, turned grey with the BT.601
 * weights as scatter4j's image reader does).
 *
 * <p>Params: inputCol, outputCol, height, width, J, L, maxOrder, transform ({@code translation}:
 * {@link org.scatter4j.scattering.Scattering2D}; {@code rototranslation}:
 * {@link org.scatter4j.rototranslation.RotoScattering2D}, order 2), handleInvalid ({@code error}:
 * fail on a null, wrong-size or non-finite image, naming the row and the sizes; {@code skip}: drop
 * such rows; {@code keep}: give them NaN features), as Spark's own transformers do.
 *
 * <p>How it runs: each task streams its partition through the batch engine one block of lanes at a
 * time (one call of {@code extract} per block, on the task's thread: Spark runs one task per core),
 * so memory per task is one block of images and features whatever the partition's size. The
 * transform itself is built once per JVM and configuration and shared by the tasks of that JVM
 * ({@link ExtractorCache}). The features are float32 (the batch engine's precision), the same bits
 * as {@code Scattering2D.transformBatch} on a float[] of the same pixels, whatever the partitioning.
 *
 * <p>Saved and loaded with a {@code Pipeline} ({@link DefaultParamsWritable}, {@link #read()}).
 */
public final class ScatteringTransformer extends Transformer implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    static final String TRANSLATION = "translation";
    static final String ROTOTRANSLATION = "rototranslation";
    static final String ERROR = "error";
    static final String SKIP = "skip";
    static final String KEEP = "keep";

    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> outputCol;
    private final IntParam height;
    private final IntParam width;
    private final IntParam J;
    private final IntParam L;
    private final IntParam maxOrder;
    private final Param<String> transform;
    private final Param<String> handleInvalid;

    public ScatteringTransformer() {
        this(Identifiable$.MODULE$.randomUID("scattering"));
    }

    /** The constructor that Spark's reader calls with the saved uid. */
    public ScatteringTransformer(String uid) {
        this.uid = uid;
        inputCol = new Param<>(this, "inputCol", "input column: array<float> or array<double> of height x width values "
                + "(row-major), or an image struct (Spark's image schema)");
        outputCol = new Param<>(this, "outputCol", "output column: the scattering features, an ML Vector");
        height = new IntParam(this, "height", "image height in pixels", ParamValidators.gtEq(1));
        width = new IntParam(this, "width", "image width in pixels", ParamValidators.gtEq(1));
        J = new IntParam(this, "J", "scale: averaging over 2^J pixels, 2^J <= height and width", ParamValidators.inRange(1, 30));
        L = new IntParam(this, "L", "orientations", ParamValidators.gtEq(1));
        maxOrder = new IntParam(this, "maxOrder", "1 or 2 (translation); rototranslation is of order 2",
                ParamValidators.inRange(1, 2));
        transform = new Param<>(this, "transform", "translation or rototranslation",
                ParamValidators.inArray(new String[] {TRANSLATION, ROTOTRANSLATION}));
        handleInvalid = new Param<>(this, "handleInvalid", "what to do with a null, wrong-size or non-finite image: "
                + "error (fail, naming the row), skip (drop the row) or keep (NaN features)",
                ParamValidators.inArray(new String[] {ERROR, SKIP, KEEP}));
        setDefault(outputCol, "features");
        setDefault(J, 2);
        setDefault(L, 8);
        setDefault(maxOrder, 2);
        setDefault(transform, TRANSLATION);
        setDefault(handleInvalid, ERROR);
    }

    // ------------------------------------------------------------------ params (Spark finds them by these getters)

    public Param<String> inputCol() {
        return inputCol;
    }

    public Param<String> outputCol() {
        return outputCol;
    }

    public IntParam height() {
        return height;
    }

    public IntParam width() {
        return width;
    }

    public IntParam J() {
        return J;
    }

    public IntParam L() {
        return L;
    }

    public IntParam maxOrder() {
        return maxOrder;
    }

    public Param<String> transform() {
        return transform;
    }

    public Param<String> handleInvalid() {
        return handleInvalid;
    }

    public ScatteringTransformer setInputCol(String v) {
        set(inputCol, v);
        return this;
    }

    public ScatteringTransformer setOutputCol(String v) {
        set(outputCol, v);
        return this;
    }

    /** Sets height and width. */
    public ScatteringTransformer setShape(int h, int w) {
        set(height, h);
        set(width, w);
        return this;
    }

    public ScatteringTransformer setJ(int v) {
        set(J, v);
        return this;
    }

    public ScatteringTransformer setL(int v) {
        set(L, v);
        return this;
    }

    public ScatteringTransformer setMaxOrder(int v) {
        set(maxOrder, v);
        return this;
    }

    public ScatteringTransformer setTransform(String v) {
        set(transform, v);
        return this;
    }

    public ScatteringTransformer setHandleInvalid(String v) {
        set(handleInvalid, v);
        return this;
    }

    private <T> T value(Param<T> p) {
        if (!isDefined(p)) {
            throw new IllegalArgumentException("ScatteringTransformer: param " + p.name() + " is not set");
        }
        return $(p);
    }

    private int intValue(IntParam p) {
        return (Integer) value(p);
    }

    /** The configuration of the transform these params describe. */
    ExtractorCache.Key key() {
        return new ExtractorCache.Key(value(transform), intValue(J), intValue(L), intValue(maxOrder), intValue(height),
                intValue(width));
    }

    /** Values per output vector (builds or finds this JVM's transform). */
    public int featureCount() {
        return ExtractorCache.get(key()).featureCount();
    }

    // ------------------------------------------------------------------ Transformer

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        String in = value(inputCol);
        String out = value(outputCol);
        List<String> names = Arrays.asList(schema.fieldNames());
        if (!names.contains(in)) {
            throw new IllegalArgumentException("inputCol '" + in + "' is not a column; columns: " + names);
        }
        if (names.contains(out)) {
            throw new IllegalArgumentException("outputCol '" + out + "' already exists; choose another name");
        }
        RowPixels.checkType(in, schema.apply(in).dataType());
        FeatureExtractor fx = ExtractorCache.get(key()); // checks J, L, maxOrder against the image size
        StructField vector = new AttributeGroup(out, fx.featureCount()).toStructField();
        List<StructField> fields = new ArrayList<>(Arrays.asList(schema.fields()));
        fields.add(vector);
        return DataTypes.createStructType(fields);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        return dataset.sparkSession().createDataFrame(transformRows(dataset), transformSchema(dataset.schema()));
    }

    /**
     * The rows of {@link #transform} before Spark encodes them (schema: {@link #transformSchema}), for
     * a caller that times the tasks' work apart from what consumes their rows.
     */
    JavaRDD<Row> transformRows(Dataset<?> dataset) {
        StructType inSchema = dataset.schema();
        transformSchema(inSchema);
        int column = inSchema.fieldIndex(value(inputCol));
        DataType type = inSchema.apply(column).dataType();
        PartitionScatterer scatterer = new PartitionScatterer(key(), column, type, value(inputCol), value(handleInvalid));
        return dataset.toDF().javaRDD().mapPartitionsWithIndex(scatterer::apply, true);
    }

    @Override
    public ScatteringTransformer copy(ParamMap extra) {
        return (ScatteringTransformer) defaultCopy(extra);
    }

    /** Spark's reader of a saved transformer (found by {@code Pipeline.load} through reflection). */
    public static MLReader<ScatteringTransformer> read() {
        return new DefaultParamsReader<>();
    }

    public static ScatteringTransformer load(String path) {
        return read().load(path);
    }

    /** True if {@code t} is array<float> or array<double>. */
    static boolean isNumericArray(DataType t) {
        return t instanceof ArrayType a && (a.elementType().equals(DataTypes.FloatType)
                || a.elementType().equals(DataTypes.DoubleType));
    }
}
