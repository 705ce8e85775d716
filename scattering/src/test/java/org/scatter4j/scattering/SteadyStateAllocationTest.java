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

    /**
     * The same for the 1D cascade in float32, on a batch whose tones the float32 first order flags
     * (the fallback's float64 first order and its copy of the outputs come from the workspace, made on
     * first need) and whose noise it does not: each call runs the fallback. The fallback's own scratch
     * (its copy of a subtree's outputs: 84 KB here; a float64 FFT: megabytes) is made once, and
     * LaneFft1D looks its plans and twiddles up once per instance (its lookups by a boxed length
     * cost 38.8 KB a call before; now 192 B).
     */
    @Test
    void aWarm1DBatchWithFlaggedLanesAllocatesAlmostNothing() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());
        Scattering1D s = Scattering1D.builder().J(8).Q(12).length(8192).build();
        int count = 20; // 2 blocks of 16 lanes, tones in both
        float[] x = Float32FirstOrderFallbackTest.mixedSignals(8192, count, 7);
        float[] out = new float[count * s.outputLength()];
        long id = Thread.currentThread().getId();
        long least = Long.MAX_VALUE;
        for (int call = 0; call < 6; call++) {
            long before = mx.getThreadAllocatedBytes(id);
            s.transformBatch(x, count, out, 1);
            least = Math.min(least, mx.getThreadAllocatedBytes(id) - before);
        }
        assertTrue(least < 4096, "a warm call allocated " + least + " bytes");
    }
}
