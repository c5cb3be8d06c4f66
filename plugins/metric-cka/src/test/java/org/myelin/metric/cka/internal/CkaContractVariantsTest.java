package org.myelin.metric.cka.internal;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.testkit.metric.SimilarityMetricContract;

/** The testkit's metric contract for the non-default kernels and estimators of {@code cka}. */
class CkaContractVariantsTest {

    /** RBF kernel, median bandwidth. */
    @Nested
    class Rbf extends SimilarityMetricContract {
        @Override
        protected SimilarityMetric metric() {
            return new CkaMetric();
        }

        @Override
        protected Map<String, Object> parameters() {
            return Map.of("kernel", "rbf", "threshold", "0.5");
        }
    }

    /** Debiased linear CKA. */
    @Nested
    class DebiasedLinear extends SimilarityMetricContract {
        @Override
        protected SimilarityMetric metric() {
            return new CkaMetric();
        }

        @Override
        protected Map<String, Object> parameters() {
            return Map.of("debiased", true);
        }
    }

    /** Debiased RBF CKA. */
    @Nested
    class DebiasedRbf extends SimilarityMetricContract {
        @Override
        protected SimilarityMetric metric() {
            return new CkaMetric();
        }

        @Override
        protected Map<String, Object> parameters() {
            return Map.of("kernel", "rbf", "debiased", "true");
        }
    }
}
