package org.myelin.core.linalg;

import org.myelin.core.linalg.internal.BackendChoice;

/**
 * Dense factorisations on row-major Java arrays: thin SVD, symmetric eigen-decomposition (or
 * the eigenvalues alone) and Cholesky solve, on the backend {@link Blas#backend()} names
 * (LAPACK's {@code dgesdd}, {@code dsyevd} and {@code dposv} under OpenBLAS; Jacobi SVD, Householder + QL and a plain
 * Cholesky in Java). Inputs are never modified; results are new arrays. Non-finite input is
 * rejected with an {@link IllegalArgumentException} naming the row and column.
 */
public final class Lapack {

    private Lapack() {
    }

    /**
     * The thin SVD {@code A = U diag(s) Vt} with {@code r = min(m, n)}.
     *
     * @param a m x n row-major (not modified)
     * @param m rows
     * @param n columns
     * @return U (m x r), s (r, descending), Vt (r x n); singular vectors are unique only up to sign
     * @throws IllegalArgumentException when the array length is not {@code m * n} or A is not finite
     */
    public static Svd svd(double[] a, int m, int n) {
        if (m < 0 || n < 0) {
            throw new IllegalArgumentException("svd: shape " + m + " x " + n + " is negative");
        }
        if (a.length != (long) m * n) {
            throw new IllegalArgumentException("svd: A has " + a.length + " elements, a " + m + " x " + n + " matrix needs " + (long) m * n);
        }
        MatrixArguments.finite("svd", a, Math.max(n, 1), "A");
        if (m == 0 || n == 0) {
            return new Svd(m, n, new double[0], new double[0], new double[0]);
        }
        return BackendChoice.backend().svd(a, m, n);
    }

    /**
     * The eigen-decomposition {@code A = V diag(values) V^T} of a symmetric matrix. Only the
     * lower triangle is read (the upper one is assumed to mirror it).
     *
     * @param a symmetric n x n row-major (not modified)
     * @param n order
     * @return eigenvalues ascending; eigenvectors as the columns of an n x n row-major matrix
     * @throws IllegalArgumentException when the array length is not {@code n * n} or A is not finite
     */
    public static SymmetricEigen symmetricEigen(double[] a, int n) {
        MatrixArguments.square("symmetricEigen", a.length, n, "A");
        MatrixArguments.finite("symmetricEigen", a, Math.max(n, 1), "A");
        if (n == 0) {
            return new SymmetricEigen(0, new double[0], new double[0]);
        }
        return BackendChoice.backend().symmetricEigen(a, n);
    }

    /**
     * The eigenvalues of a symmetric matrix without its eigenvectors (LAPACK {@code dsyevd} with
     * {@code jobz = 'N'}, about a third of the full decomposition's time). Only the lower triangle
     * is read.
     *
     * @param a symmetric n x n row-major (not modified)
     * @param n order
     * @return eigenvalues ascending
     * @throws IllegalArgumentException when the array length is not {@code n * n} or A is not finite
     */
    public static double[] symmetricEigenvalues(double[] a, int n) {
        MatrixArguments.square("symmetricEigenvalues", a.length, n, "A");
        MatrixArguments.finite("symmetricEigenvalues", a, Math.max(n, 1), "A");
        if (n == 0) {
            return new double[0];
        }
        return BackendChoice.backend().symmetricEigenvalues(a, n);
    }

    /**
     * Solves {@code S X = B} for a symmetric positive definite S by its Cholesky factor.
     *
     * @param spd S, n x n row-major (not modified; only the lower triangle is read)
     * @param n order
     * @param b B, n x nrhs row-major (not modified)
     * @param nrhs number of right-hand sides (columns of B)
     * @return X, n x nrhs row-major
     * @throws IllegalArgumentException when a length does not match, the input is not finite, or S is not (numerically) positive definite, naming the failing pivot
     */
    public static double[] choleskySolve(double[] spd, int n, double[] b, int nrhs) {
        MatrixArguments.square("choleskySolve", spd.length, n, "S");
        if (nrhs < 0 || b.length != (long) n * nrhs) {
            throw new IllegalArgumentException("choleskySolve: B has " + b.length + " elements, an " + n + " x " + nrhs
                    + " right-hand side needs " + (long) n * Math.max(nrhs, 0));
        }
        MatrixArguments.finite("choleskySolve", spd, Math.max(n, 1), "S");
        MatrixArguments.finite("choleskySolve", b, Math.max(nrhs, 1), "B");
        if (n == 0 || nrhs == 0) {
            return new double[n * nrhs];
        }
        return BackendChoice.backend().choleskySolve(spd, n, b, nrhs);
    }
}
