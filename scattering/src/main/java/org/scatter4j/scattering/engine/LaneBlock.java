package org.scatter4j.scattering.engine;

/**
 * The lanes of one block of records: what {@link LaneBatchEngine} loads, hands to the cascade and
 * stores. Extend the precision's base class, {@link LaneBlock64} or {@link LaneBlock32}, which
 * copy, check and transpose the records; this class holds what does not depend on precision.
 */
public abstract sealed class LaneBlock permits LaneBlock64, LaneBlock32 {
    /** Records per block (the lanes of every block array). */
    public final int lanes;
    /** Values per input record. */
    protected final int inputLength;
    /** Values per output record. */
    protected final int outputLength;
    /** Values per row of an input record, for error messages (0: a 1D record, no rows). */
    protected final int rowLength;
    /**
     * Per lane, the power of two its record was multiplied by when loaded ({@link
     * #normalizeAmplitude}): 1 unless the record's largest |value| lies outside [{@link
     * #ORDINARY_MIN}, {@link #ORDINARY_MAX}). Divided out of the lane's outputs when they are stored,
     * before {@code finishRecord}.
     */
    final double[] scale;

    /** Records whose largest |value| lies in [ORDINARY_MIN, ORDINARY_MAX) are loaded as they are. */
    static final double ORDINARY_MIN = 0x1p-20, ORDINARY_MAX = 0x1p20;

    LaneBlock(int lanes, int inputLength, int outputLength, int rowLength) {
        if (lanes < 1 || inputLength < 1 || outputLength < 1 || rowLength < 0) {
            throw new IllegalArgumentException("lanes, inputLength, outputLength must be >= 1 and rowLength >= 0, got "
                    + lanes + ", " + inputLength + ", " + outputLength + ", " + rowLength);
        }
        this.lanes = lanes;
        this.inputLength = inputLength;
        this.outputLength = outputLength;
        this.rowLength = rowLength;
        this.scale = new double[lanes];
    }

    /**
     * Multiplies a record (the block's own copy) whose largest |value| lies outside [2^-20, 2^20) by
     * the power of two that puts it in [1, 2), and returns that factor (1 for other records, which are
     * left as they are: the same arithmetic as without this, and one pass to find the largest value).
     * Why: float32 cascades square values in their moduli, so a record of amplitude 1e-17 lost its
     * weak channels to float32's underflow (1e-38) and one of 1e-19 or less every channel (relative
     * error 1 against float64, in 1D and 2D alike), though nothing is wrong with it: strain, magnetic
     * field or radiant flux in SI units are that small. Every cascade is positively homogeneous up to
     * its raw outputs, S(s x) = s S(x) (moduli, convolutions, averages), and a power of two multiplies
     * exactly, so the result is the ordinary-amplitude one, scaled back exactly when stored; anything
     * that is not homogeneous (a log, a renormalization) belongs in {@code finishRecord}, which sees
     * the unscaled outputs.
     */
    static double normalizeAmplitude(double[] record) {
        double max = 0;
        for (double v : record) {
            max = Math.max(max, Math.abs(v));
        }
        double s = amplitudeScale(max, Math.getExponent(max));
        if (s != 1) {
            for (int i = 0; i < record.length; i++) {
                record[i] *= s;
            }
        }
        return s;
    }

    /** As {@link #normalizeAmplitude(double[])} for a float32 record (a float normal value times 2^k is exact). */
    static double normalizeAmplitude(float[] record) {
        float max = 0;
        for (float v : record) {
            max = Math.max(max, Math.abs(v));
        }
        double s = amplitudeScale(max, Math.getExponent(max));
        if (s != 1) {
            for (int i = 0; i < record.length; i++) {
                record[i] = (float) (record[i] * s);
            }
        }
        return s;
    }

    /**
     * The factor of {@link #normalizeAmplitude(double[])} for a record whose largest |value| is {@code
     * max}, of binary exponent {@code exponent} (as its own precision gives it): 1 for zero or an
     * ordinary amplitude, else 2^-exponent.
     */
    private static double amplitudeScale(double max, int exponent) {
        return max == 0 || (max >= ORDINARY_MIN && max < ORDINARY_MAX) ? 1 : Math.scalb(1.0, -exponent);
    }

    /** Loads records [first, first + n) of {@code in} into lanes 0..n-1 and clears the others. */
    abstract void load(Records in, int first, int n);

    /** One float64 record on its way to {@link #loadWideLane}: made on first need. */
    private double[] wideRecord;

    /**
     * Puts one finite float64 record into lane {@code lane} of a float32 block without rounding it,
     * for a cascade whose input arrays are float64 in both precisions (the 1D cascade's spectrum of
     * x). Blocks that cannot take them keep this refusal.
     */
    protected void loadWideLane(double[] record, int lane) {
        throw new UnsupportedOperationException(getClass().getName() + " takes records of its own precision only");
    }

    /**
     * {@link #load} of records that are not of the block's precision: float64 records into a float32
     * block, lane by lane through {@link #loadWideLane} (the caller clears the unused lanes).
     */
    final void loadWide(Records in, int first, int n) {
        if (!(in instanceof Records.Float64 records)) {
            throw new IllegalArgumentException("a float64 block takes float64 records, got " + in.getClass().getSimpleName());
        }
        if (wideRecord == null) {
            wideRecord = new double[inputLength];
        }
        for (int k = 0; k < n; k++) {
            records.copyRecord(first + k, wideRecord);
            Records.requireFinite(wideRecord, first + k, rowLength);
            scale[k] = normalizeAmplitude(wideRecord);
            loadWideLane(wideRecord, k);
        }
    }

    /** Stores lanes 0..n-1 as records [first, first + n) of {@code out}. */
    abstract void store(Records out, int first, int n);

    /**
     * Output values per tile of the store's transpose: 64 lane rows of a 128-lane float32 block are
     * 32 KiB, the L1 data cache, and each record receives a whole cache line per tile (the choice of
     * 64 over 16 is measured in docs/performance-history.md).
     */
    static final int STORE_TILE = 64;
}
