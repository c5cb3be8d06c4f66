package org.myelin.core.linalg;

import org.myelin.core.linalg.internal.BackendChoice;

/**
 * BLAS level-3 products on row-major Java arrays, behind one facade: OpenBLAS (through the
 * {@code myelin-openblas} bundle) when it is installed and works, otherwise a pure-Java backend
 * (cache-blocked, parallel over blocks of rows, bit-identical for every thread count). The
 * choice is made once per JVM; {@code -Dmyelin.blas=java|openblas|auto} forces it and
 * {@code -Dmyelin.blas.threads=N} sets the initial thread count.
 *
 * <p>All matrices are row-major: element (i, j) of a stored matrix X with row stride
 * {@code ldx} sits at {@code x[xOff + i * ldx + j]}. {@code op(X)} is X or its transpose.
 * Inputs are never modified; C may not overlap A or B. Arguments are checked before any work
 * and a bad one gets an {@link IllegalArgumentException} that names it.
 */
public final class Blas {

    private Blas() {
    }

    /** @return the backend in use, e.g. {@code "openblas 0.3.31 (javacpp)"} or {@code "java"} */
    public static String backend() {
        return BackendChoice.backend().name();
    }

    /**
     * Sets the number of threads the products (and the LAPACK routines of {@link Lapack}) may
     * use; for OpenBLAS this is its global thread count.
     *
     * @param n the thread count (at least 1)
     * @throws IllegalArgumentException when {@code n < 1}
     */
    public static void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + n);
        }
        BackendChoice.backend().setThreads(n);
    }

    /** @return the number of threads the products may use */
    public static int threads() {
        return BackendChoice.backend().threads();
    }

    /**
     * {@code C = alpha op(A) op(B) + beta C} in float32, where op(A) is m x k, op(B) k x n and C m x n.
     * With {@code beta == 0} C is not read (NaN in C does not propagate).
     *
     * @param transA whether A is stored k x m and used transposed
     * @param transB whether B is stored n x k and used transposed
     * @param m rows of C
     * @param n columns of C
     * @param k inner dimension
     * @param alpha scale of the product
     * @param a A (m x k, or k x m when {@code transA})
     * @param aOff index of A's first element
     * @param lda row stride of the stored A
     * @param b B (k x n, or n x k when {@code transB})
     * @param bOff index of B's first element
     * @param ldb row stride of the stored B
     * @param beta scale of the old C
     * @param c C, m x n, overwritten
     * @param cOff index of C's first element
     * @param ldc row stride of C
     * @throws IllegalArgumentException when a dimension, offset or stride does not fit the arrays, or C overlaps A or B
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff,
            int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        MatrixArguments.dims("sgemm", m, n, k);
        long aEnd = MatrixArguments.operand("sgemm", "A", a.length, aOff, lda, transA ? k : m, transA ? m : k);
        long bEnd = MatrixArguments.operand("sgemm", "B", b.length, bOff, ldb, transB ? n : k, transB ? k : n);
        long cEnd = MatrixArguments.operand("sgemm", "C", c.length, cOff, ldc, m, n);
        MatrixArguments.noOverlap("sgemm", c, cOff, cEnd, a, aOff, aEnd, "A");
        MatrixArguments.noOverlap("sgemm", c, cOff, cEnd, b, bOff, bEnd, "B");
        if (m == 0 || n == 0) {
            return;
        }
        BackendChoice.backend().sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /**
     * {@code C = alpha op(A) op(B) + beta C} in float64; arguments as in
     * {@link #sgemm(boolean, boolean, int, int, int, float, float[], int, int, float[], int, int, float, float[], int, int)}.
     *
     * @param transA whether A is stored k x m and used transposed
     * @param transB whether B is stored n x k and used transposed
     * @param m rows of C
     * @param n columns of C
     * @param k inner dimension
     * @param alpha scale of the product
     * @param a A (m x k, or k x m when {@code transA})
     * @param aOff index of A's first element
     * @param lda row stride of the stored A
     * @param b B (k x n, or n x k when {@code transB})
     * @param bOff index of B's first element
     * @param ldb row stride of the stored B
     * @param beta scale of the old C
     * @param c C, m x n, overwritten
     * @param cOff index of C's first element
     * @param ldc row stride of C
     * @throws IllegalArgumentException when a dimension, offset or stride does not fit the arrays, or C overlaps A or B
     */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOff,
            int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        MatrixArguments.dims("dgemm", m, n, k);
        long aEnd = MatrixArguments.operand("dgemm", "A", a.length, aOff, lda, transA ? k : m, transA ? m : k);
        long bEnd = MatrixArguments.operand("dgemm", "B", b.length, bOff, ldb, transB ? n : k, transB ? k : n);
        long cEnd = MatrixArguments.operand("dgemm", "C", c.length, cOff, ldc, m, n);
        MatrixArguments.noOverlap("dgemm", c, cOff, cEnd, a, aOff, aEnd, "A");
        MatrixArguments.noOverlap("dgemm", c, cOff, cEnd, b, bOff, bEnd, "B");
        if (m == 0 || n == 0) {
            return;
        }
        BackendChoice.backend().dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /**
     * The symmetric rank-k update {@code C = alpha A A^T + beta C} (A stored n x k), or with
     * {@code trans} {@code C = alpha A^T A + beta C} (A stored k x n), e.g. the Gram matrix
     * {@code X^T X} of a samples x features X. Both triangles of the n x n result are written
     * (the lower one mirrors the upper one exactly); only the upper triangle of the old C is read.
     *
     * @param trans whether A is stored k x n and the product is {@code A^T A}
     * @param n order of C
     * @param k inner dimension
     * @param alpha scale of the product
     * @param a A
     * @param aOff index of A's first element
     * @param lda row stride of the stored A
     * @param beta scale of the old C (0: C is not read)
     * @param c C, n x n, overwritten
     * @param cOff index of C's first element
     * @param ldc row stride of C
     * @throws IllegalArgumentException when a dimension, offset or stride does not fit the arrays, or C overlaps A
     */
    public static void dsyrk(boolean trans, int n, int k, double alpha, double[] a, int aOff, int lda, double beta,
            double[] c, int cOff, int ldc) {
        MatrixArguments.dims("dsyrk", n, n, k);
        long aEnd = MatrixArguments.operand("dsyrk", "A", a.length, aOff, lda, trans ? k : n, trans ? n : k);
        long cEnd = MatrixArguments.operand("dsyrk", "C", c.length, cOff, ldc, n, n);
        MatrixArguments.noOverlap("dsyrk", c, cOff, cEnd, a, aOff, aEnd, "A");
        if (n == 0) {
            return;
        }
        BackendChoice.backend().dsyrk(trans, n, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
    }
    /**
     * The three cross products of two column blocks over the same rows, {@code A^T A} (p x p),
     * {@code A^T B} (p x q) and {@code B^T B} (q x q), e.g. the feature-space products of two
     * representations of the same stimuli (linear CKA, CCA). One call instead of
     * {@link #dsyrk} + {@link #dgemm} + {@link #dsyrk}: under OpenBLAS each operand is copied to
     * native memory once, not twice. Both triangles of the symmetric results are written.
     *
     * @param n rows of A and B
     * @param a A, n x p row-major, contiguous ({@code a.length == n * p})
     * @param p columns of A
     * @param b B, n x q row-major, contiguous
     * @param q columns of B
     * @param aa receives {@code A^T A}, length {@code p * p}
     * @param ab receives {@code A^T B}, length {@code p * q}
     * @param bb receives {@code B^T B}, length {@code q * q}
     * @throws IllegalArgumentException when an array length does not match the shape, or a result overlaps an operand
     */
    public static void crossProducts(int n, double[] a, int p, double[] b, int q, double[] aa, double[] ab, double[] bb) {
        crossProducts(n, a, null, p, b, null, q, aa, ab, bb, true);
    }

    /**
     * The cross products of two column blocks after subtracting a value from every column:
     * {@code (A - 1 s_a^T)^T (A - 1 s_a^T)}, {@code (A - 1 s_a^T)^T (B - 1 s_b^T)} and
     * {@code (B - 1 s_b^T)^T (B - 1 s_b^T)}. With the column means as shifts these are the centred
     * cross products (scatter matrices) of two representations, computed without a centred copy
     * on the Java heap: under OpenBLAS the subtraction happens while the operands are copied to
     * native memory. A caller that reads only the upper triangles of the symmetric results (a
     * Frobenius norm, say) can skip the pass that mirrors them into the lower ones.
     *
     * @param n rows of A and B
     * @param a A, n x p row-major, contiguous
     * @param aShift p values subtracted from A's columns, or {@code null} for none
     * @param p columns of A
     * @param b B, n x q row-major, contiguous
     * @param bShift q values subtracted from B's columns, or {@code null} for none
     * @param q columns of B
     * @param aa receives the p x p product of shifted A with itself
     * @param ab receives the p x q product of shifted A and shifted B
     * @param bb receives the q x q product of shifted B with itself
     * @param lowerTriangles whether to write the strictly lower triangles of {@code aa} and
     *        {@code bb}; when false their contents there are unspecified
     * @throws IllegalArgumentException when an array length does not match the shape, or a result overlaps an operand
     */
    public static void crossProducts(int n, double[] a, double[] aShift, int p, double[] b, double[] bShift, int q, double[] aa,
            double[] ab, double[] bb, boolean lowerTriangles) {
        MatrixArguments.dims("crossProducts", p, q, n);
        if (aShift != null) {
            exactLength("crossProducts", "shift of A", aShift, p, "1 x " + p);
        }
        if (bShift != null) {
            exactLength("crossProducts", "shift of B", bShift, q, "1 x " + q);
        }
        exactLength("crossProducts", "A", a, (long) n * p, n + " x " + p);
        exactLength("crossProducts", "B", b, (long) n * q, n + " x " + q);
        exactLength("crossProducts", "A^T A", aa, (long) p * p, p + " x " + p);
        exactLength("crossProducts", "A^T B", ab, (long) p * q, p + " x " + q);
        exactLength("crossProducts", "B^T B", bb, (long) q * q, q + " x " + q);
        for (double[] r : new double[][] {aa, ab, bb}) {
            if (r == a || r == b) {
                throw new IllegalArgumentException("crossProducts: a result array is also an operand");
            }
        }
        if (aa == ab || aa == bb || ab == bb) {
            throw new IllegalArgumentException("crossProducts: the three results need three distinct arrays");
        }
        if (p == 0 || q == 0) {
            java.util.Arrays.fill(aa, 0.0);
            java.util.Arrays.fill(ab, 0.0);
            java.util.Arrays.fill(bb, 0.0);
            return;
        }
        BackendChoice.backend().crossProducts(n, a, aShift, p, b, bShift, q, aa, ab, bb, lowerTriangles);
    }

    /**
     * The column means of A (n x p) and B (n x q) and the squared Frobenius norms of their three
     * centred cross products, without forming a centred copy or the products on the Java heap.
     * Under OpenBLAS both operands are copied to native memory once, side by side with a column
     * of ones, and one syrk of {@code [A | B | 1]} gives the three products, the column sums and
     * the sums of squares. When every column's mean is at most its standard deviation the
     * products of the uncentred data are corrected by rank-1 updates ({@code A'A - n m m'}, which
     * loses no accuracy at that offset). An operand whose sampled rows (128) show a column with
     * a mean above half its standard deviation is centred on the copy first instead; the exact
     * means from the product check the others, and the product is taken again if the sample
     * misled. The norms are taken in native memory. The means agree with
     * {@link org.myelin.core.array.ColumnMeans} to rounding (BLAS sums in its own order).
     *
     * @param n rows of A and B, at least 1
     * @param a A, n x p row-major, contiguous
     * @param p columns of A, at least 1
     * @param b B, n x q row-major, contiguous
     * @param q columns of B, at least 1
     * @return the means and the three squared norms (see {@link CentredCrossProducts} for non-finite input)
     * @throws IllegalArgumentException when an array length does not match the shape
     */
    public static CentredCrossProducts centredCrossProducts(int n, double[] a, int p, double[] b, int q) {
        twoNonEmptyOperands("centredCrossProducts", n, a, p, b, q);
        return BackendChoice.backend().centredCrossProducts(n, a, p, b, q);
    }

    /**
     * {@code A'B} (p x q) and the column sums of squares of A (n x p) and B (n x q), each operand
     * read once: under OpenBLAS the sums are taken while the operand is copied to native memory
     * for the product, so a caller that needs the column norms (squared Euclidean or cosine
     * distances between columns) makes no pass of its own.
     *
     * @param n rows of A and B, at least 1
     * @param a A, n x p row-major, contiguous
     * @param p columns of A, at least 1
     * @param b B, n x q row-major, contiguous
     * @param q columns of B, at least 1
     * @return the product and the sums (see {@link CrossProduct} for non-finite input)
     * @throws IllegalArgumentException when an array length does not match the shape
     */
    public static CrossProduct crossProductWithSquares(int n, double[] a, int p, double[] b, int q) {
        twoNonEmptyOperands("crossProductWithSquares", n, a, p, b, q);
        return BackendChoice.backend().crossProductWithSquares(n, a, p, b, q);
    }

    /** Checks two row-major operands with the same n >= 1 rows and at least one column each. */
    private static void twoNonEmptyOperands(String method, int n, double[] a, int p, double[] b, int q) {
        MatrixArguments.dims(method, p, q, n);
        if (n < 1 || p < 1 || q < 1) {
            throw new IllegalArgumentException(method + ": needs at least one row and one column in each operand, got n = " + n
                    + ", p = " + p + ", q = " + q);
        }
        exactLength(method, "A", a, (long) n * p, n + " x " + p);
        exactLength(method, "B", b, (long) n * q, n + " x " + q);
    }

    private static void exactLength(String method, String name, double[] x, long expected, String shape) {
        if (x.length != expected) {
            throw new IllegalArgumentException(method + ": " + name + " has " + x.length + " elements, a " + shape
                    + " matrix needs " + expected);
        }
    }
}
