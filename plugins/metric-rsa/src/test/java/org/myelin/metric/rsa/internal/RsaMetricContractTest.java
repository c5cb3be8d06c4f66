package org.myelin.metric.rsa.internal;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.testkit.metric.SimilarityMetricContract;

/** The testkit's metric contract for {@code rsa}: defaults and other RDM / comparison pairs. */
class RsaMetricContractTest extends SimilarityMetricContract {

    @Override
    protected SimilarityMetric metric() {
        return new RsaMetric();
    }

    /** Euclidean RDM, Kendall tau-b. */
    @Nested
    class EuclideanKendall extends SimilarityMetricContract {
        @Override
        protected SimilarityMetric metric() {
            return new RsaMetric();
        }

        @Override
        protected Map<String, Object> parameters() {
            return Map.of("rdm", "euclidean", "compare", "kendall-tau-b", "include_rdms", true);
        }
    }

    /** Correlation RDM, whitened cosine. */
    @Nested
    class WhitenedCosine extends SimilarityMetricContract {
        @Override
        protected SimilarityMetric metric() {
            return new RsaMetric();
        }

        @Override
        protected Map<String, Object> parameters() {
            return Map.of("compare", "whitened-cosine");
        }
    }
}
