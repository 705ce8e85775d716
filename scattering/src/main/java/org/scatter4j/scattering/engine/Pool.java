package org.scatter4j.scattering.engine;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/** Scratch objects kept between calls, so that a warm transform allocates nothing; thread-safe. */
final class Pool<T> {
    private final ConcurrentLinkedDeque<T> free = new ConcurrentLinkedDeque<>();
    private final Supplier<T> factory;

    Pool(Supplier<T> factory) {
        this.factory = factory;
    }

    T take() {
        T t = free.poll();
        return t != null ? t : factory.get();
    }

    void give(T t) {
        free.push(t);
    }

    /** Objects kept and not in use now (a snapshot). */
    int idle() {
        return free.size();
    }
}
