package org.scatter4j.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.scatter4j.scattering.FeatureExtractor;

/**
 * What a task of {@link ScatteringTransformer} runs on its partition: the rows stream through the
 * batch engine one block of lanes at a time, so a task holds one block of pixels, features and rows
 * whatever the partition's size, and the transform sees whole blocks, never one image per call.
 * Serializable (it travels to the executors); the transform is looked up there, in
 * {@link ExtractorCache}, on the task's first block.
 */
final class PartitionScatterer implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ExtractorCache.Key key;
    private final int column;
    private final String columnName;
    private final String handleInvalid;
    private final RowPixels pixels;

    PartitionScatterer(ExtractorCache.Key key, int column, DataType type, String columnName, String handleInvalid) {
        this.key = key;
        this.column = column;
        this.columnName = columnName;
        this.handleInvalid = handleInvalid;
        this.pixels = new RowPixels(type, key.height(), key.width());
    }

    /** The rows of partition {@code partition} with their features appended (invalid rows as handleInvalid says). */
    Iterator<Row> apply(Integer partition, Iterator<Row> rows) {
        return new Blocks(partition, rows);
    }

    /** The output rows, computed a block at a time as they are consumed. */
    private final class Blocks implements Iterator<Row> {
        private final int partition;
        private final Iterator<Row> in;
        private final FeatureExtractor fx;
        private final int lanes;
        private final int imageLength;
        private final int d;
        private final float[] images;
        private final float[] features;
        private final Row[] block;
        /** valid[k]: row k of the block was transformed (its features are at slot[k]); false: kept with NaN. */
        private final boolean[] valid;
        private final int[] slot;
        private int size;
        private int next;
        private long rowIndex;

        Blocks(int partition, Iterator<Row> in) {
            this.partition = partition;
            this.in = in;
            this.fx = ExtractorCache.get(key);
            this.lanes = ExtractorCache.blockLanes(fx);
            this.imageLength = fx.height() * fx.width();
            this.d = fx.featureCount();
            this.images = new float[lanes * imageLength];
            this.features = new float[lanes * d];
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
            double[] v = new double[d];
            if (valid[k]) {
                int o = slot[k] * d;
                for (int i = 0; i < d; i++) {
                    v[i] = features[o + i];
                }
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
                String problem = pixels.read(r, column, images, count * imageLength);
                long index = rowIndex++;
                if (problem == null) {
                    block[size] = r;
                    valid[size] = true;
                    slot[size++] = count++;
                } else if (handleInvalid.equals(ScatteringTransformer.KEEP)) {
                    block[size] = r;
                    valid[size++] = false;
                } else if (handleInvalid.equals(ScatteringTransformer.ERROR)) {
                    throw new InvalidRowException("row " + index + " of partition " + partition + ", column '" + columnName
                            + "': " + problem + " (handleInvalid=error; 'skip' drops such rows, 'keep' gives them NaN features)");
                }
            }
            if (count > 0) {
                fx.extract(images, count, features, 1); // one thread: Spark runs a task per core
            }
        }
    }
}
