package org.scatter4j.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.scatter4j.rototranslation.RotoScattering2D;
import org.scatter4j.scattering.FeatureExtractor;
import org.scatter4j.scattering.Scattering2D;

/**
 * A block of images for {@link ScatteringTransformer}: float32 grey pixels read by {@link RowPixels},
 * transformed by one call of {@link FeatureExtractor#extract} (the batch engine's precision), the
 * features widened to double for the ML Vector.
 */
final class ImageBlock implements RowBlock {
    private final FeatureExtractor fx;
    private final RowPixels pixels;
    private final int lanes;
    private final int imageLength;
    private final int d;
    private final float[] images;
    private final float[] features;

    private ImageBlock(FeatureExtractor fx, RowPixels pixels) {
        this.fx = fx;
        this.pixels = pixels;
        this.lanes = blockLanes(fx);
        this.imageLength = fx.height() * fx.width();
        this.d = fx.featureCount();
        this.images = new float[lanes * imageLength];
        this.features = new float[lanes * d];
    }

    /** Images per call of the batch engine: one block of its lanes. */
    private static int blockLanes(FeatureExtractor fx) {
        if (fx instanceof Scattering2D s) {
            return s.blockLanes();
        }
        return ((RotoScattering2D) fx).blockLanes();
    }

    @Override
    public int lanes() {
        return lanes;
    }

    @Override
    public int featureCount() {
        return d;
    }

    @Override
    public String read(Row row, int column, int lane) {
        return pixels.read(row, column, images, lane * imageLength);
    }

    @Override
    public void transform(int count) {
        fx.extract(images, count, features, 1);
    }

    @Override
    public void features(int lane, double[] dst) {
        int o = lane * d;
        for (int i = 0; i < d; i++) {
            dst[i] = features[o + i];
        }
    }

    /** The task-side factory: the transform's configuration and the input column's type. */
    record Factory(ScatteringTransformer.Key key, DataType type) implements RowBlock.Factory {
        @Override
        public RowBlock create() {
            return new ImageBlock(ExtractorCache.get(key), new RowPixels(type, key.height(), key.width()));
        }
    }
}
