package org.scatter4j.spark;

import java.util.concurrent.ConcurrentHashMap;
import org.scatter4j.rototranslation.RotoScattering2D;
import org.scatter4j.scattering.FeatureExtractor;
import org.scatter4j.scattering.Scattering2D;

/**
 * The transforms of this JVM, one per configuration, built on first use and then shared by every
 * task that runs here (an executor runs many tasks, on several cores, over its life): the filter
 * banks are built once per executor, not once per task or partition. The transforms are immutable
 * and thread-safe, so sharing them is safe.
 */
final class ExtractorCache {
    /** What identifies a transform: the parameters of {@link ScatteringTransformer} that shape it. */
    record Key(String transform, int J, int L, int maxOrder, int height, int width) implements java.io.Serializable {
    }

    private static final ConcurrentHashMap<Key, FeatureExtractor> CACHE = new ConcurrentHashMap<>();

    private ExtractorCache() {
    }

    /** The transform of {@code key}, built by the first caller; parameter errors are IllegalArgumentExceptions. */
    static FeatureExtractor get(Key key) {
        FeatureExtractor fx = CACHE.get(key);
        return fx != null ? fx : CACHE.computeIfAbsent(key, ExtractorCache::build);
    }

    /** Images per call of the batch engine: one block of its lanes. */
    static int blockLanes(FeatureExtractor fx) {
        if (fx instanceof Scattering2D s) {
            return s.blockLanes();
        }
        return ((RotoScattering2D) fx).blockLanes();
    }

    private static FeatureExtractor build(Key k) {
        return switch (k.transform()) {
            case ScatteringTransformer.TRANSLATION ->
                    Scattering2D.builder().J(k.J()).L(k.L()).maxOrder(k.maxOrder()).shape(k.height(), k.width()).build();
            case ScatteringTransformer.ROTOTRANSLATION -> {
                if (k.maxOrder() != 2) {
                    throw new IllegalArgumentException("maxOrder=" + k.maxOrder() + " with transform=rototranslation, which is "
                            + "of order 2 only; use maxOrder=2 or transform=translation");
                }
                yield RotoScattering2D.builder().J(k.J()).L(k.L()).shape(k.height(), k.width()).build();
            }
            default -> throw new IllegalArgumentException("transform must be translation or rototranslation, got '"
                    + k.transform() + "'");
        };
    }
}
