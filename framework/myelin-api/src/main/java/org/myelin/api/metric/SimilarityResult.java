package org.myelin.api.metric;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A comparison's value and details. Detail values are JSON-friendly: {@link Number},
 * {@link String}, {@link Boolean}, {@code double[]}, {@code int[]}, {@link org.myelin.api.array.Matrix},
 * {@link java.util.List} and {@link Map} of those.
 *
 * @param value the metric value
 * @param details extra results (RDMs, transport plan, matched units, per-unit scores), in insertion order
 */
public record SimilarityResult(double value, Map<String, Object> details) {

    /** Copies the details, keeping their order. */
    public SimilarityResult {
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * @param value the metric value
     * @return a result without details
     */
    public static SimilarityResult of(double value) {
        return new SimilarityResult(value, Map.of());
    }
}
