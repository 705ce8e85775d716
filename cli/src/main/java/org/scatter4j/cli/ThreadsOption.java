package org.scatter4j.cli;

import picocli.CommandLine.Option;

/** The {@code --threads} option every compute command shares (a picocli mixin). */
final class ThreadsOption {
    @Option(names = "--threads", description = "Threads (default: all cores).")
    Integer threads;

    /** The thread count to use: the option, else all available processors; at least 1. */
    int resolve() {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + t);
        }
        return t;
    }
}
