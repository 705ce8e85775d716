package org.scatter4j.scattering.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one task on {@code threads} threads (the caller and {@code threads - 1} workers) and waits for
 * all of them; the tasks share work through their own counters. The workers are daemon threads of
 * one shared pool that grows as needed and keeps idle threads for a minute, so repeated calls do not
 * create threads (that cost time and allocated memory on every batch) and nested calls cannot
 * deadlock. A failure in any task (for example a NaN pixel) is rethrown to the caller as it was
 * thrown, once every task has stopped, so no task still writes to the caller's arrays after return.
 */
final class Parallel {
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scatter4j-worker");
        t.setDaemon(true);
        return t;
    });

    private Parallel() {
    }

    static void run(int threads, Runnable task) {
        List<Future<?>> futures = new ArrayList<>(threads - 1);
        for (int t = 1; t < threads; t++) {
            futures.add(WORKERS.submit(task));
        }
        Throwable failure = null;
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> f : futures) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : e.getCause();
                    break;
                } catch (InterruptedException e) {
                    // keep waiting: returning now would leave workers writing into the caller's arrays
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
