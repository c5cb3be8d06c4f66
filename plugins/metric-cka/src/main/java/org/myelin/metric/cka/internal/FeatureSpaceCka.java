package org.myelin.metric.cka.internal;

import org.myelin.core.linalg.Blas;

/**
 * Linear CKA from p x q feature-space products, cheaper than the n x n grams when there are more
 * stimuli than units ({@code n > p, q}):
 *
 * <pre>
 *   biased:    xy = ||Yc' Xc||_F^2,  xx = ||Xc' Xc||_F^2,  yy = ||Yc' Yc||_F^2
 *   debiased:  h(X,Y) = ||Yc' Xc||_F^2 - n/(n-2) (r_x . r_y) + s_x s_y / ((n-1)(n-2))
 * </pre>
 *
 * with r_x the squared row norms of Xc and s_x their sum (Kornblith et al.'s
 * {@code feature_space_linear_cka}; {@code h} equals the inner product of the U-centred grams,
 * science/metrics.md section 1.3). Products go to {@link Blas#dgemm} and {@link Blas#dsyrk}.
 */
final class FeatureSpaceCka {

    private FeatureSpaceCka() {
    }

    /**
     * @param xc column-centred X, n x p row-major
     * @param p units of X
     * @param yc column-centred Y, n x q row-major
     * @param q units of Y
     * @param n stimuli
     * @param debiased use the U-statistic (needs n &gt;= 4)
     * @return the three inner products
     */
    static Alignment compute(double[] xc, int p, double[] yc, int q, int n, boolean debiased) {
        double[] cxy = new double[p * q];
        Blas.dgemm(true, false, p, q, n, 1.0, xc, 0, p, yc, 0, q, 0.0, cxy, 0, q);
        double xy = squaredNorm(cxy);
        double xx = squaredNorm(covariance(xc, p, n));
        double yy = squaredNorm(covariance(yc, q, n));
        if (!debiased) {
            return new Alignment(xy, xx, yy, 1.0 / ((double) (n - 1) * (n - 1)));
        }
        double[] rx = rowSquaredNorms(xc, n, p);
        double[] ry = rowSquaredNorms(yc, n, q);
        double sx = sum(rx);
        double sy = sum(ry);
        double a = (double) n / (n - 2);
        double b = 1.0 / ((double) (n - 1) * (n - 2));
        return new Alignment(xy - a * dot(rx, ry) + b * sx * sy, xx - a * dot(rx, rx) + b * sx * sx,
                yy - a * dot(ry, ry) + b * sy * sy, 1.0 / ((double) n * (n - 3)));
    }

    private static double[] covariance(double[] c, int cols, int n) {
        double[] out = new double[cols * cols];
        Blas.dsyrk(true, cols, n, 1.0, c, 0, cols, 0.0, out, 0, cols);
        return out;
    }

    private static double[] rowSquaredNorms(double[] a, int rows, int cols) {
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int j = r * cols, e = j + cols; j < e; j++) {
                s += a[j] * a[j];
            }
            out[r] = s;
        }
        return out;
    }

    private static double squaredNorm(double[] m) {
        double s = 0;
        for (double v : m) {
            s += v * v;
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}
