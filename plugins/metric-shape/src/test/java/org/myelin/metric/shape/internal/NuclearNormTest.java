package org.myelin.metric.shape.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.myelin.core.linalg.Lapack;
import org.myelin.core.linalg.Svd;

/**
 * Both paths of the nuclear norm against the sum of the singular values of {@link Lapack#svd}
 * (an independent computation: dgesdd, or Jacobi SVD on the Java backend), and the choice of
 * path: well-conditioned matrices take the eigenvalue-only path, rank-deficient ones the
 * eigenvector path.
 */
class NuclearNormTest {

    private static double[] gaussian(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] m = new double[rows * cols];
        for (int i = 0; i < m.length; i++) {
            // Box-Muller: a Gaussian matrix is well conditioned when rows >> cols
            m[i] = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        }
        return m;
    }

    private static double svdSum(double[] m, int rows, int cols) {
        Svd s = Lapack.svd(m, rows, cols);
        double sum = 0;
        for (double v : s.s()) {
            sum += v;
        }
        return sum;
    }

    @Test
    void wellConditionedMatricesTakeTheFastPathAndMatchTheSvd() {
        for (int[] shape : new int[][] {{200, 30}, {30, 200}, {64, 64}}) {
            int rows = shape[0];
            int cols = shape[1];
            double[] m = gaussian(rows, cols, rows * 31L + cols);
            double expected = svdSum(m, rows, cols);
            assertEquals(expected, NuclearNorm.of(m, rows, cols), 1e-12 * expected, rows + " x " + cols);
            if (rows != cols) {
                // tall or wide Gaussian: condition number about (sqrt(200)+sqrt(30)) / (sqrt(200)-sqrt(30)) = 2.3
                int k = Math.min(rows, cols);
                double[] g = new double[k * k];
                boolean tall = cols <= rows;
                org.myelin.core.linalg.Blas.dsyrk(tall, k, Math.max(rows, cols), 1.0, m, 0, cols, 0.0, g, 0, k);
                double fast = NuclearNorm.fromEigenvalues(Lapack.symmetricEigenvalues(g, k), k, Math.max(rows, cols));
                assertFalse(Double.isNaN(fast), "a condition number of 2.3 must take the eigenvalue-only path");
                assertEquals(expected, fast, 1e-12 * expected);
            }
        }
    }

    @Test
    void rankDeficientMatricesFallBackToTheEigenvectorPathAndStayAccurate() {
        // M = A B with A 80 x 5 and B 5 x 40: rank 5, so 35 singular values are exactly zero and
        // the square roots of their rounded eigenvalues would add about 35 sqrt(delta) of error
        double[] a = gaussian(80, 5, 1);
        double[] b = gaussian(5, 40, 2);
        double[] m = new double[80 * 40];
        org.myelin.core.linalg.Blas.dgemm(false, false, 80, 40, 5, 1.0, a, 0, 5, b, 0, 40, 0.0, m, 0, 40);
        double[] g = new double[40 * 40];
        org.myelin.core.linalg.Blas.dsyrk(true, 40, 80, 1.0, m, 0, 40, 0.0, g, 0, 40);
        assertTrue(Double.isNaN(NuclearNorm.fromEigenvalues(Lapack.symmetricEigenvalues(g, 40), 40, 80)),
                "rank-deficient input must not take the eigenvalue-only path");
        double expected = svdSum(m, 80, 40);
        assertEquals(expected, NuclearNorm.of(m, 80, 40), 1e-12 * expected);
    }

    @Test
    void theZeroMatrixHasNormZero() {
        assertEquals(0.0, NuclearNorm.of(new double[12], 4, 3), 0.0);
    }
}
