package org.myelin.metric.cka.internal;

import org.myelin.api.array.Matrix;
import org.myelin.core.linalg.Blas;
import org.myelin.core.linalg.CentredCrossProducts;

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
 * science/metrics.md section 1.3). The means and the three norms come from one
 * {@link Blas#centredCrossProducts} call: under OpenBLAS both operands cross to native memory
 * once, side by side with a column of ones, and one syrk of {@code [X | Y | 1]} gives the three
 * products with the column sums and squares; they are centred by rank-1 corrections or on the
 * native copy, and the norms taken there: neither a centred copy nor the products reach the
 * Java heap, and no Java loop passes over the data besides the copy.
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
        CentredCrossProducts g = Blas.centredCrossProducts(n, x.data(), p, y.data(), q);
        if (!g.finite()) {
            RepresentationChecks.rejectNonFinite("x", x, g.meanA());
            RepresentationChecks.rejectNonFinite("y", y, g.meanB());
        }
        double[] mx = g.meanA();
        double[] my = g.meanB();
        double xx = g.aa();
        double xy = g.ab();
        double yy = g.bb();
        if (!(Double.isFinite(xx) && Double.isFinite(xy) && Double.isFinite(yy))) {
            throw RepresentationChecks.tooLarge(!Double.isFinite(xx) ? "x" : !Double.isFinite(yy) ? "y" : "x, y",
                    "the squared cross products overflow double precision");
        }
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
