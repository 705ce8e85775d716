package org.scatter4j.scattering;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * STAND-IN for the shared lane batch engine ({@code org.scatter4j.scattering.engine}, branch
 * {@code engine}, not yet committed when the 1D transform was written): the same shape (a cascade
 * with {@code newBlock}, {@code newWorkspace}, {@code root}; blocks whose output value q of lane k is
 * at {@code out[q * lanes + k]}; blocks and workspaces pooled), reduced to what {@link
 * Scattering1D} needs, in this one file so that it can be replaced by {@code LaneBatchEngine},
 * {@code LaneBlock64} and {@code LaneBlock32} with a few renames and then deleted.
 */
final class SignalLanes {
    private SignalLanes() {
    }

    /** A cascade over blocks of lanes (the engine's {@code LaneCascade} without subtrees). */
    interface Cascade<B, W> {
        B newBlock(int lanes);

        W newWorkspace(int lanes);

        void root(B block, W workspace);
    }

    /** The engine's {@code LaneBlock64}: output lanes, and the loading of finite records into lanes. */
    abstract static class Block64 {
        final int lanes;
        final int inputLength;
        final int outputLength;
        final double[] out;

        Block64(int lanes, int inputLength, int outputLength) {
            this.lanes = lanes;
            this.inputLength = inputLength;
            this.outputLength = outputLength;
            this.out = new double[Math.multiplyExact(outputLength, lanes)];
        }

        /** Puts signal {@code data[offset .. offset + inputLength)} (finite) into lane {@code lane}. */
        abstract void loadLane(double[] data, int offset, int lane);

        abstract void clearLane(int lane);
    }

    /** The engine's {@code LaneBlock32}. */
    abstract static class Block32 {
        final int lanes;
        final int inputLength;
        final int outputLength;
        final float[] out;

        Block32(int lanes, int inputLength, int outputLength) {
            this.lanes = lanes;
            this.inputLength = inputLength;
            this.outputLength = outputLength;
            this.out = new float[Math.multiplyExact(outputLength, lanes)];
        }

        abstract void loadLane(float[] data, int offset, int lane);

        abstract void clearLane(int lane);
    }

    /** A thread-safe pool: take one or make one, give it back. */
    static final class Pool<T> {
        private final ConcurrentLinkedQueue<T> free = new ConcurrentLinkedQueue<>();
        private final Supplier<T> factory;

        Pool(Supplier<T> factory) {
            this.factory = factory;
        }

        T take() {
            T t = free.poll();
            return t != null ? t : factory.get();
        }

        void give(T t) {
            free.add(t);
        }
    }

    /** Blocks of {@code lanes} signals spread over threads: the engine's scheduling for many records. */
    static <B, W> void run(int count, int lanes, int threads, Pool<B> blocks, Pool<W> workspaces,
                           BlockTask<B, W> task) {
        int blockCount = (count + lanes - 1) / lanes;
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            B block = blocks.take();
            W workspace = workspaces.take();
            try {
                for (int k = next.getAndIncrement(); k < blockCount; k = next.getAndIncrement()) {
                    task.run(block, workspace, k * lanes, Math.min(lanes, count - k * lanes));
                }
            } finally {
                blocks.give(block);
                workspaces.give(workspace);
            }
        };
        Parallel.run(Math.max(1, Math.min(threads, blockCount)), worker);
    }

    interface BlockTask<B, W> {
        void run(B block, W workspace, int first, int n);
    }

    /** The message of a non-finite sample (the engine's {@code Records.requireFinite} for 1D records). */
    static String nonFinite(String array, int signal, int sample, double value) {
        return array + ": signal " + signal + " has a non-finite sample at position " + sample + " (" + value + ")";
    }
}
