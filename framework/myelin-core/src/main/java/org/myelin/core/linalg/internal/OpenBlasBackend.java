package org.myelin.core.linalg.internal;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.myelin.core.linalg.CentredCrossProducts;
import org.myelin.core.linalg.CrossProduct;
import org.myelin.core.linalg.Svd;
import org.myelin.core.linalg.SymmetricEigen;

/**
 * The OpenBLAS backend through the JavaCPP preset of the {@code myelin-openblas} bundle:
 * {@code cblas_sgemm/dgemm/dsyrk} on per-thread reused native buffers, LAPACKE {@code dgesdd},
 * {@code dsyevd} (with or without vectors) and {@code dposv} on copies of the input. Loaded by
 * name from {@link BackendChoice}, so that core works without the bundle. The constructor loads
 * the natives and checks a 2 x 2 product; any failure there makes the caller fall back to Java.
 *
 * <p>LAPACK routines run with one OpenBLAS thread unless {@code -Dmyelin.lapack.threads=N} says
 * otherwise. Their reductions (tridiagonal, bidiagonal) are long chains of level-2 calls that a
 * second thread barely speeds up on a quiet machine (512 x 512 {@code dsyevd}: 21 ms with two
 * threads, 16 ms with one) and slows down by 2-10x when another process wants the same cores,
 * since every call waits for both threads.
 */
public final class OpenBlasBackend implements DenseBackend {

    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;
    private static final int UPPER = 121;

    /** System property: OpenBLAS threads inside LAPACK routines (default 1, see the class comment). */
    public static final String LAPACK_THREADS_PROPERTY = "myelin.lapack.threads";

    private final String name;
    private final ThreadLocal<OffHeapBuffers> buffers = ThreadLocal.withInitial(OffHeapBuffers::new);
    private final int lapackThreads = Math.max(1, Integer.getInteger(LAPACK_THREADS_PROPERTY, 1));
    private final Object threadLock = new Object();
    private int blasThreads;
    private int activeLapackCalls;
    private final ThreadCountSetter threadCount = new ThreadCountSetter();

    /**
     * Loads OpenBLAS and checks it.
     *
     * @param threads the initial OpenBLAS thread count
     * @throws IllegalStateException when the check product is wrong
     * @throws LinkageError when the natives do not load
     */
    public OpenBlasBackend(int threads) {
        setThreads(threads);
        double[] a = {1, 2, 3, 4};
        double[] c = new double[4];
        openblas.cblas_dgemm(ROW_MAJOR, NO_TRANS, NO_TRANS, 2, 2, 2, 1.0, a, 2, a, 2, 0.0, c, 2);
        // [1 2; 3 4]^2 = [7 10; 15 22]
        if (c[0] != 7 || c[1] != 10 || c[2] != 15 || c[3] != 22) {
            throw new IllegalStateException("OpenBLAS check product gave " + java.util.Arrays.toString(c) + " instead of [7, 10, 15, 22]");
        }
        this.name = "openblas " + openblas.OPENBLAS_VERSION.trim().replace("OpenBLAS ", "") + " (javacpp)";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void setThreads(int n) {
        synchronized (threadLock) {
            blasThreads = n;
            if (activeLapackCalls == 0) {
                threadCount.set(n);
            }
        }
    }

    @Override
    public int threads() {
        synchronized (threadLock) {
            return blasThreads;
        }
    }

    /**
     * Runs a LAPACK routine with OpenBLAS set to {@link #LAPACK_THREADS_PROPERTY} threads and
     * restores the BLAS thread count when the last concurrent LAPACK call returns. OpenBLAS has
     * one global thread count; a product another Java thread starts meanwhile runs with the
     * LAPACK count, which only affects its speed.
     */
    private <T> T lapack(java.util.function.Supplier<T> routine) {
        synchronized (threadLock) {
            if (activeLapackCalls++ == 0 && lapackThreads != blasThreads) {
                threadCount.set(lapackThreads);
            }
        }
        try {
            return routine.get();
        } finally {
            synchronized (threadLock) {
                if (--activeLapackCalls == 0 && lapackThreads != blasThreads) {
                    threadCount.set(blasThreads);
                }
            }
        }
    }

    private static long span(int rows, int cols, int ld) {
        return rows == 0 || cols == 0 ? 0 : (long) (rows - 1) * ld + cols;
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
            float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        OffHeapBuffers buf = buffers.get();
        long aLen = span(transA ? k : m, transA ? m : k, lda);
        long bLen = span(transB ? n : k, transB ? k : n, ldb);
        long cLen = span(m, n, ldc);
        FloatPointer pa = buf.floats(0, aLen).put(a, aOff, (int) aLen);
        FloatPointer pb = buf.floats(1, bLen).put(b, bOff, (int) bLen);
        FloatPointer pc = buf.floats(2, cLen);
        if (beta != 0f || ldc != n) {
            pc.put(c, cOff, (int) cLen);
        }
        openblas.cblas_sgemm(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k, alpha, pa, lda,
                pb, ldb, beta, pc, ldc);
        pc.get(c, cOff, (int) cLen);
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOff,
            int lda, double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc) {
        OffHeapBuffers buf = buffers.get();
        long aLen = span(transA ? k : m, transA ? m : k, lda);
        long bLen = span(transB ? n : k, transB ? k : n, ldb);
        long cLen = span(m, n, ldc);
        DoublePointer pa = buf.doubles(0, aLen).put(a, aOff, (int) aLen);
        DoublePointer pb = buf.doubles(1, bLen).put(b, bOff, (int) bLen);
        DoublePointer pc = buf.doubles(2, cLen);
        if (beta != 0.0 || ldc != n) {
            // copy C in when it is read, or when the gaps between its rows must survive the copy back
            pc.put(c, cOff, (int) cLen);
        }
        openblas.cblas_dgemm(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k, alpha, pa, lda,
                pb, ldb, beta, pc, ldc);
        pc.get(c, cOff, (int) cLen);
    }

    @Override
    public void dsyrk(boolean trans, int n, int k, double alpha, double[] a, int aOff, int lda, double beta,
            double[] c, int cOff, int ldc) {
        OffHeapBuffers buf = buffers.get();
        long aLen = span(trans ? k : n, trans ? n : k, lda);
        long cLen = span(n, n, ldc);
        DoublePointer pa = buf.doubles(0, aLen).put(a, aOff, (int) aLen);
        DoublePointer pc = buf.doubles(2, cLen);
        if (beta != 0.0 || ldc != n) {
            pc.put(c, cOff, (int) cLen);
        }
        openblas.cblas_dsyrk(ROW_MAJOR, UPPER, trans ? TRANS : NO_TRANS, n, k, alpha, pa, lda, beta, pc, ldc);
        pc.get(c, cOff, (int) cLen);
        SymmetricMirror.lowerFromUpper(c, cOff, ldc, n);
    }

    @Override
    public void crossProducts(int n, double[] a, double[] aShift, int p, double[] b, double[] bShift, int q, double[] aa,
            double[] ab, double[] bb, boolean lowerTriangles) {
        // each operand crosses the JNI boundary once for all three products, shifted on the way
        OffHeapBuffers buf = buffers.get();
        DoublePointer pa = ColumnShift.copyShifted(buf.doubles(0, (long) n * p), a, aShift, n, p);
        DoublePointer pb = ColumnShift.copyShifted(buf.doubles(1, (long) n * q), b, bShift, n, q);
        DoublePointer[] products = threeProducts(buf, n, pa, p, pb, q);
        DoublePointer paa = products[0];
        DoublePointer pab = products[1];
        DoublePointer pbb = products[2];
        paa.get(aa, 0, p * p);
        pab.get(ab, 0, p * q);
        pbb.get(bb, 0, q * q);
        if (lowerTriangles) {
            SymmetricMirror.lowerFromUpper(aa, 0, p, p);
            SymmetricMirror.lowerFromUpper(bb, 0, q, q);
        }
    }

    /**
     * The upper triangle of {@code A'A}, all of {@code A'B} and the upper triangle of {@code B'B}
     * of two native operands, into buffer slots 2, 3 and 4: one syrk, one dgemm, one syrk.
     *
     * @return the three results, in that order
     */
    private static DoublePointer[] threeProducts(OffHeapBuffers buf, int n, DoublePointer pa, int p, DoublePointer pb, int q) {
        DoublePointer paa = buf.doubles(2, (long) p * p);
        DoublePointer pab = buf.doubles(3, (long) p * q);
        DoublePointer pbb = buf.doubles(4, (long) q * q);
        openblas.cblas_dsyrk(ROW_MAJOR, UPPER, TRANS, p, n, 1.0, pa, p, 0.0, paa, p);
        openblas.cblas_dgemm(ROW_MAJOR, TRANS, NO_TRANS, p, q, n, 1.0, pa, p, pb, q, 0.0, pab, q);
        openblas.cblas_dsyrk(ROW_MAJOR, UPPER, TRANS, q, n, 1.0, pb, q, 0.0, pbb, q);
        return new DoublePointer[] {paa, pab, pbb};
    }

    @Override
    public CentredCrossProducts centredCrossProducts(int n, double[] a, int p, double[] b, int q) {
        OffHeapBuffers buf = buffers.get();
        NativeOperands o = NativeOperands.copy(buf, n, a, p, b, q);
        DoublePointer pa = o.a();
        DoublePointer pb = o.b();
        double[] ma = o.sumA();
        double[] mb = o.sumB();
        double[] sa = o.squaresA();
        double[] sb = o.squaresB();
        // sums to means (in place) exactly as ColumnMeans divides
        for (int j = 0; j < p; j++) {
            ma[j] /= n;
            sa[j] /= n;
        }
        for (int j = 0; j < q; j++) {
            mb[j] /= n;
            sb[j] /= n;
        }
        CentredCrossProducts unusable = new CentredCrossProducts(ma, mb, Double.NaN, Double.NaN, Double.NaN);
        if (!unusable.finite()) {
            return unusable;
        }
        DoublePointer va = buf.doubles(5, p).put(ma, 0, p);
        DoublePointer vb = buf.doubles(6, q).put(mb, 0, q);
        // small offsets: correct the uncentred products afterwards; large ones: centre the copy
        boolean correctA = smallOffset(ma, sa);
        boolean correctB = smallOffset(mb, sb);
        if (!correctA || !correctB) {
            double[] one = new double[n];
            java.util.Arrays.fill(one, 1.0);
            DoublePointer ones = buf.doubles(7, n).put(one, 0, n);
            if (!correctA) {
                openblas.cblas_dger(ROW_MAJOR, n, p, -1.0, ones, 1, va, 1, pa, p);
            }
            if (!correctB) {
                openblas.cblas_dger(ROW_MAJOR, n, q, -1.0, ones, 1, vb, 1, pb, q);
            }
        }
        DoublePointer[] products = threeProducts(buf, n, pa, p, pb, q);
        DoublePointer paa = products[0];
        DoublePointer pab = products[1];
        DoublePointer pbb = products[2];
        // (A - 1 m')'(A - 1 m') = A'A - n m m'; a centred operand's means are ~0 and need no term
        if (correctA) {
            openblas.cblas_dsyr(ROW_MAJOR, UPPER, p, -n, va, 1, paa, p);
        }
        if (correctB) {
            openblas.cblas_dsyr(ROW_MAJOR, UPPER, q, -n, vb, 1, pbb, q);
        }
        if (correctA && correctB) {
            openblas.cblas_dger(ROW_MAJOR, p, q, -n, va, 1, vb, 1, pab, q);
        }
        double ab = openblas.cblas_ddot(p * q, pab, 1, pab, 1);
        return new CentredCrossProducts(ma, mb, upperTriangleNorm(paa, p), ab, upperTriangleNorm(pbb, q));
    }

    /**
     * Whether every column's mean is at most its standard deviation: then {@code A'A - n m m'}
     * cancels less than one bit per entry, as accurate as the product of a centred copy.
     */
    private static boolean smallOffset(double[] mean, double[] meanSquare) {
        for (int j = 0; j < mean.length; j++) {
            // variance = meanSquare - mean^2 >= mean^2
            if (!(2 * mean[j] * mean[j] <= meanSquare[j]) || meanSquare[j] == Double.POSITIVE_INFINITY) {
                return false;
            }
        }
        return true;
    }

    /** {@code ||G||_F^2} of a symmetric k x k native matrix from its upper triangle, row by row. */
    private static double upperTriangleNorm(DoublePointer g, int k) {
        double rows = 0;
        double diagonal = 0;
        for (int i = 0; i < k; i++) {
            // get() reads at the position, which the dot product starts from too
            g.position((long) i * k + i);
            double gii = g.get();
            diagonal += gii * gii;
            rows += openblas.cblas_ddot(k - i, g, 1, g, 1);
        }
        g.position(0);
        return 2 * rows - diagonal;
    }

    @Override
    public CrossProduct crossProductWithSquares(int n, double[] a, int p, double[] b, int q) {
        OffHeapBuffers buf = buffers.get();
        NativeOperands o = NativeOperands.copy(buf, n, a, p, b, q);
        DoublePointer pab = buf.doubles(2, (long) p * q);
        openblas.cblas_dgemm(ROW_MAJOR, TRANS, NO_TRANS, p, q, n, 1.0, o.a(), p, o.b(), q, 0.0, pab, q);
        double[] ab = new double[p * q];
        pab.get(ab, 0, p * q);
        return new CrossProduct(ab, o.squaresA(), o.squaresB());
    }

    @Override
    public Svd svd(double[] a, int m, int n) {
        int r = Math.min(m, n);
        double[] work = a.clone();
        double[] s = new double[r];
        double[] u = new double[m * r];
        double[] vt = new double[r * n];
        int info = lapack(() -> openblas.LAPACKE_dgesdd(ROW_MAJOR, (byte) 'S', m, n, work, n, s, u, r, vt, n));
        if (info != 0) {
            throw new ArithmeticException("svd of a " + m + " x " + n + " matrix: LAPACK dgesdd failed (info " + info + ")");
        }
        return new Svd(m, n, u, s, vt);
    }

    @Override
    public SymmetricEigen symmetricEigen(double[] a, int n) {
        double[] v = a.clone();
        double[] w = new double[n];
        int info = lapack(() -> openblas.LAPACKE_dsyevd(ROW_MAJOR, (byte) 'V', (byte) 'L', n, v, n, w));
        if (info != 0) {
            throw new ArithmeticException("symmetric eigen of order " + n + ": LAPACK dsyevd failed (info " + info + ")");
        }
        return new SymmetricEigen(n, w, v);
    }

    @Override
    public double[] symmetricEigenvalues(double[] a, int n) {
        double[] v = a.clone();
        double[] w = new double[n];
        int info = lapack(() -> openblas.LAPACKE_dsyevd(ROW_MAJOR, (byte) 'N', (byte) 'L', n, v, n, w));
        if (info != 0) {
            throw new ArithmeticException("symmetric eigenvalues of order " + n + ": LAPACK dsyevd failed (info " + info + ")");
        }
        return w;
    }

    @Override
    public double[] choleskySolve(double[] spd, int n, double[] b, int nrhs) {
        double[] factor = spd.clone();
        double[] x = b.clone();
        int info = lapack(() -> openblas.LAPACKE_dposv(ROW_MAJOR, (byte) 'L', n, nrhs, factor, n, x, nrhs));
        if (info > 0) {
            throw new IllegalArgumentException("matrix is not positive definite: pivot " + (info - 1)
                    + " is not positive (add a positive ridge penalty or check the input)");
        }
        if (info < 0) {
            throw new IllegalStateException("LAPACK dposv rejected argument " + (-info));
        }
        return x;
    }
}
