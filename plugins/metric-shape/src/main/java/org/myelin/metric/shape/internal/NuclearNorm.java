package org.myelin.metric.shape.internal;

import org.myelin.core.linalg.Blas;
import org.myelin.core.linalg.Lapack;
import org.myelin.core.linalg.SymmetricEigen;

/**
 * The nuclear norm (sum of singular values) of an m x k matrix M without its singular vectors:
 * eigenvectors V of the smaller gram ({@code M'M}, k x k, when k &lt;= m), then
 * {@code sigma_j = ||M v_j||}. Taking the norms of {@code M v_j} instead of the square roots of
 * the eigenvalues keeps small singular values accurate to about machine precision times the
 * largest (square roots of eigenvalues would only give its square root); the eigen-decomposition
 * is about half the work of an SVD with vectors, which the facade's {@link Lapack#svd} always forms.
 */
final class NuclearNorm {

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
        double[] g = new double[k * k];
        // tall: M'M (k = cols); wide: M M' (k = rows)
        Blas.dsyrk(tall, k, tall ? rows : cols, 1.0, m, 0, cols, 0.0, g, 0, k);
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
