package org.myelin.metric.softmatching.internal;

import org.myelin.api.metric.SimilarityMetric;
import org.myelin.testkit.metric.SimilarityMetricContract;

/** The testkit's metric contract, run against {@code soft-matching} with its default parameters. */
class SoftMatchingMetricContractTest extends SimilarityMetricContract {

    @Override
    protected SimilarityMetric metric() {
        return new SoftMatchingMetric();
    }
}
