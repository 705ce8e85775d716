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

    LaneBlock(int lanes, int inputLength, int outputLength, int rowLength) {
        if (lanes < 1 || inputLength < 1 || outputLength < 1 || rowLength < 0) {
            throw new IllegalArgumentException("lanes, inputLength, outputLength must be >= 1 and rowLength >= 0, got "
                    + lanes + ", " + inputLength + ", " + outputLength + ", " + rowLength);
        }
        this.lanes = lanes;
        this.inputLength = inputLength;
        this.outputLength = outputLength;
        this.rowLength = rowLength;
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
