package org.scatter4j.scattering;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * A warm transform takes its scratch memory from its pools: a call allocates a few small objects
 * (views of the caller's arrays), not the megabytes of FFT buffers, whatever the batch size.
 */
class SteadyStateAllocationTest {
    @Test
    void aWarmBatchAllocatesAlmostNothingOnTheCallingThread() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());
        Scattering2D s = Scattering2D.builder().J(2).shape(28, 28).lanes(8).build();
        int count = 40; // 5 blocks of 8 lanes
        float[] images = new float[count * s.imageLength()];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) Math.sin(0.01 * i);
        }
        float[] out = new float[count * s.outputLength()];
        long id = Thread.currentThread().getId();
        long least = Long.MAX_VALUE;
        for (int call = 0; call < 20; call++) {
            long before = mx.getThreadAllocatedBytes(id);
            s.transformBatch(images, count, out, 1);
            least = Math.min(least, mx.getThreadAllocatedBytes(id) - before);
        }
        // one Block + Workspace of 8 lanes is about 300 KB; a warm call measured 112 B (+ the counter's own)
        assertTrue(least < 4096, "a warm call allocated " + least + " bytes");
    }
}
