package org.myelin.metric.softmatching.internal;

import org.myelin.api.metric.SimilarityMetric;
import org.myelin.testkit.metric.SimilarityMetricContract;

/**
 * The testkit's metric contract, run against {@code partial-soft-matching} with its default
 * parameters ({@code mass=auto}, correlation cost, 5-fold L-curve, exact unit ranking).
 */
class PartialSoftMatchingMetricContractTest extends SimilarityMetricContract {

    @Override
    protected SimilarityMetric metric() {
        return new PartialSoftMatchingMetric();
    }
}
