package org.myelin.core.linalg;

import org.myelin.core.array.DoubleMatrix;

/**
 * The Cholesky factorisation {@code A = L L^T} of a symmetric positive definite matrix, and
 * solves with it. Used for ridge regression, whose normal equations {@code X^T X + lambda I}
 * are positive definite for any {@code lambda > 0}. Only the lower triangle of A is read. A pivot
 * at or below {@code 1e-14} times its diagonal entry counts as singular, since a solve with it
 * would return noise.
 */
public final class Cholesky {

    private final int n;
    private final double[] lower;

    private Cholesky(int n, double[] lower) {
        this.n = n;
        this.lower = lower;
    }

    /**
     * Factorises A.
     *
     * @param a a symmetric positive definite n x n matrix (not modified)
     * @return the factorisation
     * @throws IllegalArgumentException when A is not square, not finite, or not (numerically) positive definite, naming the failing pivot
     */
    public static Cholesky of(DoubleMatrix a) {
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("Cholesky needs a square matrix, got " + a.rows() + " x " + a.cols());
        }
        int n = a.rows();
        double[] ad = a.data();
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double d = ad[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * n + k] * l[j * n + k];
            }
            // a pivot that lost all but 14 digits of its diagonal means a numerically singular matrix
            if (!(d > 1e-14 * Math.abs(ad[j * n + j])) || !Double.isFinite(d)) {
                throw new IllegalArgumentException("matrix is not positive definite: pivot " + j + " is " + d
                        + " (add a positive ridge penalty or check the input for NaN)");
            }
            double ljj = Math.sqrt(d);
            l[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = ad[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s / ljj;
            }
        }
        return new Cholesky(n, l);
    }

    /** @return the order n of the factorised matrix */
    public int size() {
        return n;
    }

    /** @return the lower-triangular factor L, as a new matrix */
    public DoubleMatrix lower() {
        return DoubleMatrix.wrap(n, n, lower.clone());
    }

    /**
     * Solves {@code A X = B} by forward and back substitution, column by column of B.
     *
     * @param b right-hand sides, n x m (not modified)
     * @return X, n x m
     * @throws IllegalArgumentException when B does not have n rows
     */
    public DoubleMatrix solve(DoubleMatrix b) {
        if (b.rows() != n) {
            throw new IllegalArgumentException("right-hand side has " + b.rows() + " rows, the system has " + n);
        }
        int m = b.cols();
        DoubleMatrix x = b.copy();
        double[] xd = x.data();
        for (int c = 0; c < m; c++) {
            for (int i = 0; i < n; i++) {
                double s = xd[i * m + c];
                for (int k = 0; k < i; k++) {
                    s -= lower[i * n + k] * xd[k * m + c];
                }
                xd[i * m + c] = s / lower[i * n + i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = xd[i * m + c];
                for (int k = i + 1; k < n; k++) {
                    s -= lower[k * n + i] * xd[k * m + c];
                }
                xd[i * m + c] = s / lower[i * n + i];
            }
        }
        return x;
    }
}
