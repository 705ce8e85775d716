package org.scatter4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What every scattering transformer of this module shares: the params inputCol, outputCol and
 * handleInvalid, the output schema (the input's columns plus an ML Vector of {@link #featureCount()}
 * values), and the flow of {@link #transform}: each partition streams through the library's batch
 * engine one block of lanes at a time ({@link PartitionScatterer}, with the {@link RowBlock} the
 * subclass supplies), the transform built once per JVM and configuration ({@link ExtractorCache}).
 * Subclasses add the params that shape their transform.
 *
 * <p>handleInvalid: {@code error} fails on a null, wrong-size or non-finite input, naming the row
 * and the reason; {@code skip} drops such rows; {@code keep} gives them NaN features, as Spark's own
 * transformers do.
 *
 * @param <S> the subclass, which the setters return
 */
public abstract class AbstractScatteringTransformer<S extends AbstractScatteringTransformer<S>> extends Transformer
        implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    static final String ERROR = "error";
    static final String SKIP = "skip";
    static final String KEEP = "keep";
    private static final String[] HANDLE_INVALID = {ERROR, SKIP, KEEP};

    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> outputCol;
    private final Param<String> handleInvalid;

    /**
     * @param uid this stage's id (Spark's reader passes the saved one)
     * @param inputDoc what inputCol may hold
     */
    AbstractScatteringTransformer(String uid, String inputDoc) {
        this.uid = uid; // before the params, which take their parent's uid
        inputCol = new Param<>(this, "inputCol", inputDoc);
        outputCol = new Param<>(this, "outputCol", "output column: the scattering features, an ML Vector");
        handleInvalid = new Param<>(this, "handleInvalid", "what to do with a null, wrong-size or non-finite input: "
                + "error (fail, naming the row), skip (drop the row) or keep (NaN features)",
                ParamValidators.inArray(HANDLE_INVALID));
        setDefault(outputCol, "features");
        setDefault(handleInvalid, ERROR);
    }

    // ------------------------------------------------------------------ shared params (Spark finds them by these getters)

    public Param<String> inputCol() {
        return inputCol;
    }

    public Param<String> outputCol() {
        return outputCol;
    }

    public Param<String> handleInvalid() {
        return handleInvalid;
    }

    public S setInputCol(String v) {
        set(inputCol, v);
        return self();
    }

    public S setOutputCol(String v) {
        set(outputCol, v);
        return self();
    }

    /** error, skip or keep. */
    public S setHandleInvalid(String v) {
        requireOneOf(handleInvalid, v, HANDLE_INVALID);
        set(handleInvalid, v);
        return self();
    }

    @SuppressWarnings("unchecked")
    final S self() {
        return (S) this;
    }

    /** The value of {@code p}, or an error naming it if it has neither a value nor a default. */
    final <T> T value(Param<T> p) {
        if (!isDefined(p)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": param " + p.name() + " is not set");
        }
        return $(p);
    }

    final int intValue(IntParam p) {
        return (Integer) value(p);
    }

    /** Refuses {@code v} for {@code p} unless it is one of {@code allowed}, naming the param, the value and the choices. */
    static void requireOneOf(Param<String> p, String v, String... allowed) {
        if (!Arrays.asList(allowed).contains(v)) {
            throw new IllegalArgumentException(p.name() + " must be one of " + String.join(", ", allowed) + ", got "
                    + (v == null ? "null" : "'" + v + "'"));
        }
    }

    // ------------------------------------------------------------------ what subclasses supply

    /** Values per output vector (builds or finds this JVM's transform, checking the params). */
    public abstract int featureCount();

    /** Refuses an input column of a type the subclass cannot read, naming the column, its type and the types accepted. */
    abstract void checkInputType(String column, DataType type);

    /** The task-side maker of {@link RowBlock}s for an input column of type {@code inputType}. */
    abstract RowBlock.Factory blocks(DataType inputType);

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
        checkInputType(in, schema.apply(in).dataType());
        StructField vector = new AttributeGroup(out, featureCount()).toStructField(); // checks the params
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
        PartitionScatterer scatterer = new PartitionScatterer(blocks(type), column, value(inputCol), value(handleInvalid));
        return dataset.toDF().javaRDD().mapPartitionsWithIndex(scatterer::apply, true);
    }
}
