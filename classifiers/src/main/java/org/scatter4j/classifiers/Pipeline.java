package org.scatter4j.classifiers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained prediction pipeline: an optional {@link Standardizer} (with its optional logarithm), a
 * trained {@link Classifier}, and opaque string metadata the caller attaches (for instance the
 * scattering parameters that produced the features), saved and loaded by {@link ModelFile}.
 * Immutable (the metadata map is copied, keeping its iteration order).
 *
 * @param standardizer applied to raw rows before the classifier, or {@code null} for none
 * @param classifier a trained {@link LinearSvm} or {@link AffinePcaClassifier}
 * @param metadata caller's key/value strings, never {@code null}
 */
public record Pipeline(Standardizer standardizer, Classifier classifier, Map<String, String> metadata) {

    public Pipeline {
        if (classifier == null || !classifier.isFitted()) {
            throw new IllegalArgumentException("classifier must be non-null and trained");
        }
        if (standardizer != null && standardizer.dimension() != classifier.dimension()) {
            throw new IllegalArgumentException("standardizer.dimension() = " + standardizer.dimension()
                    + " but classifier.dimension() = " + classifier.dimension());
        }
        if (metadata == null) {
            metadata = Map.of();
        }
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("metadata keys and values must not be null: " + e);
            }
        }
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Number of raw features per row. */
    public int dimension() {
        return classifier.dimension();
    }

    /** Predicts one raw row (the row is copied, not modified). */
    public int predict(float[] rawRow) {
        FeatureMatrix.requireRow(rawRow, dimension(), "rawRow");
        float[] row = rawRow.clone();
        if (standardizer != null) {
            standardizer.transform(row);
        }
        return classifier.predict(row);
    }

    /**
     * Predicts every raw row of {@code raw}, standardizing it <em>in place</em> first (so that a
     * large matrix is not copied); afterwards {@code raw} holds standardized features.
     */
    public int[] predictInPlace(FeatureMatrix raw) {
        if (raw == null) {
            throw new IllegalArgumentException("raw must not be null");
        }
        if (standardizer != null) {
            standardizer.transform(raw);
        }
        return classifier.predict(raw);
    }
}
