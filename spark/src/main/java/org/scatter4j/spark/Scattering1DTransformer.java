package org.scatter4j.spark;

import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.types.DataType;
import org.scatter4j.scattering.Scattering1D;

/**
 * The 1D scattering transform ({@link Scattering1D}, Kymatio's conventions) as a Spark ML {@link
 * org.apache.spark.ml.Transformer}: appends to each row the scattering of the signal in {@code
 * inputCol} ({@code array<double>}, {@code array<float>} or an ML {@code Vector} of signalLength
 * samples) as an ML {@code Vector}: the (C, N') output flattened channel after channel, channels in
 * the library's order ({@link Scattering1D#paths()}: order 0, order 1 by n1, order 2 by (n1, n2)).
 *
 * <p>Params: inputCol, outputCol, handleInvalid (see {@link AbstractScatteringTransformer}; invalid
 * are a null signal, a length other than signalLength, a NaN or infinite sample), signalLength N
 * (required), J (required, 1 &lt;= J, 2^J &lt;= N), Q1 and Q2 (wavelets per octave at orders 1 and
 * 2, default 1 and 1; {@link #setQ(int)} is Kymatio's {@code Q = int}, Q2 = 1), T ({@code "global"}
 * or an integer 1..N, default 2^J), maxOrder (1 or 2, default 2), precision ({@code float32}, the
 * default, or {@code float64}).
 *
 * <p>Runs as the 2D {@link ScatteringTransformer} does: each task streams its partition through
 * {@code transformBatch} one block of lanes at a time on its own thread, the transform built once
 * per JVM and configuration. The features are the same bits as {@code
 * Scattering1D.transformBatch} on the same samples (float32: the samples rounded to float, the
 * features widened to double), whatever the partitioning.
 *
 * <pre>{@code
 * Scattering1DTransformer scattering = new Scattering1DTransformer().setInputCol("signal").setOutputCol("scattering")
 *         .setSignalLength(8000).setJ(8).setQ(12).setT("global");
 * }</pre>
 *
 * <p>Saved and loaded with a {@code Pipeline} ({@link org.apache.spark.ml.util.DefaultParamsWritable}, {@link #read()}).
 */
public final class Scattering1DTransformer extends AbstractScatteringTransformer<Scattering1DTransformer> {
    private static final long serialVersionUID = 1L;

    static final String GLOBAL = "global";
    static final String FLOAT32 = "float32";
    static final String FLOAT64 = "float64";
    /** Key.T for T unset: the library's default 2^J. */
    private static final int DEFAULT_T = 0;
    /** Key.T for global averaging. */
    private static final int GLOBAL_T = -1;

    /** What identifies a transform: the parameters that shape it (the precision does not: both run on one). */
    record Key(int signalLength, int J, int Q1, int Q2, int T, int maxOrder) implements ExtractorCache.Config<Scattering1D> {
        @Override
        public Scattering1D build() {
            Scattering1D.Builder b = Scattering1D.builder().length(signalLength).J(J).Q(Q1, Q2).maxOrder(maxOrder);
            if (T == GLOBAL_T) {
                b.globalAveraging();
            } else if (T != DEFAULT_T) {
                b.T(T);
            }
            return b.build();
        }
    }

    private final IntParam signalLength;
    private final IntParam J;
    private final IntParam Q1;
    private final IntParam Q2;
    private final Param<String> T;
    private final IntParam maxOrder;
    private final Param<String> precision;

    public Scattering1DTransformer() {
        this(Identifiable$.MODULE$.randomUID("scattering1d"));
    }

    /** The constructor that Spark's reader calls with the saved uid. */
    public Scattering1DTransformer(String uid) {
        super(uid, "input column: array<double>, array<float> or ML Vector of signalLength samples");
        signalLength = new IntParam(this, "signalLength", "samples per signal N (required), N >= 2", ParamValidators.gtEq(2));
        J = new IntParam(this, "J", "largest wavelet scale 2^J (required), 1 <= J, 2^J <= signalLength", ParamValidators.gtEq(1));
        Q1 = new IntParam(this, "Q1", "first-order wavelets per octave, >= 1", ParamValidators.gtEq(1));
        Q2 = new IntParam(this, "Q2", "second-order wavelets per octave, >= 1", ParamValidators.gtEq(1));
        // checked by setT and when the transform is built: Spark's validators cannot say "global or 1..N"
        T = new Param<>(this, "T", "averaging: 'global' (one value per channel) or an integer 1..signalLength; unset: 2^J");
        maxOrder = new IntParam(this, "maxOrder", "1 or 2", ParamValidators.inRange(1, 2));
        precision = new Param<>(this, "precision", "float32 or float64", ParamValidators.inArray(new String[] {FLOAT32, FLOAT64}));
        setDefault(Q1, 1);
        setDefault(Q2, 1);
        setDefault(maxOrder, 2);
        setDefault(precision, FLOAT32);
    }

    // ------------------------------------------------------------------ params (Spark finds them by these getters)

    public IntParam signalLength() {
        return signalLength;
    }

    public IntParam J() {
        return J;
    }

    public IntParam Q1() {
        return Q1;
    }

    public IntParam Q2() {
        return Q2;
    }

    public Param<String> T() {
        return T;
    }

    public IntParam maxOrder() {
        return maxOrder;
    }

    public Param<String> precision() {
        return precision;
    }

    public Scattering1DTransformer setSignalLength(int v) {
        requireAtLeast(signalLength, v, 2);
        set(signalLength, v);
        return this;
    }

    /** The largest scale 2^J; 2^J &lt;= signalLength is checked when the transform is built. */
    public Scattering1DTransformer setJ(int v) {
        requireAtLeast(J, v, 1);
        set(J, v);
        return this;
    }

    /** Q1 wavelets per octave at the first order and Q2 at the second (Kymatio's {@code Q = (Q1, Q2)}). */
    public Scattering1DTransformer setQ(int q1, int q2) {
        requireAtLeast(Q1, q1, 1);
        requireAtLeast(Q2, q2, 1);
        set(Q1, q1);
        set(Q2, q2);
        return this;
    }

    /** Q wavelets per octave at the first order, 1 at the second (Kymatio's {@code Q = int}). */
    public Scattering1DTransformer setQ(int q) {
        return setQ(q, 1);
    }

    /** Local averaging over {@code v} samples (1 &lt;= v &lt;= signalLength, checked when the transform is built). */
    public Scattering1DTransformer setT(int v) {
        requireAtLeast(T, v, 1);
        set(T, Integer.toString(v));
        return this;
    }

    /** {@code "global"} (averaging over the whole signal) or an integer number of samples. */
    public Scattering1DTransformer setT(String v) {
        parseT(v);
        set(T, v);
        return this;
    }

    public Scattering1DTransformer setMaxOrder(int v) {
        if (v != 1 && v != 2) {
            throw new IllegalArgumentException("maxOrder must be 1 or 2, got " + v);
        }
        set(maxOrder, v);
        return this;
    }

    /** float32 (the default) or float64. */
    public Scattering1DTransformer setPrecision(String v) {
        requireOneOf(precision, v, FLOAT32, FLOAT64);
        set(precision, v);
        return this;
    }

    private static void requireAtLeast(Param<?> p, int v, int min) {
        if (v < min) {
            throw new IllegalArgumentException(p.name() + " must be >= " + min + ", got " + v);
        }
    }

    /** T's string as Key.T: GLOBAL_T, or the integer (>= 1); anything else refused naming T, the value and the choices. */
    private static int parseT(String v) {
        if (GLOBAL.equals(v)) {
            return GLOBAL_T;
        }
        try {
            int t = Integer.parseInt(v == null ? "" : v.trim());
            if (t >= 1) {
                return t;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("T must be 'global' or an integer >= 1 (at most signalLength), got "
                + (v == null ? "null" : "'" + v + "'"));
    }

    /** The configuration of the transform these params describe. */
    Key key() {
        int t = isDefined(T) ? parseT(value(T)) : DEFAULT_T;
        return new Key(intValue(signalLength), intValue(J), intValue(Q1), intValue(Q2), t, intValue(maxOrder));
    }

    /**
     * The transform these params describe (this JVM's shared instance): {@link Scattering1D#paths()}
     * names each channel of the output, {@link Scattering1D#outputSamples()} its samples N'.
     */
    public Scattering1D scattering() {
        return ExtractorCache.get(key());
    }

    /** C x N': channels times samples per channel. */
    @Override
    public int featureCount() {
        Scattering1D s = scattering();
        return s.outputLength();
    }

    @Override
    void checkInputType(String column, DataType type) {
        RowSignal.checkType(column, type);
    }

    @Override
    RowBlock.Factory blocks(DataType inputType) {
        return new SignalBlock.Factory(key(), inputType, FLOAT64.equals(value(precision)));
    }

    @Override
    public Scattering1DTransformer copy(ParamMap extra) {
        return (Scattering1DTransformer) defaultCopy(extra);
    }

    /** Spark's reader of a saved transformer (found by {@code Pipeline.load} through reflection). */
    public static MLReader<Scattering1DTransformer> read() {
        return new DefaultParamsReader<>();
    }

    public static Scattering1DTransformer load(String path) {
        return read().load(path);
    }
}
