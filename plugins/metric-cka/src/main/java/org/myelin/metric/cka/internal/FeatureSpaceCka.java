package org.myelin.metric.cka.internal;

import org.myelin.api.array.Matrix;
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
 * science/metrics.md section 1.3). The three products are the blocks of one {@link Blas#dsyrk} of
 * the column-centred {@code [X | Y]}: the same multiply-adds as one dgemm and two dsyrk, but one
 * call (one packing of the data, one set of thread hand-offs).
 */
final class FeatureSpaceCka {

    private FeatureSpaceCka() {
    }

    /**
     * @param x first representation, n x p (checked)
     * @param y second representation, n x q (checked)
     * @param debiased use the U-statistic (needs n &gt;= 4)
     * @return the three inner products
     */
    static Alignment compute(Matrix x, Matrix y, boolean debiased) {
        int n = x.rows();
        int p = x.cols();
        int q = y.cols();
        int w = p + q;
        // [Xc | Yc] in one array: one dsyrk gives Xc'Xc, Xc'Yc and Yc'Yc as the blocks of its result
        double[] z = new double[n * w];
        RepresentationChecks.centreColumnsInto(x, z, w, 0);
        RepresentationChecks.centreColumnsInto(y, z, w, p);
        double[] c = new double[w * w];
        Blas.dsyrk(true, w, n, 1.0, z, 0, w, 0.0, c, 0, w);
        double xx = 0;
        double xy = 0;
        double yy = 0;
        for (int i = 0; i < p; i++) {
            int o = i * w;
            for (int j = 0; j < p; j++) {
                xx += c[o + j] * c[o + j];
            }
            for (int j = p; j < w; j++) {
                xy += c[o + j] * c[o + j];
            }
        }
        for (int i = p; i < w; i++) {
            int o = i * w;
            for (int j = p; j < w; j++) {
                yy += c[o + j] * c[o + j];
            }
        }
        if (!debiased) {
            return new Alignment(xy, xx, yy, 1.0 / ((double) (n - 1) * (n - 1)));
        }
        double[] rx = rowSquaredNorms(z, n, w, 0, p);
        double[] ry = rowSquaredNorms(z, n, w, p, w);
        double sx = sum(rx);
        double sy = sum(ry);
        double a = (double) n / (n - 2);
        double b = 1.0 / ((double) (n - 1) * (n - 2));
        return new Alignment(xy - a * dot(rx, ry) + b * sx * sy, xx - a * dot(rx, rx) + b * sx * sx,
                yy - a * dot(ry, ry) + b * sy * sy, 1.0 / ((double) n * (n - 3)));
    }

    /** Squared norms of columns {@code from .. to-1} of each row. */
    private static double[] rowSquaredNorms(double[] a, int rows, int stride, int from, int to) {
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int j = r * stride + from, e = r * stride + to; j < e; j++) {
                s += a[j] * a[j];
            }
            out[r] = s;
        }
        return out;
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
