package org.scatter4j.spark;

import java.io.Serializable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transforms of this JVM, one per configuration, built on first use and then shared by every
 * task that runs here (an executor runs many tasks, on several cores, over its life): the filter
 * banks are built once per executor, not once per task or partition. The transforms are immutable
 * and thread-safe, so sharing them is safe. Any transformer's configuration can be a key: a record
 * (value equality) that knows how to build its transform.
 */
final class ExtractorCache {
    /**
     * A configuration that identifies a transform and builds it: equal configurations share one
     * transform, so implementations are records (or have value equality). Serializable: it travels
     * to the executors with the task.
     */
    interface Config<T> extends Serializable {
        /** Builds the transform; a bad parameter is an IllegalArgumentException naming it, its value and its limit. */
        T build();
    }

    private static final ConcurrentHashMap<Config<?>, Object> CACHE = new ConcurrentHashMap<>();

    private ExtractorCache() {
    }

    /** The transform of {@code config}, built by the first caller; parameter errors are IllegalArgumentExceptions. */
    @SuppressWarnings("unchecked")
    static <T> T get(Config<T> config) {
        Object t = CACHE.get(config);
        return (T) (t != null ? t : CACHE.computeIfAbsent(config, Config::build));
    }
}
