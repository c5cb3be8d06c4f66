package org.myelin.core.linalg.internal;

import org.myelin.core.array.DoubleMatrix;
import org.myelin.core.linalg.Cholesky;
import org.myelin.core.linalg.Svd;
import org.myelin.core.linalg.SymmetricEigen;

/**
 * The pure-Java backend: cache-blocked products parallel over blocks of rows of C on a private
 * pool ({@link RowBlockPool}), bit-identical for every thread count; Jacobi SVD; Householder + QL
 * eigen-decomposition; Cholesky solve. Products smaller than {@link #PARALLEL_FLOPS} run in
 * the calling thread, as does a call that finds the pool busy with another caller's product.
 */
public final class JavaBackend implements DenseBackend {

    /** Products with fewer multiply-adds than this run in the calling thread. */
    static final long PARALLEL_FLOPS = 1L << 18;

    private volatile RowBlockPool pool;
    private final ThreadLocal<DgemmKernel> dgemm = ThreadLocal.withInitial(DgemmKernel::new);
    private final ThreadLocal<SgemmKernel> sgemm = ThreadLocal.withInitial(SgemmKernel::new);
    private final ThreadLocal<PackBuffers> callerBuffers = ThreadLocal.withInitial(PackBuffers::new);

    /** @param threads the initial number of threads (at least 1) */
    public JavaBackend(int threads) {
        this.pool = new RowBlockPool(threads);
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public synchronized void setThreads(int n) {
        RowBlockPool old = pool;
        if (n != old.parallelism()) {
            pool = new RowBlockPool(n);
            old.close();
        }
    }

    @Override
    public int threads() {
        return pool.parallelism();
    }

    private void runRows(RowBlockPool.RowTask task, int rows, boolean triangular, long flops) {
        if (rows == 0) {
            return;
        }
        PackBuffers own = callerBuffers.get();
        RowBlockPool p = pool;
        if (flops < PARALLEL_FLOPS || p.parallelism() == 1 || !p.tryRun(rows, triangular, task, own)) {
            task.run(0, rows, own);
        }
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
            float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        SgemmKernel kernel = sgemm.get();
        kernel.set(transA, transB, false, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        try {
            runRows(kernel, m, false, (long) m * n * k);
        } finally {
            kernel.clear();
        }
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOff,
            int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        DgemmKernel kernel = dgemm.get();
        kernel.set(transA, transB, false, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        try {
            runRows(kernel, m, false, (long) m * n * k);
        } finally {
            kernel.clear();
        }
    }

    @Override
    public void dsyrk(boolean trans, int n, int k, double alpha, double[] a, int aOff, int lda, double beta,
            double[] c, int cOff, int ldc) {
        DgemmKernel kernel = dgemm.get();
        // A A^T = op(A) op(B) with B = A, op(B) = A^T; A^T A likewise with the roles swapped
        kernel.set(trans, !trans, true, n, k, alpha, a, aOff, lda, a, aOff, lda, beta, c, cOff, ldc);
        try {
            runRows(kernel, n, true, (long) n * n * k / 2);
        } finally {
            kernel.clear();
        }
        SymmetricMirror.lowerFromUpper(c, cOff, ldc, n);
    }

    @Override
    public void crossProducts(int n, double[] a, double[] aShift, int p, double[] b, double[] bShift, int q, double[] aa,
            double[] ab, double[] bb, boolean lowerTriangles) {
        double[] sa = ColumnShift.shifted(a, aShift, n, p);
        double[] sb = ColumnShift.shifted(b, bShift, n, q);
        dsyrk(true, p, n, 1.0, sa, 0, p, 0.0, aa, 0, p);
        dgemm(true, false, p, q, n, 1.0, sa, 0, p, sb, 0, q, 0.0, ab, 0, q);
        dsyrk(true, q, n, 1.0, sb, 0, q, 0.0, bb, 0, q);
    }

    @Override
    public Svd svd(double[] a, int m, int n) {
        return JacobiSvd.of(a, m, n, pool, callerBuffers.get());
    }

    @Override
    public SymmetricEigen symmetricEigen(double[] a, int n) {
        return TridiagonalEigen.of(a, n);
    }

    @Override
    public double[] symmetricEigenvalues(double[] a, int n) {
        // the QL iteration without accumulating the transformations is not worth a second code
        // path here: the Java backend is the fallback, and the values are those of the full solve
        return TridiagonalEigen.of(a, n).values();
    }

    @Override
    public double[] choleskySolve(double[] spd, int n, double[] b, int nrhs) {
        Cholesky factor = Cholesky.of(DoubleMatrix.wrap(n, n, spd));
        return factor.solve(DoubleMatrix.wrap(n, nrhs, b)).data();
    }
}
