package org.scatter4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.scatter4j.rototranslation.RotoScattering2D;
import org.scatter4j.scattering.FeatureExtractor;
import org.scatter4j.scattering.Scattering2D;

/**
 * Bytes allocated per image by a warm transform into a preallocated output, counted exactly with
 * the JVM's per-thread allocation counters (all live threads: the caller and the shared workers),
 * call by call. A complement to {@code WholeTransform -prof gc}: when one call takes seconds, a JMH
 * iteration holds a single call and its gc.alloc.rate.norm is mostly JMH's own per-iteration
 * bookkeeping divided by the batch. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar org.scatter4j.benchmarks.AllocationPerImage}.
 */
public final class AllocationPerImage {
    private AllocationPerImage() {
    }

    public static void main(String[] args) {
        run("a 1000 x 28x28 J=2", Scattering2D.builder().J(2).shape(28, 28).build(), 1000, 30);
        run("c 16 x 256x256 J=4", Scattering2D.builder().J(4).shape(256, 256).build(), 16, 8);
        run("roto 16 x 200x200 J=5", RotoScattering2D.builder().J(5).L(8).shape(200, 200).build(), 16, 8);
    }

    static void run(String name, FeatureExtractor fx, int count, int calls) {
        Random r = new Random(42);
        float[] images = new float[count * fx.height() * fx.width()];
        for (int i = 0; i < images.length; i++) {
            images[i] = r.nextFloat();
        }
        float[] out = new float[count * fx.featureCount()];
        for (int threads = 1; threads <= 2; threads++) {
            long[] bytes = new long[calls];
            long[] idle = new long[calls];
            for (int c = 0; c < calls; c++) {
                long before = allocatedByAllThreads();
                fx.extract(images, count, out, threads);
                bytes[c] = allocatedByAllThreads() - before;
                before = allocatedByAllThreads();
                idle[c] = allocatedByAllThreads() - before; // what counting allocates by itself
            }
            // the median of the calls after the first (which builds the scratch pools); a thread that
            // ends between two counts (a pool thread of the filter-bank build) makes a call negative
            long median = median(java.util.Arrays.copyOfRange(bytes, 1, calls));
            long counting = median(idle);
            System.out.printf("%s, %d thread(s): bytes per call %s (counting itself: %d B); median %.1f B/image%n", name,
                    threads, java.util.Arrays.toString(bytes), counting, (median - counting) / (double) count);
        }
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    private static long allocatedByAllThreads() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long b : mx.getThreadAllocatedBytes(mx.getAllThreadIds())) {
            sum += Math.max(0, b);
        }
        return sum;
    }
}
