package org.scatter4j.cli;

import picocli.CommandLine.Option;

/** The {@code --threads} option every compute command shares (a picocli mixin). */
final class ThreadsOption {
    @Option(names = "--threads", description = "Threads (default: all cores; at most 4 per core, at least 8 allowed).")
    Integer threads;

    /**
     * The most threads accepted: 4 per core, at least 8. More only adds scheduling and per-thread
     * scratch memory (each thread holds a block's workspace), and a typo such as 1000000 would
     * try to start that many threads and run out of memory.
     */
    static int max() {
        return Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    }

    /** The thread count to use: the option, else all available processors; in [1, {@link #max()}]. */
    int resolve() {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + t);
        }
        if (t > max()) {
            throw new IllegalArgumentException("--threads must be at most " + max() + " (4 per core, at least 8; this machine has "
                    + Runtime.getRuntime().availableProcessors() + " cores), got " + t);
        }
        return t;
    }
}
