package org.scatter4j.testsupport;

import java.util.Arrays;
import java.util.function.Supplier;

/** The check that a transform shared by several threads gives each of them the same result. */
public final class ThreadSafety {
    private ThreadSafety() {
    }

    /**
     * Runs {@code call} {@code repeats} times on each of {@code threads} threads at once and throws
     * an AssertionError unless every result equals {@code expected} bit for bit.
     */
    public static void assertSameOnAllThreads(double[] expected, Supplier<double[]> call, int threads, int repeats)
            throws InterruptedException {
        Thread[] workers = new Thread[threads];
        boolean[] ok = new boolean[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> {
                boolean same = true;
                for (int k = 0; k < repeats; k++) {
                    same &= Arrays.equals(expected, call.get());
                }
                ok[id] = same;
            });
            workers[t].start();
        }
        for (Thread t : workers) {
            t.join();
        }
        for (int t = 0; t < threads; t++) {
            if (!ok[t]) {
                throw new AssertionError("thread " + t + " of " + threads + " got a result different from the single-thread one");
            }
        }
    }
}
