package org.scatter4j.io;

import java.lang.management.ManagementFactory;

/** Bytes allocated on the heap by the current thread while a piece of code runs (HotSpot's per-thread counter). */
final class Allocation {
    interface Action {
        void run() throws Exception;
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {
    }

    /** Runs the action and returns the bytes it allocated; what it throws is returned beside them. */
    static Measured measure(Action action) {
        long id = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(id);
        Throwable thrown = null;
        try {
            action.run();
        } catch (Throwable t) {
            thrown = t;
        }
        return new Measured(THREADS.getThreadAllocatedBytes(id) - before, thrown);
    }

    record Measured(long bytes, Throwable thrown) {
    }
}
