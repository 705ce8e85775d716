package org.scatter4j.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * What a task of a scattering transformer runs on its partition: the rows stream through the batch
 * engine one block of lanes at a time ({@link RowBlock}), so a task holds one block of inputs,
 * features and rows whatever the partition's size, and the transform sees whole blocks, never one
 * row per call. Invalid rows are failed on, dropped or given NaN features as handleInvalid says.
 * Serializable (it travels to the executors); the block, and through it the transform, is made
 * there on the task's first row.
 */
final class PartitionScatterer implements Serializable {
    private static final long serialVersionUID = 2L;

    private final RowBlock.Factory blocks;
    private final int column;
    private final String columnName;
    private final String handleInvalid;

    PartitionScatterer(RowBlock.Factory blocks, int column, String columnName, String handleInvalid) {
        this.blocks = blocks;
        this.column = column;
        this.columnName = columnName;
        this.handleInvalid = handleInvalid;
    }

    /** The rows of partition {@code partition} with their features appended (invalid rows as handleInvalid says). */
    Iterator<Row> apply(Integer partition, Iterator<Row> rows) {
        return new Blocks(partition, rows);
    }

    /** The output rows, computed a block at a time as they are consumed. */
    private final class Blocks implements Iterator<Row> {
        private final int partition;
        private final Iterator<Row> in;
        private final RowBlock work;
        private final int lanes;
        private final int d;
        private final Row[] block;
        /** valid[k]: row k of the block was transformed (its features are in lane slot[k]); false: kept with NaN. */
        private final boolean[] valid;
        private final int[] slot;
        private int size;
        private int next;
        private long rowIndex;

        Blocks(int partition, Iterator<Row> in) {
            this.partition = partition;
            this.in = in;
            this.work = blocks.create();
            this.lanes = work.lanes();
            this.d = work.featureCount();
            this.block = new Row[lanes];
            this.valid = new boolean[lanes];
            this.slot = new int[lanes];
        }

        @Override
        public boolean hasNext() {
            if (next == size) {
                fill();
            }
            return next < size;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int k = next++;
            Row r = block[k];
            block[k] = null;
            double[] v = new double[d]; // the output vector's own array: Spark keeps it
            if (valid[k]) {
                work.features(slot[k], v);
            } else {
                Arrays.fill(v, Double.NaN);
            }
            Object[] values = new Object[r.length() + 1];
            for (int i = 0; i < r.length(); i++) {
                values[i] = r.get(i);
            }
            values[r.length()] = Vectors.dense(v);
            return RowFactory.create(values);
        }

        /** Reads up to one block of rows, checks them and transforms the valid ones in one call. */
        private void fill() {
            size = 0;
            next = 0;
            int count = 0;
            while (size < lanes && in.hasNext()) {
                Row r = in.next();
                String problem = work.read(r, column, count);
                long index = rowIndex++;
                if (problem == null) {
                    block[size] = r;
                    valid[size] = true;
                    slot[size++] = count++;
                } else if (handleInvalid.equals(AbstractScatteringTransformer.KEEP)) {
                    block[size] = r;
                    valid[size++] = false;
                } else if (handleInvalid.equals(AbstractScatteringTransformer.ERROR)) {
                    throw new InvalidRowException("row " + index + " of partition " + partition + ", column '" + columnName
                            + "': " + problem + " (handleInvalid=error; 'skip' drops such rows, 'keep' gives them NaN features)");
                }
            }
            if (count > 0) {
                work.transform(count); // one thread: Spark runs a task per core
            }
        }
    }
}
