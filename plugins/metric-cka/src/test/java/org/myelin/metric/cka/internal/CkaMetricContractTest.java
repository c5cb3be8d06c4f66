package org.myelin.metric.cka.internal;

import org.myelin.api.metric.SimilarityMetric;
import org.myelin.testkit.metric.SimilarityMetricContract;

/** The testkit's metric contract, run against {@code cka} with its default parameters. */
class CkaMetricContractTest extends SimilarityMetricContract {

    @Override
    protected SimilarityMetric metric() {
        return new CkaMetric();
    }
}
