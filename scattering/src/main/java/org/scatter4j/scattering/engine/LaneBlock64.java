package org.scatter4j.scattering.engine;

/**
 * A float64 block: the output lanes and the loading and storing of float64 records. A cascade's block
 * extends it with its input arrays and says how one record enters a lane ({@link #loadLane}, for
 * example with padding) and how an unused lane is cleared ({@link #clearLane}); optionally how a
 * stored record is finished ({@link #finishRecord}, for example renormalized). The float32 twin
 * {@code LaneBlock32} is generated from this file by {@code org.scatter4j.codegen.Float32Kernels}.
 */
public abstract non-sealed class LaneBlock64 extends LaneBlock {
    /** The output: value q of lane k at {@code out[q * lanes + k]}. */
    public final double[] out;
    /** One input record, as copied from the caller's array and checked. */
    private final double[] record;

    /**
     * @param rowLength values per row of an input record, for error messages (0: a 1D record)
     */
    protected LaneBlock64(int lanes, int inputLength, int outputLength, int rowLength) {
        super(lanes, inputLength, outputLength, rowLength);
        this.out = new double[Math.multiplyExact(outputLength, lanes)];
        this.record = new double[inputLength];
    }

    /** Puts one finite input record into lane {@code lane} of the block's input arrays. */
    protected abstract void loadLane(double[] record, int lane);

    /** Clears lane {@code lane} of the input (an unused lane: zeros, its results are discarded). */
    protected abstract void clearLane(int lane);

    /** Finishes output record {@code data[offset .. offset + outputLength)} after the transpose (default: nothing). */
    protected void finishRecord(double[] data, int offset) {
    }

    @Override
    final void load(Records in, int first, int n) {
        if (in instanceof Records.Float64 records) {
            for (int k = 0; k < n; k++) {
                records.copyRecord(first + k, record);
                Records.requireFinite(record, first + k, rowLength);
                scale[k] = normalizeAmplitude(record);
                loadLane(record, k);
            }
        } else {
            loadWide(in, first, n);
        }
        for (int k = n; k < lanes; k++) {
            clearLane(k);
            scale[k] = 1;
        }
    }

    /**
     * Lane k of the output (value q at {@code out[q * lanes + k]}) becomes record first + k: a
     * transpose, in tiles of {@link #STORE_TILE} values so that the rows it reads stay in the L1 cache
     * (record by record over the whole block, each read fell in another cache line).
     */
    @Override
    final void store(Records to, int first, int n) {
        Records.Float64 records = (Records.Float64) to;
        double[] dst = records.data();
        for (int q0 = 0; q0 < outputLength; q0 += STORE_TILE) {
            int q1 = Math.min(outputLength, q0 + STORE_TILE);
            for (int k = 0; k < n; k++) {
                int at = records.offset() + (first + k) * records.stride();
                for (int q = q0; q < q1; q++) {
                    dst[at + q] = out[q * lanes + k];
                }
            }
        }
        for (int k = 0; k < n; k++) {
            int at = records.offset() + (first + k) * records.stride();
            if (scale[k] != 1) { // the record was loaded times scale[k] (normalizeAmplitude): S(x) = S(s x) / s
                double unscale = 1 / scale[k]; // float64 in both
                for (int q = 0; q < outputLength; q++) {
                    dst[at + q] = (double) (dst[at + q] * unscale);
                }
            }
            finishRecord(dst, at);
        }
    }
}
