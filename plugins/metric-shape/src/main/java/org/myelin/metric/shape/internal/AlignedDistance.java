package org.myelin.metric.shape.internal;

/**
 * Distances between two aligned n x p matrices A and B (B's columns optionally permuted), in the
 * forms that stay accurate when A and B nearly coincide: {@code ||A - B||_F}, and the angle
 * {@code 2 asin(||A/|A| - B/|B| ||_F / 2)}, which equals {@code arccos(<A,B>/(|A||B|))} without
 * the loss of {@code arccos} near 1.
 */
final class AlignedDistance {

    private AlignedDistance() {
    }

    /**
     * @param a n x p row-major
     * @param b n x p row-major
     * @param n rows
     * @param p columns
     * @param columnOfB column of b compared with column j of a ({@code null}: the same column)
     * @return {@code ||A - B Pi||_F}
     */
    static double euclidean(double[] a, double[] b, int n, int p, int[] columnOfB) {
        double s = 0;
        for (int r = 0; r < n; r++) {
            int o = r * p;
            for (int j = 0; j < p; j++) {
                double d = a[o + j] - b[o + (columnOfB == null ? j : columnOfB[j])];
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }

    /**
     * @param a n x p row-major
     * @param b n x p row-major
     * @param n rows
     * @param p columns
     * @param columnOfB column of b compared with column j of a ({@code null}: the same column)
     * @param aa {@code ||A||_F^2}
     * @param bb {@code ||B||_F^2}
     * @return the angle between A and B Pi in radians, in [0, pi]
     */
    static double angle(double[] a, double[] b, int n, int p, int[] columnOfB, double aa, double bb) {
        double ia = 1.0 / Math.sqrt(aa);
        double ib = 1.0 / Math.sqrt(bb);
        double s = 0;
        for (int r = 0; r < n; r++) {
            int o = r * p;
            for (int j = 0; j < p; j++) {
                double d = a[o + j] * ia - b[o + (columnOfB == null ? j : columnOfB[j])] * ib;
                s += d * d;
            }
        }
        return 2 * Math.asin(Math.min(1.0, Math.sqrt(s) / 2));
    }
}
