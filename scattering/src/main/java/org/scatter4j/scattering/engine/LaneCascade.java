package org.scatter4j.scattering.engine;

/**
 * A scattering cascade that {@link LaneBatchEngine} runs over blocks of records (images, signals),
 * computing all the records of a block at once, one per lane: value p of lane k of a block array
 * lives at {@code [p * lanes + k]}, so every inner loop runs over the lanes and vectorizes.
 *
 * <p>How a cascade plugs in (see also docs/engine.md):
 * <ol>
 *   <li>a block type {@code B} extending {@link LaneBlock64} (float64) or its generated twin
 *       {@link LaneBlock32}: the lanes of input (the block's own arrays, filled by
 *       {@code loadLane}, for example padded) and of output ({@code out}, value q of lane k at
 *       {@code out[q * lanes + k]}, which the engine transposes into the output records);</li>
 *   <li>a workspace type {@code W}: the scratch memory of one thread (FFT plans, intermediate maps);</li>
 *   <li>{@link #root} and, if the cascade splits into independent parts that write disjoint outputs
 *       (the subtree of each first-order wavelet, say), {@link #subtreeCount} and {@link #subtree}.
 *       The engine runs root then every subtree in order for a block; when a batch has fewer blocks
 *       than threads, it runs root on one thread and spreads the subtrees over the threads, each with
 *       its own workspace. Each lane goes through the same arithmetic either way, so results do not
 *       depend on the thread or lane count.</li>
 * </ol>
 * Blocks and workspaces are pooled by the engine and reused across calls: a warm transform
 * allocates nothing. A cascade object is immutable (filters, tables) and shared by all threads.
 *
 * @param <B> the block: input and output lanes of {@code lanes} records
 * @param <W> the per-thread workspace
 */
public interface LaneCascade<B extends LaneBlock, W> {
    /** A new block of {@code lanes} records (called once per pooled block). */
    B newBlock(int lanes);

    /** A new workspace for blocks of {@code lanes} records (called once per pooled workspace). */
    W newWorkspace(int lanes);

    /** The first step of the cascade on a loaded block; with no subtrees, the whole cascade. */
    void root(B block, W workspace);

    /** Independent steps after {@link #root}, each writing its own part of the output (0: none). */
    default int subtreeCount() {
        return 0;
    }

    /** Subtree {@code i} (0 &lt;= i &lt; subtreeCount) of a block whose root has run. */
    default void subtree(int i, B block, W workspace) {
        throw new UnsupportedOperationException("this cascade has no subtrees");
    }

    /**
     * About how many heap bytes a workspace for blocks of {@code lanes} records takes, or 0 if it is
     * small beside the heap whatever the input (the default). When a few long records spread their
     * subtrees over threads, the engine starts only the threads whose workspaces fit in the free heap
     * (a 1D recording of millions of samples needs hundreds of MB per workspace); results are the same
     * bits with any thread count.
     */
    default long workspaceBytes(int lanes) {
        return 0;
    }
}
