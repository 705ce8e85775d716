package org.scatter4j.scattering.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link LaneCascade} over a batch of records: loads them a block of lanes at a time (copy,
 * finiteness check, the cascade's {@code loadLane}), runs the cascade, and stores each lane as an
 * output record (a tiled transpose). Scheduling over {@code threads} threads:
 * <ul>
 *   <li>one record: a block of one lane on the calling thread;</li>
 *   <li>at least as many blocks as threads (or a cascade without subtrees): blocks spread over the
 *       threads, each thread with its own block and workspace;</li>
 *   <li>fewer blocks than threads (a few large images, long signals): block by block, the root on
 *       the calling thread, then the subtrees spread over the threads, as many as the free heap holds
 *       workspaces for ({@link LaneCascade#workspaceBytes}).</li>
 * </ul>
 * Every record goes through the same arithmetic whatever the thread count and lane position, so
 * results are identical bit for bit. Thread-safe: blocks and workspaces come from pools (one pair for
 * single records, one for full blocks), so a warm engine allocates nothing per call beyond a few
 * small objects. One engine per cascade and precision; it is independent of the records' dimension.
 *
 * <pre>{@code
 * LaneBatchEngine<MyCascade.Block, MyCascade.Workspace> engine = new LaneBatchEngine<>(new MyCascade(...), 32);
 * engine.run(new Records.Float64("images", images, 0, count, inputLength),
 *            new Records.Float64("output", out, 0, count, outputLength), threads);
 * }</pre>
 *
 * @param <B> the cascade's block type
 * @param <W> the cascade's workspace type
 */
public final class LaneBatchEngine<B extends LaneBlock, W> {
    private final LaneCascade<B, W> cascade;
    private final int blockLanes;
    private final Pool<B> singleBlocks;
    private final Pool<B> laneBlocks;
    private final Pool<W> singleWorkspaces;
    private final Pool<W> laneWorkspaces;

    /** @param blockLanes records per block in batches of more than one record (at least 1) */
    public LaneBatchEngine(LaneCascade<B, W> cascade, int blockLanes) {
        if (blockLanes < 1) {
            throw new IllegalArgumentException("blockLanes must be >= 1, got blockLanes=" + blockLanes);
        }
        this.cascade = cascade;
        this.blockLanes = blockLanes;
        this.singleBlocks = new Pool<>(() -> cascade.newBlock(1));
        this.laneBlocks = new Pool<>(() -> cascade.newBlock(blockLanes));
        this.singleWorkspaces = new Pool<>(() -> cascade.newWorkspace(1));
        this.laneWorkspaces = new Pool<>(() -> cascade.newWorkspace(blockLanes));
    }

    public int blockLanes() {
        return blockLanes;
    }

    /**
     * Transforms every record of {@code in} into the record of the same index of {@code out}, with
     * {@code threads} threads (the caller and threads - 1 workers).
     */
    public void run(Records in, Records out, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got threads=" + threads);
        }
        int count = in.count();
        if (count < 1) {
            throw new IllegalArgumentException("empty batch: count must be >= 1, got count=" + count);
        }
        if (out.count() < count) {
            throw new IllegalArgumentException("output holds " + out.count() + " record(s) for " + count + " input record(s)");
        }
        int lanes = count == 1 ? 1 : blockLanes;
        Pool<B> blocks = lanes == 1 ? singleBlocks : laneBlocks;
        Pool<W> workspaces = lanes == 1 ? singleWorkspaces : laneWorkspaces;
        int blockCount = (count + lanes - 1) / lanes;
        int subtrees = cascade.subtreeCount();
        if (threads > 1 && blockCount < threads && subtrees > 1) {
            for (int k = 0; k < blockCount; k++) {
                runBlockInParallel(in, out, k * lanes, Math.min(lanes, count - k * lanes), blocks, workspaces, lanes, threads);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            B b = blocks.take();
            W w = workspaces.take();
            try {
                for (int k = next.getAndIncrement(); k < blockCount; k = next.getAndIncrement()) {
                    runBlock(in, out, k * lanes, Math.min(lanes, count - k * lanes), b, w);
                }
            } finally {
                blocks.give(b);
                workspaces.give(w);
            }
        };
        int workers = Math.min(threads, blockCount);
        if (workers == 1) {
            worker.run();
        } else {
            Parallel.run(workers, worker);
        }
    }

    /** Loads records [first, first + n) into the lanes, runs the cascade, stores the results. */
    private void runBlock(Records in, Records out, int first, int n, B b, W w) {
        b.load(in, first, n);
        cascade.root(b, w);
        int subtrees = cascade.subtreeCount();
        for (int i = 0; i < subtrees; i++) {
            cascade.subtree(i, b, w);
        }
        b.store(out, first, n);
    }

    /**
     * At most {@code wanted} and at least 1: the threads whose workspaces fit, counting the pool's idle
     * ones and as many new ones of {@code bytes} as the free heap holds now (a snapshot that counts
     * garbage not yet collected as used, so it errs towards fewer threads). A thread whose workspace did
     * not fit would end the whole transform in OutOfMemoryError; with fewer threads it is slower only.
     */
    private static int workspacesThatFit(int wanted, Pool<?> workspaces, long bytes) {
        if (bytes <= 0 || wanted <= 1) {
            return Math.max(1, wanted);
        }
        Runtime rt = Runtime.getRuntime();
        return workspacesThatFit(wanted, workspaces.idle(), rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()), bytes);
    }

    /** The rule of {@link #workspacesThatFit(int, Pool, long)}: idle workspaces plus new ones of {@code bytes} in {@code free}. */
    static int workspacesThatFit(int wanted, int idle, long free, long bytes) {
        if (bytes <= 0) {
            return Math.max(1, wanted);
        }
        return (int) Math.max(1, Math.min(wanted, idle + Math.max(0, free) / bytes));
    }

    /** One block, its subtrees spread over threads (each subtree writes its own outputs). */
    private void runBlockInParallel(Records in, Records out, int first, int n, Pool<B> blocks, Pool<W> workspaces,
            int lanes, int threads) {
        B b = blocks.take();
        try {
            W w0 = workspaces.take();
            try {
                b.load(in, first, n);
                cascade.root(b, w0);
            } finally {
                workspaces.give(w0);
            }
            int subtrees = cascade.subtreeCount();
            AtomicInteger next = new AtomicInteger();
            Parallel.run(workspacesThatFit(Math.min(threads, subtrees), workspaces, cascade.workspaceBytes(lanes)), () -> {
                W w = workspaces.take();
                try {
                    for (int i = next.getAndIncrement(); i < subtrees; i = next.getAndIncrement()) {
                        cascade.subtree(i, b, w);
                    }
                } finally {
                    workspaces.give(w);
                }
            });
            b.store(out, first, n);
        } finally {
            blocks.give(b);
        }
    }
}
