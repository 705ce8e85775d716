package org.scatter4j.spark;

import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.types.DataType;
import org.scatter4j.rototranslation.RotoScattering2D;
import org.scatter4j.scattering.FeatureExtractor;
import org.scatter4j.scattering.Scattering2D;

/**
 * The scattering transform of images as a Spark ML {@link org.apache.spark.ml.Transformer}: appends
 * to each row the scattering features (an ML {@code Vector}) of the image in {@code inputCol}, an
 * {@code array<float>} or {@code array<double>} of height x width values in row-major order, or a
 * struct of Spark's image schema ({@code spark.read.format("image")}, 8-bit grey, BGR or BGRA, turned
 * grey with the BT.601 weights as scatter4j's image reader does).
 *
 * <p>Params: inputCol, outputCol, handleInvalid (see {@link AbstractScatteringTransformer}), height,
 * width, J, L, maxOrder, transform ({@code translation}: {@link Scattering2D}; {@code
 * rototranslation}: {@link RotoScattering2D}, order 2).
 *
 * <p>How it runs: each task streams its partition through the batch engine one block of lanes at a
 * time (one call of {@code extract} per block, on the task's thread: Spark runs one task per core),
 * so memory per task is one block of images and features whatever the partition's size. The
 * transform itself is built once per JVM and configuration and shared by the tasks of that JVM
 * ({@link ExtractorCache}). The features are float32 (the batch engine's precision), the same bits
 * as {@code Scattering2D.transformBatch} on a float[] of the same pixels, whatever the partitioning.
 *
 * <p>Saved and loaded with a {@code Pipeline} ({@link org.apache.spark.ml.util.DefaultParamsWritable}, {@link #read()}).
 */
public final class ScatteringTransformer extends AbstractScatteringTransformer<ScatteringTransformer> {
    private static final long serialVersionUID = 1L;

    static final String TRANSLATION = "translation";
    static final String ROTOTRANSLATION = "rototranslation";

    /** What identifies a transform: the parameters that shape it. */
    record Key(String transform, int J, int L, int maxOrder, int height, int width) implements ExtractorCache.Config<FeatureExtractor> {
        @Override
        public FeatureExtractor build() {
            return switch (transform) {
                case TRANSLATION -> Scattering2D.builder().J(J).L(L).maxOrder(maxOrder).shape(height, width).build();
                case ROTOTRANSLATION -> {
                    if (maxOrder != 2) {
                        throw new IllegalArgumentException("maxOrder=" + maxOrder + " with transform=rototranslation, which is "
                                + "of order 2 only; use maxOrder=2 or transform=translation");
                    }
                    yield RotoScattering2D.builder().J(J).L(L).shape(height, width).build();
                }
                default -> throw new IllegalArgumentException("transform must be translation or rototranslation, got '"
                        + transform + "'");
            };
        }
    }

    private final IntParam height;
    private final IntParam width;
    private final IntParam J;
    private final IntParam L;
    private final IntParam maxOrder;
    private final Param<String> transform;

    public ScatteringTransformer() {
        this(Identifiable$.MODULE$.randomUID("scattering"));
    }

    /** The constructor that Spark's reader calls with the saved uid. */
    public ScatteringTransformer(String uid) {
        super(uid, "input column: array<float> or array<double> of height x width values "
                + "(row-major), or an image struct (Spark's image schema)");
        height = new IntParam(this, "height", "image height in pixels", ParamValidators.gtEq(1));
        width = new IntParam(this, "width", "image width in pixels", ParamValidators.gtEq(1));
        J = new IntParam(this, "J", "scale: averaging over 2^J pixels, 2^J <= height and width", ParamValidators.inRange(1, 30));
        L = new IntParam(this, "L", "orientations", ParamValidators.gtEq(1));
        maxOrder = new IntParam(this, "maxOrder", "1 or 2 (translation); rototranslation is of order 2",
                ParamValidators.inRange(1, 2));
        transform = new Param<>(this, "transform", "translation or rototranslation",
                ParamValidators.inArray(new String[] {TRANSLATION, ROTOTRANSLATION}));
        setDefault(J, 2);
        setDefault(L, 8);
        setDefault(maxOrder, 2);
        setDefault(transform, TRANSLATION);
    }

    // ------------------------------------------------------------------ params (Spark finds them by these getters)

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

    /** The configuration of the transform these params describe. */
    Key key() {
        return new Key(value(transform), intValue(J), intValue(L), intValue(maxOrder), intValue(height), intValue(width));
    }

    @Override
    public int featureCount() {
        return ExtractorCache.get(key()).featureCount();
    }

    @Override
    void checkInputType(String column, DataType type) {
        RowPixels.checkType(column, type);
    }

    @Override
    RowBlock.Factory blocks(DataType inputType) {
        return new ImageBlock.Factory(key(), inputType);
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
}
