package org.myelin.core.linalg.internal;

import org.bytedeco.javacpp.DoublePointer;

/**
 * Two row-major operands copied to one thread's native buffers (slots 0 and 1), with the column
 * sums and sums of squares taken during the copy ({@link ColumnShift#copyWithSums}).
 *
 * @param a A in native memory, n x p
 * @param b B in native memory, n x q
 * @param sumA column sums of A
 * @param squaresA column sums of squares of A
 * @param sumB column sums of B
 * @param squaresB column sums of squares of B
 */
record NativeOperands(DoublePointer a, DoublePointer b, double[] sumA, double[] squaresA, double[] sumB, double[] squaresB) {

    /**
     * @param buf the calling thread's buffers
     * @param n rows
     * @param a A, n x p row-major
     * @param p columns of A
     * @param b B, n x q row-major
     * @param q columns of B
     * @return both copies and their sums
     */
    static NativeOperands copy(OffHeapBuffers buf, int n, double[] a, int p, double[] b, int q) {
        double[] sumA = new double[p];
        double[] squaresA = new double[p];
        double[] sumB = new double[q];
        double[] squaresB = new double[q];
        DoublePointer pa = ColumnShift.copyWithSums(buf.doubles(0, (long) n * p), a, n, p, sumA, squaresA);
        DoublePointer pb = ColumnShift.copyWithSums(buf.doubles(1, (long) n * q), b, n, q, sumB, squaresB);
        return new NativeOperands(pa, pb, sumA, squaresA, sumB, squaresB);
    }
}
