package org.scatter4j.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.scatter4j.scattering.Scattering1D;

/**
 * A block of signals for {@link Scattering1DTransformer}: the samples read by {@link RowSignal},
 * checked finite in the transform's precision, transformed by one call of {@link
 * Scattering1D#transformBatch} on the task's thread, each signal's (C, N') output flattened into the
 * ML Vector. Both precisions give the transform the samples as doubles, unrounded (float32: {@code
 * transformBatch(double[], int, float[], int)}, float32 arithmetic without rounding the input; float
 * columns are exact doubles, so they give the bits of {@code transformBatch(float[])}); float32
 * features widen to double exactly.
 */
final class SignalBlock implements RowBlock {
    private final Scattering1D s;
    private final RowSignal reader;
    private final int lanes;
    private final int n;
    private final int d;
    private final boolean float64;
    /** The block's samples, row after row, and its features in the precision's type. */
    private final double[] samples;
    private final double[] features64;
    private final float[] features32;

    private SignalBlock(Scattering1D s, RowSignal reader, boolean float64) {
        this.s = s;
        this.reader = reader;
        this.lanes = s.blockLanes();
        this.n = s.signalLength();
        this.d = s.outputLength();
        this.float64 = float64;
        this.samples = new double[lanes * n];
        this.features64 = float64 ? new double[lanes * d] : null;
        this.features32 = float64 ? null : new float[lanes * d];
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
        int off = lane * n;
        String problem = reader.read(row, column, samples, off);
        if (problem != null) {
            return problem;
        }
        for (int k = 0; k < n; k++) {
            double x = samples[off + k];
            if (!Double.isFinite(x)) {
                return "sample " + k + " is " + x + " (not finite)";
            }
            if (Math.abs(x) > Scattering1D.SAFE_FLOAT64) {
                return aboveFloat64Range(k, x);
            }
            if (!float64 && Math.abs(x) > Float.MAX_VALUE) {
                return "sample " + k + " is " + x + " (beyond float32's range; precision=float64 takes it)";
            }
        }
        return null;
    }

    /** A row the library would refuse for the whole batch is an invalid row here, so handleInvalid applies to it. */
    private static String aboveFloat64Range(int k, double x) {
        return "sample " + k + " is " + x + ", above the largest magnitude the transform takes (2^400 = "
                + Scattering1D.SAFE_FLOAT64 + "); scale the signal down";
    }

    @Override
    public void transform(int count) {
        if (float64) {
            s.transformBatch(samples, count, features64, 1);
        } else {
            s.transformBatch(samples, count, features32, 1);
        }
    }

    @Override
    public void features(int lane, double[] dst) {
        int o = lane * d;
        if (float64) {
            System.arraycopy(features64, o, dst, 0, d);
        } else {
            for (int i = 0; i < d; i++) {
                dst[i] = features32[o + i];
            }
        }
    }

    /** The task-side factory: the transform's configuration, the input column's type and the precision. */
    record Factory(Scattering1DTransformer.Key key, DataType type, boolean float64) implements RowBlock.Factory {
        @Override
        public RowBlock create() {
            Scattering1D s = ExtractorCache.get(key);
            return new SignalBlock(s, new RowSignal(type, s.signalLength()), float64);
        }
    }
}
