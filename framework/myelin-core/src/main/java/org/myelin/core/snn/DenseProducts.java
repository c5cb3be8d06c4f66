package org.myelin.core.snn;

import org.myelin.core.linalg.Blas;

/**
 * The engine's two numeric primitives: dense row-major products (delegated to
 * {@link Blas#sgemm}, OpenBLAS when installed) and the {@code axpy} that event-driven
 * accumulation is made of (one presynaptic event adds one contiguous weight row).
 */
final class DenseProducts {

    private DenseProducts() {
    }

    /**
     * @param transA use A transposed (A stored k x m)
     * @param transB use B transposed (B stored n x k)
     * @param m rows of C
     * @param n columns of C
     * @param k inner dimension
     * @param alpha scale of the product
     * @param a left operand
     * @param aOff offset of A's first element
     * @param lda row stride of A
     * @param b right operand
     * @param bOff offset of B's first element
     * @param ldb row stride of B
     * @param beta scale of the old C (0: overwrite)
     * @param c output
     * @param cOff offset of C's first element
     * @param ldc row stride of C
     */
    static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
            float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (beta != 1f) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        c[cOff + i * ldc + j] = beta == 0f ? 0f : beta * c[cOff + i * ldc + j];
                    }
                }
            }
            return;
        }
        Blas.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /**
     * {@code y[yOff..yOff+n) += alpha x[xOff..xOff+n)}.
     *
     * @param alpha scale
     * @param x source
     * @param xOff source offset
     * @param y destination
     * @param yOff destination offset
     * @param n length
     */
    static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        if (alpha == 1f) {
            for (int j = 0; j < n; j++) {
                y[yOff + j] += x[xOff + j];
            }
        } else {
            for (int j = 0; j < n; j++) {
                y[yOff + j] += alpha * x[xOff + j];
            }
        }
    }
}
