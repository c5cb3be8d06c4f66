package org.myelin.metric.shape.internal;

import org.myelin.core.linalg.Blas;
import org.myelin.core.linalg.Lapack;
import org.myelin.core.linalg.SymmetricEigen;

/**
 * The nuclear norm (sum of singular values) of an m x k matrix M without an SVD, from the
 * smaller gram {@code G = M'M} (k x k, when k &lt;= m):
 *
 * <ol>
 * <li>Fast path: the eigenvalues of G alone ({@link Lapack#symmetricEigenvalues}, a third of the
 *     time of a decomposition with vectors) and {@code sigma_j = sqrt(lambda_j)}. The square root
 *     amplifies an eigenvalue error {@code delta} into {@code delta / (2 sigma_j)}, which is large
 *     only for singular values far below the largest. The path is taken only when the resulting
 *     bound {@code sum_j [sqrt(lambda_j + delta) - sqrt(lambda_j - delta)]} is below
 *     {@value #FAST_PATH_TOLERANCE} of the norm, with {@code delta = 4 sqrt(k m) eps lambda_max}
 *     (the size of the rounding in forming G and in a backward-stable eigensolver, with a factor
 *     two to spare). The bound is pessimistic: on the 2000 x 512 benchmark pair it is 5e-12
 *     while the fast sum differs from the sum of LAPACK {@code dgesdd}'s singular values by
 *     2e-16 relative.</li>
 * <li>Otherwise (ill-conditioned or rank-deficient M): the eigenvectors V of G and
 *     {@code sigma_j = ||M v_j||}, which keeps small singular values accurate to about machine
 *     precision times the largest.</li>
 * </ol>
 */
final class NuclearNorm {

    /** Largest relative error bound for which the eigenvalue-only path is used. */
    static final double FAST_PATH_TOLERANCE = 1e-10;

    private static final double EPS = Math.ulp(1.0);

    private NuclearNorm() {
    }

    /**
     * @param m the matrix, rows x cols row-major
     * @param rows rows of M
     * @param cols columns of M
     * @return {@code ||M||_*}
     */
    static double of(double[] m, int rows, int cols) {
        boolean tall = cols <= rows;
        int k = tall ? cols : rows;
        int inner = tall ? rows : cols;
        double[] g = new double[k * k];
        // tall: M'M (k = cols); wide: M M' (k = rows)
        Blas.dsyrk(tall, k, inner, 1.0, m, 0, cols, 0.0, g, 0, k);
        double fast = fromEigenvalues(Lapack.symmetricEigenvalues(g, k), k, inner);
        if (!Double.isNaN(fast)) {
            return fast;
        }
        return fromEigenvectors(m, rows, cols, g, k, tall);
    }

    /**
     * @param lambda eigenvalues of the gram, ascending
     * @param k order of the gram
     * @param inner the inner dimension the gram was summed over
     * @return the nuclear norm, or NaN when its error bound exceeds {@link #FAST_PATH_TOLERANCE}
     */
    static double fromEigenvalues(double[] lambda, int k, int inner) {
        double max = Math.max(0.0, lambda[k - 1]);
        if (max == 0) {
            return 0.0;
        }
        double delta = 4 * Math.sqrt((double) k * inner) * EPS * max;
        double sum = 0;
        double bound = 0;
        for (double l : lambda) {
            double v = Math.max(0.0, l);
            sum += Math.sqrt(v);
            bound += Math.sqrt(v + delta) - Math.sqrt(Math.max(0.0, v - delta));
        }
        return bound <= FAST_PATH_TOLERANCE * sum ? sum : Double.NaN;
    }

    private static double fromEigenvectors(double[] m, int rows, int cols, double[] g, int k, boolean tall) {
        SymmetricEigen e = Lapack.symmetricEigen(g, k);
        double[] v = e.vectors();
        int other = tall ? rows : cols;
        double[] mv = new double[other * k];
        if (tall) {
            Blas.dgemm(false, false, rows, k, cols, 1.0, m, 0, cols, v, 0, k, 0.0, mv, 0, k);
        } else {
            Blas.dgemm(true, false, cols, k, rows, 1.0, m, 0, cols, v, 0, k, 0.0, mv, 0, k);
        }
        double[] norms = new double[k];
        for (int i = 0; i < other; i++) {
            int o = i * k;
            for (int j = 0; j < k; j++) {
                norms[j] += mv[o + j] * mv[o + j];
            }
        }
        double sum = 0;
        for (double s : norms) {
            sum += Math.sqrt(s);
        }
        return sum;
    }
}
