package org.myelin.core.linalg.internal;

/** Squared Frobenius norms of cross-product results on the heap, and column sums of squares. */
final class CrossProductNorms {

    private CrossProductNorms() {
    }

    /**
     * @param g any matrix, as its elements
     * @return {@code ||g||_F^2}, with four partial sums
     */
    static double all(double[] g) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < g.length; i += 4) {
            s0 += g[i] * g[i];
            s1 += g[i + 1] * g[i + 1];
            s2 += g[i + 2] * g[i + 2];
            s3 += g[i + 3] * g[i + 3];
        }
        for (; i < g.length; i++) {
            s0 += g[i] * g[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * @param g a symmetric k x k row-major matrix of which only the upper triangle is read
     * @param k order
     * @return {@code ||g||_F^2}: the diagonal once, the strictly upper part twice
     */
    static double upperTriangle(double[] g, int k) {
        double diagonal = 0;
        double upper = 0;
        for (int i = 0; i < k; i++) {
            int o = i * k;
            diagonal += g[o + i] * g[o + i];
            double s0 = 0;
            double s1 = 0;
            int j = i + 1;
            for (; j + 1 < k; j += 2) {
                s0 += g[o + j] * g[o + j];
                s1 += g[o + j + 1] * g[o + j + 1];
            }
            for (; j < k; j++) {
                s0 += g[o + j] * g[o + j];
            }
            upper += s0 + s1;
        }
        return diagonal + 2 * upper;
    }

    /**
     * @param a n x p row-major
     * @param n rows
     * @param p columns
     * @return the sum of the squared values of each column, summed in blocks of
     *         {@link org.myelin.core.array.ColumnMeans#BLOCK} rows as the OpenBLAS backend's copy does
     */
    static double[] columnSquares(double[] a, int n, int p) {
        int blockRows = org.myelin.core.array.ColumnMeans.BLOCK;
        double[] out = new double[p];
        double[] block = new double[p];
        for (int r0 = 0; r0 < n; r0 += blockRows) {
            java.util.Arrays.fill(block, 0.0);
            int r1 = Math.min(n, r0 + blockRows);
            for (int r = r0; r < r1; r++) {
                int o = r * p;
                for (int j = 0; j < p; j++) {
                    block[j] += a[o + j] * a[o + j];
                }
            }
            for (int j = 0; j < p; j++) {
                out[j] += block[j];
            }
        }
        return out;
    }
}
