package org.myelin.metric.softmatching.internal;

import java.util.Map;

import org.myelin.api.metric.SimilarityMetric;
import org.myelin.testkit.metric.SimilarityMetricContract;

/** The testkit's metric contract for {@code partial-soft-matching} with a given mass, {@code mass=0.6}. */
class PartialSoftMatchingFixedMassContractTest extends SimilarityMetricContract {

    @Override
    protected SimilarityMetric metric() {
        return new PartialSoftMatchingMetric();
    }

    @Override
    protected Map<String, Object> parameters() {
        return Map.of("mass", "0.6");
    }
}
