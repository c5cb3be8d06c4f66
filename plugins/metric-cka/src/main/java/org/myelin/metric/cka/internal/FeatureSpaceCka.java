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
 * science/metrics.md section 1.3). The three products come from one {@link Blas#crossProducts}
 * call with the column means as shifts: one dgemm and two syrk (the multiply-adds of a syrk of
 * {@code [Xc | Yc]}, which measured about 30 % slower under OpenBLAS), with each operand centred
 * while it is copied to native memory, once.
 */
final class FeatureSpaceCka {

    private FeatureSpaceCka() {
    }

    /**
     * @param x first representation, n x p (checked, except for non-finite values, which this finds)
     * @param y second representation, n x q (checked, likewise)
     * @param debiased use the U-statistic (needs n &gt;= 4)
     * @return the three inner products
     */
    static Alignment compute(Matrix x, Matrix y, boolean debiased) {
        int n = x.rows();
        int p = x.cols();
        int q = y.cols();
        double[] mx = RepresentationChecks.checkedColumnMeans("x", x);
        double[] my = RepresentationChecks.checkedColumnMeans("y", y);
        double[] gx = new double[p * p];
        double[] gxy = new double[p * q];
        double[] gy = new double[q * q];
        // centred while copied to the BLAS: no centred copy of X or Y on the heap
        Blas.crossProducts(n, x.data(), mx, p, y.data(), my, q, gx, gxy, gy, false);
        double xx = symmetricSumOfSquares(gx, p);
        double xy = sumOfSquares(gxy);
        double yy = symmetricSumOfSquares(gy, q);
        if (!debiased) {
            return new Alignment(xy, xx, yy, 1.0 / ((double) (n - 1) * (n - 1)));
        }
        double[] rx = rowSquaredNorms(x.data(), mx, n, p);
        double[] ry = rowSquaredNorms(y.data(), my, n, q);
        double sx = sum(rx);
        double sy = sum(ry);
        double a = (double) n / (n - 2);
        double b = 1.0 / ((double) (n - 1) * (n - 2));
        return new Alignment(xy - a * dot(rx, ry) + b * sx * sy, xx - a * dot(rx, rx) + b * sx * sx,
                yy - a * dot(ry, ry) + b * sy * sy, 1.0 / ((double) n * (n - 3)));
    }

    /** {@code ||g||_F^2} with four partial sums, so the loop is not one long dependency chain. */
    private static double sumOfSquares(double[] g) {
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
     * {@code ||g||_F^2} of a symmetric k x k matrix from its upper triangle alone:
     * the diagonal once, the strictly upper part twice.
     */
    private static double symmetricSumOfSquares(double[] g, int k) {
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

    /** Squared norm of each row of a rows x cols array after subtracting the column means. */
    private static double[] rowSquaredNorms(double[] a, double[] mean, int rows, int cols) {
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            int o = r * cols;
            for (int j = 0; j < cols; j++) {
                double v = a[o + j] - mean[j];
                s += v * v;
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
