package org.scatter4j.spark;

import java.io.Serializable;
import org.apache.spark.sql.Row;

/**
 * One task's buffers for a block of rows of a scattering transformer: the inputs of up to
 * {@link #lanes()} rows side by side, the transform of all of them in one call of the library's
 * batch engine, and each row's features. {@link PartitionScatterer} drives it; each transformer
 * (images, signals) supplies its own through a {@link Factory}. Not thread-safe: one per task.
 */
interface RowBlock {
    /** Rows per block: the batch engine's block of lanes. */
    int lanes();

    /** Values per output vector. */
    int featureCount();

    /**
     * Reads the input in column {@code column} of {@code row} into lane {@code lane}; returns null,
     * or why the value cannot be transformed (then the lane may be partly written).
     */
    String read(Row row, int column, int lane);

    /** Transforms lanes [0, count), count &gt;= 1, on the calling thread. */
    void transform(int count);

    /** Writes the features of lane {@code lane} (after {@link #transform}) to {@code dst[0, featureCount)}. */
    void features(int lane, double[] dst);

    /**
     * Makes a task's {@link RowBlock} on the executor (finding the transform in {@link ExtractorCache}):
     * the serializable part that travels with the task.
     */
    interface Factory extends Serializable {
        RowBlock create();
    }
}
