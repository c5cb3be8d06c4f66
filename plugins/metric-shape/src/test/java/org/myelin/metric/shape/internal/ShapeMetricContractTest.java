package org.myelin.metric.shape.internal;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.testkit.metric.SimilarityMetricContract;

/** The testkit's metric contract for {@code procrustes} and {@code permutation}. */
class ShapeMetricContractTest {

    /** Procrustes, defaults (angular, alpha 1); the contract's X and Y differ in width, so padding is exercised. */
    @Nested
    class Procrustes extends SimilarityMetricContract {
        @Override
        protected SimilarityMetric metric() {
            return new ProcrustesMetric();
        }
    }

    /** Partial whitening, euclidean score. */
    @Nested
    class PartialWhiteningEuclidean extends SimilarityMetricContract {
        @Override
        protected SimilarityMetric metric() {
            return new ProcrustesMetric();
        }

        @Override
        protected Map<String, Object> parameters() {
            return Map.of("alpha", 0.5, "score", "euclidean", "include_plan", true);
        }
    }

    /** Permutation: equal unit counts, so Y is the contract's Y cut to X's width. */
    @Nested
    class Permutation extends SimilarityMetricContract {
        @Override
        protected SimilarityMetric metric() {
            return new PermutationMetric();
        }

        @Override
        protected Matrix representationY() {
            Matrix y = super.representationY();
            int p = UNITS_X;
            double[] d = new double[y.rows() * p];
            for (int r = 0; r < y.rows(); r++) {
                System.arraycopy(y.data(), r * y.cols(), d, r * p, p);
            }
            return new Matrix(y.rows(), p, d);
        }
    }

    /** Permutation, angular, uncentred. */
    @Nested
    class PermutationAngular extends SimilarityMetricContract {
        @Override
        protected SimilarityMetric metric() {
            return new PermutationMetric();
        }

        @Override
        protected Map<String, Object> parameters() {
            return Map.of("score", "angular", "center", false);
        }

        @Override
        protected Matrix representationY() {
            Matrix y = super.representationY();
            int p = UNITS_X;
            double[] d = new double[y.rows() * p];
            for (int r = 0; r < y.rows(); r++) {
                System.arraycopy(y.data(), r * y.cols(), d, r * p, p);
            }
            return new Matrix(y.rows(), p, d);
        }
    }
}
