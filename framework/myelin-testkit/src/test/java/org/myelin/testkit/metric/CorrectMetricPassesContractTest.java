package org.myelin.testkit.metric;

import java.util.Map;

import org.myelin.api.metric.SimilarityMetric;

/** The contract passes for a correct metric, with a non-default parameter value. */
class CorrectMetricPassesContractTest extends SimilarityMetricContract {

    @Override
    protected SimilarityMetric metric() {
        return new VarianceGapDistance();
    }

    @Override
    protected Map<String, Object> parameters() {
        return Map.of("scale", "0.5");
    }
}
