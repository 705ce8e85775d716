package org.scatter4j.scattering.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A record whose subtrees spread over threads takes one workspace per thread; the engine starts only
 * the threads whose workspaces fit in the free heap ({@link LaneCascade#workspaceBytes}), and the
 * output is the same whatever it starts.
 */
class WorkspacesThatFitTest {

    /** out[i] = (i + 1) * sum(record): one subtree per output value, on whichever thread takes it. */
    static final class SumCascade implements LaneCascade<SumCascade.Block, Object> {
        static final int LENGTH = 16, SUBTREES = 64;
        final long workspaceBytes;
        final AtomicInteger workspaces = new AtomicInteger();
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        SumCascade(long workspaceBytes) {
            this.workspaceBytes = workspaceBytes;
        }

        final class Block extends LaneBlock64 {
            final double[] x;

            Block(int lanes) {
                super(lanes, LENGTH, SUBTREES, 0);
                x = new double[LENGTH * lanes];
            }

            @Override
            protected void loadLane(double[] record, int lane) {
                for (int p = 0; p < LENGTH; p++) {
                    x[p * lanes + lane] = record[p];
                }
            }

            @Override
            protected void clearLane(int lane) {
                for (int p = 0; p < LENGTH; p++) {
                    x[p * lanes + lane] = 0;
                }
            }
        }

        @Override
        public Block newBlock(int lanes) {
            return new Block(lanes);
        }

        @Override
        public Object newWorkspace(int lanes) {
            workspaces.incrementAndGet();
            return new Object();
        }

        @Override
        public void root(Block b, Object w) {
        }

        @Override
        public int subtreeCount() {
            return SUBTREES;
        }

        @Override
        public void subtree(int i, Block b, Object w) {
            threads.add(Thread.currentThread());
            for (int k = 0; k < b.lanes; k++) {
                double sum = 0;
                for (int p = 0; p < LENGTH; p++) {
                    sum += b.x[p * b.lanes + k];
                }
                b.out[i * b.lanes + k] = (i + 1) * sum;
            }
            try {
                Thread.sleep(2); // long enough for every started thread to take a subtree
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public long workspaceBytes(int lanes) {
            return workspaceBytes;
        }
    }

    private static double[] run(SumCascade c, int threads) {
        double[] x = new double[SumCascade.LENGTH];
        for (int p = 0; p < x.length; p++) {
            x[p] = p * 0.5;
        }
        double[] out = new double[SumCascade.SUBTREES];
        new LaneBatchEngine<>(c, 4).run(new Records.Float64("signals", x, 0, 1, x.length),
                new Records.Float64("output", out, 0, 1, out.length), threads);
        return out;
    }

    @Test
    void workspacesLargerThanTheHeapLeaveOneThread() {
        SumCascade small = new SumCascade(0);
        double[] expected = run(small, 4);
        assertEquals(4, small.threads.size(), "small workspaces: every thread works");
        SumCascade huge = new SumCascade(Runtime.getRuntime().maxMemory()); // not one more fits
        assertArrayEquals(expected, run(huge, 4), 0.0);
        assertEquals(1, huge.threads.size(), "workspaces of the whole heap: the calling thread alone");
        assertEquals(1, huge.workspaces.get(), "one workspace, reused by the root and the subtrees");
    }

    @Test
    void asManyThreadsAsWorkspacesFit() {
        assertEquals(3, LaneBatchEngine.workspacesThatFit(4, 1, 1000, 400), "one idle and two new ones");
        assertEquals(4, LaneBatchEngine.workspacesThatFit(4, 1, 100_000, 400), "never more than wanted");
        assertEquals(1, LaneBatchEngine.workspacesThatFit(4, 0, 100, 400), "at least the calling thread");
        assertEquals(1, LaneBatchEngine.workspacesThatFit(4, 0, -5, 400), "a negative snapshot is none free");
        assertEquals(2, LaneBatchEngine.workspacesThatFit(4, 2, 0, 400), "idle ones need no heap");
        assertEquals(4, LaneBatchEngine.workspacesThatFit(4, 0, 0, 0), "0 bytes: no cap");
    }
}
