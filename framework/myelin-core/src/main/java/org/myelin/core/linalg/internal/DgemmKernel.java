package org.myelin.core.linalg.internal;

import java.util.Arrays;

/**
 * The pure-Java float64 product {@code C = alpha op(A) op(B) + beta C} on row-major arrays, for
 * a range of rows of C, as a reusable task (one per calling thread, so a call allocates nothing).
 *
 * <p>Blocking: columns of C in blocks of {@link #NB}, the inner dimension in blocks of
 * {@link #KB}; a transposed B is packed block by block into a per-thread buffer so that the inner
 * loop always streams a contiguous row of {@code op(B)} into a contiguous row of C. Four inner
 * indices are folded into one update. Every element of C is summed in the same order whatever
 * the rows handled by a thread, so the result does not depend on the thread count.
 *
 * <p>With {@code upper} only the elements on and above the diagonal are computed (for
 * {@code dsyrk}); the caller mirrors them.
 */
final class DgemmKernel implements RowBlockPool.RowTask {

    /** Columns of C per block. */
    static final int NB = 256;
    /** Inner-dimension entries per block. */
    static final int KB = 128;


    private boolean transA;
    private boolean transB;
    private boolean upper;
    private int n;
    private int k;
    private double alpha;
    private double[] a;
    private int aOff;
    private int lda;
    private double[] b;
    private int bOff;
    private int ldb;
    private double beta;
    private double[] c;
    private int cOff;
    private int ldc;

    /** Sets the arguments of the next call; see {@code Blas.dgemm} for their meaning. */
    void set(boolean transA, boolean transB, boolean upper, int n, int k, double alpha, double[] a, int aOff, int lda,
            double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        this.transA = transA;
        this.transB = transB;
        this.upper = upper;
        this.n = n;
        this.k = k;
        this.alpha = alpha;
        this.a = a;
        this.aOff = aOff;
        this.lda = lda;
        this.b = b;
        this.bOff = bOff;
        this.ldb = ldb;
        this.beta = beta;
        this.c = c;
        this.cOff = cOff;
        this.ldc = ldc;
    }

    /** Drops the references to the caller's arrays. */
    void clear() {
        a = null;
        b = null;
        c = null;
    }

    @Override
    public void run(int from, int to, PackBuffers buffers) {
        scale(from, to);
        if (alpha == 0.0 || k == 0) {
            return;
        }
        for (int jb = 0; jb < n; jb += NB) {
            int jn = Math.min(NB, n - jb);
            int iEnd = upper ? Math.min(to, jb + jn) : to;
            if (iEnd <= from) {
                continue;
            }
            for (int pb = 0; pb < k; pb += KB) {
                int pk = Math.min(KB, k - pb);
                double[] panel;
                int pOff;
                int ps;
                if (transB) {
                    panel = buffers.doubles(pk * jn);
                    for (int jj = 0; jj < jn; jj++) {
                        int src = bOff + (jb + jj) * ldb + pb;
                        for (int pp = 0; pp < pk; pp++) {
                            panel[pp * jn + jj] = b[src + pp];
                        }
                    }
                    pOff = 0;
                    ps = jn;
                } else {
                    panel = b;
                    pOff = bOff + pb * ldb + jb;
                    ps = ldb;
                }
                for (int i = from; i < iEnd; i++) {
                    block(i, jb, jn, pb, pk, panel, pOff, ps);
                }
            }
        }
    }

    private void block(int i, int jb, int jn, int pb, int pk, double[] panel, int pOff, int ps) {
        int j0 = upper ? Math.max(0, i - jb) : 0;
        int ci = cOff + i * ldc + jb;
        double[] cc = c;
        int aStep = transA ? lda : 1;
        int ai = transA ? aOff + pb * lda + i : aOff + i * lda + pb;
        int pp = 0;
        for (; pp + 3 < pk; pp += 4) {
            double s0 = alpha * a[ai];
            double s1 = alpha * a[ai + aStep];
            double s2 = alpha * a[ai + 2 * aStep];
            double s3 = alpha * a[ai + 3 * aStep];
            ai += 4 * aStep;
            int b0 = pOff + pp * ps;
            int b1 = b0 + ps;
            int b2 = b1 + ps;
            int b3 = b2 + ps;
            for (int jj = j0; jj < jn; jj++) {
                cc[ci + jj] += s0 * panel[b0 + jj] + s1 * panel[b1 + jj] + s2 * panel[b2 + jj] + s3 * panel[b3 + jj];
            }
        }
        for (; pp < pk; pp++) {
            double s0 = alpha * a[ai];
            ai += aStep;
            int b0 = pOff + pp * ps;
            for (int jj = j0; jj < jn; jj++) {
                cc[ci + jj] += s0 * panel[b0 + jj];
            }
        }
    }

    private void scale(int from, int to) {
        for (int i = from; i < to; i++) {
            int row = cOff + i * ldc;
            int j0 = upper ? i : 0;
            if (beta == 0.0) {
                Arrays.fill(c, row + j0, row + n, 0.0);
            } else if (beta != 1.0) {
                for (int j = j0; j < n; j++) {
                    c[row + j] *= beta;
                }
            }
        }
    }
}
