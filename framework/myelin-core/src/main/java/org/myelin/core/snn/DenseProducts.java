package org.myelin.core.snn;

/**
 * Row-major single-precision products {@code C = alpha op(A) op(B) + beta C} with the signature
 * of {@code org.myelin.core.linalg.Blas.sgemm}, so the engine's dense work has one call site to
 * move onto the BLAS backend. This plain-Java version sums every output element in ascending
 * order of the inner index and skips zero entries of {@code A} when {@code A} is not transposed
 * or when it is ({@code 0 * x} contributes nothing), which makes a product with a 0/1 spike
 * matrix bit-identical to the engine's event-driven accumulation.
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
        if (beta != 1f) {
            for (int i = 0; i < m; i++) {
                int ci = cOff + i * ldc;
                for (int j = 0; j < n; j++) {
                    c[ci + j] = beta == 0f ? 0f : beta * c[ci + j];
                }
            }
        }
        if (!transB) {
            if (!transA) {
                for (int i = 0; i < m; i++) {
                    int ai = aOff + i * lda;
                    int ci = cOff + i * ldc;
                    for (int p = 0; p < k; p++) {
                        float av = a[ai + p];
                        if (av != 0f) {
                            axpy(alpha * av, b, bOff + p * ldb, c, ci, n);
                        }
                    }
                }
            } else {
                for (int p = 0; p < k; p++) {
                    int ap = aOff + p * lda;
                    int bp = bOff + p * ldb;
                    for (int i = 0; i < m; i++) {
                        float av = a[ap + i];
                        if (av != 0f) {
                            axpy(alpha * av, b, bp, c, cOff + i * ldc, n);
                        }
                    }
                }
            }
        } else {
            for (int i = 0; i < m; i++) {
                int ci = cOff + i * ldc;
                for (int j = 0; j < n; j++) {
                    int bj = bOff + j * ldb;
                    float s = 0f;
                    if (!transA) {
                        int ai = aOff + i * lda;
                        for (int p = 0; p < k; p++) {
                            s += a[ai + p] * b[bj + p];
                        }
                    } else {
                        for (int p = 0; p < k; p++) {
                            s += a[aOff + p * lda + i] * b[bj + p];
                        }
                    }
                    c[ci + j] += alpha * s;
                }
            }
        }
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
