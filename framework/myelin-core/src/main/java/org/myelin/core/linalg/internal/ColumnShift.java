package org.myelin.core.linalg.internal;

import org.bytedeco.javacpp.DoublePointer;

/**
 * Subtracts a value from every column of a row-major matrix while copying it, for the shifted
 * (centred) cross products of {@code Blas.crossProducts}.
 */
final class ColumnShift {

    private ColumnShift() {
    }

    /**
     * @param a n x p row-major
     * @param shift p values, or {@code null}
     * @param n rows
     * @param p columns
     * @return {@code a} itself without a shift, else a new shifted copy
     */
    static double[] shifted(double[] a, double[] shift, int n, int p) {
        if (shift == null) {
            return a;
        }
        double[] out = new double[n * p];
        for (int r = 0; r < n; r++) {
            int o = r * p;
            for (int j = 0; j < p; j++) {
                out[o + j] = a[o + j] - shift[j];
            }
        }
        return out;
    }

    /**
     * Copies {@code a - 1 shift^T} into native memory a row at a time through one reused row
     * buffer, so no shifted copy of the whole matrix is made on the Java heap.
     *
     * @param dst native buffer of at least n * p doubles
     * @param a n x p row-major
     * @param shift p values, or {@code null} for a plain copy
     * @param n rows
     * @param p columns
     * @return {@code dst}, positioned at 0
     */
    static DoublePointer copyShifted(DoublePointer dst, double[] a, double[] shift, int n, int p) {
        if (shift == null) {
            return dst.position(0).put(a, 0, n * p);
        }
        // rows are batched so that one JNI copy moves at least ~32 KB
        int rowsPerCopy = Math.max(1, Math.min(n, 4096 / Math.max(1, p)));
        double[] rows = new double[rowsPerCopy * p];
        for (int r0 = 0; r0 < n; r0 += rowsPerCopy) {
            int count = Math.min(rowsPerCopy, n - r0);
            for (int r = 0; r < count; r++) {
                int o = (r0 + r) * p;
                int d = r * p;
                for (int j = 0; j < p; j++) {
                    rows[d + j] = a[o + j] - shift[j];
                }
            }
            dst.position((long) r0 * p).put(rows, 0, count * p);
        }
        return dst.position(0);
    }

    /**
     * Copies {@code a} to native memory unchanged while taking its column sums, summed exactly
     * as {@link org.myelin.core.array.ColumnMeans} does (blocks of its {@code BLOCK} rows, so the
     * sums divided by n are bit for bit its means), and the column sums of the squares.
     *
     * @param dst native buffer of at least n * p doubles
     * @param a n x p row-major
     * @param n rows, at least 1
     * @param p columns
     * @param sum receives the p column sums
     * @param sumOfSquares receives the p column sums of the squared values
     * @return {@code dst}, positioned at 0
     */
    static DoublePointer copyWithSums(DoublePointer dst, double[] a, int n, int p, double[] sum, double[] sumOfSquares) {
        int blockRows = org.myelin.core.array.ColumnMeans.BLOCK;
        int chunkRows = Math.max(1, Math.min(blockRows, 4096 / Math.max(1, p)));
        double[] block = new double[p];
        double[] blockSquares = new double[p];
        java.util.Arrays.fill(sum, 0.0);
        java.util.Arrays.fill(sumOfSquares, 0.0);
        for (int r0 = 0; r0 < n; r0 += blockRows) {
            java.util.Arrays.fill(block, 0.0);
            java.util.Arrays.fill(blockSquares, 0.0);
            int r1 = Math.min(n, r0 + blockRows);
            // a few rows at a time (about 32 KB), copied while they are still in L1/L2
            for (int c0 = r0; c0 < r1; c0 += chunkRows) {
                int c1 = Math.min(r1, c0 + chunkRows);
                for (int r = c0; r < c1; r++) {
                    int o = r * p;
                    for (int j = 0; j < p; j++) {
                        double v = a[o + j];
                        block[j] += v;
                        blockSquares[j] += v * v;
                    }
                }
                dst.position((long) c0 * p).put(a, c0 * p, (c1 - c0) * p);
            }
            for (int j = 0; j < p; j++) {
                sum[j] += block[j];
                sumOfSquares[j] += blockSquares[j];
            }
        }
        return dst.position(0);
    }
}
