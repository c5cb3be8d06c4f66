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
        // Z = [A | B | 1]: one syrk gives all three products, the column sums and the squares
        OffHeapBuffers buf = buffers.get();
        int m = p + q;
        int k = m + 1;
        DoublePointer z = StackedOperands.copy(buf.doubles(0, (long) n * k), a, n, p, b, q);
        DoublePointer g = buf.doubles(2, (long) k * k);
        // the means taken out of the copy before the product (zero for blocks corrected after it)
        double[] shift = new double[m];
        boolean centreA = StackedOperands.sampledOffsetIsLarge(a, n, p);
        boolean centreB = StackedOperands.sampledOffsetIsLarge(b, n, q);
        if ((centreA || centreB) && !centreCopy(buf, z, n, p, q, centreA, centreB, shift)) {
            return unusable(shift, p, q);
        }
        double[] residual = new double[m];
        double[] meanSquare = new double[m];
        stackedProduct(z, g, n, m, residual, meanSquare);
        if (!allFinite(residual)) {
            return unusable(plus(shift, residual), p, q);
        }
        // the sample missed an offset too large for rank-1 terms: centre that block and repeat
        boolean redoA = !centreA && !smallOffset(residual, meanSquare, 0, p);
        boolean redoB = !centreB && !smallOffset(residual, meanSquare, p, q);
        if (redoA || redoB) {
            if (!centreCopy(buf, z, n, p, q, redoA, redoB, shift)) {
                return unusable(shift, p, q);
            }
            stackedProduct(z, g, n, m, residual, meanSquare);
            if (!allFinite(residual)) {
                return unusable(plus(shift, residual), p, q);
            }
        }
        // (Z - 1 r')'(Z - 1 r') = Z'Z - n r r', r the means left in the copy (about 0 where centred)
        DoublePointer r = buf.doubles(5, m).put(residual, 0, m);
        openblas.cblas_dsyr(ROW_MAJOR, UPPER, m, -n, r, 1, g, k);
        double[] meanA = new double[p];
        double[] meanB = new double[q];
        for (int j = 0; j < p; j++) {
            meanA[j] = shift[j] + residual[j];
        }
        for (int j = 0; j < q; j++) {
            meanB[j] = shift[p + j] + residual[p + j];
        }
        double ab = 0;
        for (int i = 0; i < p; i++) {
            g.position((long) i * k + p);
            ab += openblas.cblas_ddot(q, g, 1, g, 1);
        }
        g.position(0);
        return new CentredCrossProducts(meanA, meanB, triangleNorm(g, k, 0, p), ab, triangleNorm(g, k, p, q));
    }

    /**
     * The upper triangle of {@code Z'Z} into g, and from its last column and diagonal the means
     * and mean squares of Z's first m columns.
     */
    private static void stackedProduct(DoublePointer z, DoublePointer g, int n, int m, double[] mean, double[] meanSquare) {
        int k = m + 1;
        openblas.cblas_dsyrk(ROW_MAJOR, UPPER, TRANS, k, n, 1.0, z, k, 0.0, g, k);
        for (int j = 0; j < m; j++) {
            mean[j] = g.get((long) j * k + m) / n;
            meanSquare[j] = g.get((long) j * k + j) / n;
        }
    }

    /**
     * Centres the A block and/or the B block of {@code Z = [A | B | 1]} in place: the exact means
     * of all columns by one dgemv against the ones column, then a rank-1 update per block. The
     * means taken out are added to {@code shift}.
     *
     * @return false when a mean is not finite (then {@code shift} holds it)
     */
    private static boolean centreCopy(OffHeapBuffers buf, DoublePointer z, int n, int p, int q, boolean centreA, boolean centreB,
            double[] shift) {
        int m = p + q;
        int k = m + 1;
        DoublePointer ones = new DoublePointer(z).position(m);
        DoublePointer mean = buf.doubles(6, m);
        openblas.cblas_dgemv(ROW_MAJOR, TRANS, n, m, 1.0 / n, z, k, ones, k, 0.0, mean, 1);
        double[] means = new double[m];
        mean.get(means, 0, m);
        if (!allFinite(means)) {
            // the means of the input: what was taken out before plus what is in the copy now
            for (int j = 0; j < m; j++) {
                shift[j] += means[j];
            }
            return false;
        }
        if (centreA) {
            openblas.cblas_dger(ROW_MAJOR, n, p, -1.0, ones, k, mean, 1, z, k);
            for (int j = 0; j < p; j++) {
                shift[j] += means[j];
            }
        }
        if (centreB) {
            openblas.cblas_dger(ROW_MAJOR, n, q, -1.0, ones, k, new DoublePointer(mean).position(p), 1, new DoublePointer(z).position(p), k);
            for (int j = p; j < m; j++) {
                shift[j] += means[j];
            }
        }
        return true;
    }

    /** Whether every value is finite (one pass, no branch per element). */
    private static boolean allFinite(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * 0.0;
        }
        return s == 0.0;
    }

    private static double[] plus(double[] x, double[] y) {
        double[] s = new double[x.length];
        for (int j = 0; j < s.length; j++) {
            s[j] = x[j] + y[j];
        }
        return s;
    }

    /** The result for input whose means are not finite: those means, and NaN norms. */
    private static CentredCrossProducts unusable(double[] means, int p, int q) {
        return new CentredCrossProducts(java.util.Arrays.copyOfRange(means, 0, p), java.util.Arrays.copyOfRange(means, p, p + q),
                Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * Whether every column of a block has a mean of at most its standard deviation: then
     * {@code A'A - n m m'} cancels less than one bit per entry, as accurate as the product of a
     * centred copy.
     */
    private static boolean smallOffset(double[] mean, double[] meanSquare, int from, int count) {
        for (int j = from; j < from + count; j++) {
            // variance = meanSquare - mean^2 >= mean^2
            if (!(2 * mean[j] * mean[j] <= meanSquare[j]) || meanSquare[j] == Double.POSITIVE_INFINITY) {
                return false;
            }
        }
        return true;
    }

    /** {@code ||G||_F^2} of the symmetric s x s block at (o, o) of a native matrix (leading dimension ld), from its upper triangle. */
    private static double triangleNorm(DoublePointer g, int ld, int o, int s) {
        double rows = 0;
        double diagonal = 0;
        for (int i = 0; i < s; i++) {
            // get() reads at the position, which the dot product starts from too
            g.position((long) (o + i) * ld + o + i);
            double gii = g.get();
            diagonal += gii * gii;
            rows += openblas.cblas_ddot(s - i, g, 1, g, 1);
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
