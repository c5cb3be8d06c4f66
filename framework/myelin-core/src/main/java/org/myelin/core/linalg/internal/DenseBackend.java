package org.myelin.core.linalg.internal;

import org.myelin.core.array.ColumnMeans;
import org.myelin.core.linalg.CentredCrossProducts;
import org.myelin.core.linalg.CrossProduct;

import org.myelin.core.linalg.Svd;
import org.myelin.core.linalg.SymmetricEigen;

/**
 * One implementation of the dense kernels behind {@code Blas} and {@code Lapack}. Arguments
 * arrive already checked (shapes, strides, array lengths), row-major.
 */
public interface DenseBackend {

    /** @return a short description, e.g. {@code "java"} or {@code "openblas 0.3.31 (javacpp)"} */
    String name();

    /** @param n the number of threads the kernels may use (at least 1) */
    void setThreads(int n);

    /** @return the number of threads the kernels may use */
    int threads();

    /**
     * {@code C = alpha op(A) op(B) + beta C} in float32; see {@code Blas.sgemm}.
     *
     * @param transA use A transposed
     * @param transB use B transposed
     * @param m rows of C
     * @param n columns of C
     * @param k inner dimension
     * @param alpha scale of the product
     * @param a A
     * @param aOff first element of A
     * @param lda row stride of A
     * @param b B
     * @param bOff first element of B
     * @param ldb row stride of B
     * @param beta scale of C (0: C is not read)
     * @param c C
     * @param cOff first element of C
     * @param ldc row stride of C
     */
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
            float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc);

    /**
     * {@code C = alpha op(A) op(B) + beta C} in float64; see {@code Blas.dgemm}.
     *
     * @param transA use A transposed
     * @param transB use B transposed
     * @param m rows of C
     * @param n columns of C
     * @param k inner dimension
     * @param alpha scale of the product
     * @param a A
     * @param aOff first element of A
     * @param lda row stride of A
     * @param b B
     * @param bOff first element of B
     * @param ldb row stride of B
     * @param beta scale of C (0: C is not read)
     * @param c C
     * @param cOff first element of C
     * @param ldc row stride of C
     */
    void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOff, int lda,
            double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc);

    /**
     * {@code C = alpha A A^T + beta C} (or {@code A^T A} when {@code trans}), both triangles written;
     * see {@code Blas.dsyrk}.
     *
     * @param trans use {@code A^T A} (A is k x n) instead of {@code A A^T} (A is n x k)
     * @param n order of C
     * @param k inner dimension
     * @param alpha scale of the product
     * @param a A
     * @param aOff first element of A
     * @param lda row stride of A
     * @param beta scale of C (0: C is not read)
     * @param c C
     * @param cOff first element of C
     * @param ldc row stride of C
     */
    void dsyrk(boolean trans, int n, int k, double alpha, double[] a, int aOff, int lda, double beta, double[] c,
            int cOff, int ldc);

    /**
     * The three cross products of two column blocks with the same rows, each column first shifted
     * by a value: {@code A^T A}, {@code A^T B} and {@code B^T B} of the shifted blocks, all full
     * (both triangles of the symmetric ones); see {@code Blas.crossProducts}.
     *
     * @param n rows of A and B
     * @param a A, n x p row-major, contiguous
     * @param aShift p values subtracted from A's columns, or {@code null}
     * @param p columns of A
     * @param b B, n x q row-major, contiguous
     * @param bShift q values subtracted from B's columns, or {@code null}
     * @param q columns of B
     * @param aa p x p result
     * @param ab p x q result
     * @param bb q x q result
     * @param lowerTriangles whether the strictly lower triangles of aa and bb are written too
     */
    void crossProducts(int n, double[] a, double[] aShift, int p, double[] b, double[] bShift, int q, double[] aa, double[] ab,
            double[] bb, boolean lowerTriangles);

    /**
     * {@code A'B} and the column sums of squares of A and B; see {@code Blas.crossProductWithSquares}.
     * This default takes the sums in one pass over each operand, then {@link #dgemm}.
     *
     * @param n rows
     * @param a A, n x p row-major
     * @param p columns of A
     * @param b B, n x q row-major
     * @param q columns of B
     * @return the product and the sums
     */
    default CrossProduct crossProductWithSquares(int n, double[] a, int p, double[] b, int q) {
        double[] ab = new double[p * q];
        dgemm(true, false, p, q, n, 1.0, a, 0, p, b, 0, q, 0.0, ab, 0, q);
        return new CrossProduct(ab, ColumnMeans.sumsOfSquares(a, n, p), ColumnMeans.sumsOfSquares(b, n, q));
    }

    /**
     * Column means and squared norms of the centred cross products; see
     * {@code Blas.centredCrossProducts}. This default takes the means ({@link ColumnMeans}), the
     * shifted {@link #crossProducts} on the heap and the norms of their upper triangles.
     *
     * @param n rows, at least 1
     * @param a A, n x p row-major
     * @param p columns of A, at least 1
     * @param b B, n x q row-major
     * @param q columns of B, at least 1
     * @return means and norms
     */
    default CentredCrossProducts centredCrossProducts(int n, double[] a, int p, double[] b, int q) {
        double[] ma = ColumnMeans.of(a, n, p);
        double[] mb = ColumnMeans.of(b, n, q);
        CentredCrossProducts unusable = new CentredCrossProducts(ma, mb, Double.NaN, Double.NaN, Double.NaN);
        if (!unusable.finite()) {
            return unusable;
        }
        double[] aa = new double[p * p];
        double[] ab = new double[p * q];
        double[] bb = new double[q * q];
        crossProducts(n, a, ma, p, b, mb, q, aa, ab, bb, false);
        return new CentredCrossProducts(ma, mb, CrossProductNorms.upperTriangle(aa, p), CrossProductNorms.all(ab),
                CrossProductNorms.upperTriangle(bb, q));
    }

    /**
     * @param a m x n row-major (not modified)
     * @param m rows
     * @param n columns
     * @return the thin SVD
     */
    Svd svd(double[] a, int m, int n);

    /**
     * @param a symmetric n x n row-major (not modified)
     * @param n order
     * @return eigenvalues ascending and eigenvectors as columns
     */
    SymmetricEigen symmetricEigen(double[] a, int n);

    /**
     * @param a symmetric n x n row-major (not modified; the lower triangle is read)
     * @param n order
     * @return the eigenvalues, ascending, without forming eigenvectors
     */
    double[] symmetricEigenvalues(double[] a, int n);

    /**
     * @param spd symmetric positive definite n x n (not modified)
     * @param n order
     * @param b n x nrhs right-hand sides (not modified)
     * @param nrhs number of right-hand sides
     * @return the solution, n x nrhs
     * @throws IllegalArgumentException when the matrix is not positive definite, naming the pivot
     */
    double[] choleskySolve(double[] spd, int n, double[] b, int nrhs);
}
