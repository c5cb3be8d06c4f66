package org.myelin.metric.softmatching.internal;

import org.myelin.core.linalg.Blas;

/**
 * The p x q cost matrix between the tuning curves of two representations, from one
 * {@code X' Y} product ({@link Blas#dgemm}).
 *
 * <ul>
 * <li>{@code sqeuclidean}: {@code C_ij = ||x_i - y_j||^2 = |x_i|^2 + |y_j|^2 - 2 x_i.y_j}, clamped
 *     at 0. Where the expansion cancels (an entry below {@code 1e-8 (|x_i|^2 + |y_j|^2)}, i.e. near
 *     copies) the entry is recomputed directly as a sum of squared differences, so an exact copy
 *     costs exactly 0 (POT's {@code ot.dist} leaves about 1e-7 after the square root).</li>
 * <li>{@code correlation}: {@code C_ij = 1 - x_i.y_j / (|x_i| |y_j|)}, clamped to [0, 2]; with
 *     centred curves this is {@code 1 - Pearson r}. A zero curve has correlation 0 (cost 1).
 *     The cosines come from the unscaled product, {@code (X'Y)_ij / (|x_i| |y_j|)}, so the curves
 *     are never rescaled; entries below 1e-8 are recomputed as {@code ||x_i/|x_i| - y_j/|y_j| ||^2 / 2}
 *     (equal for unit vectors, without the cancellation), so a copy of a unit costs exactly 0.</li>
 * </ul>
 */
final class UnitCosts {

    private static final double CANCELLATION = 1e-8;

    private UnitCosts() {
    }

    /**
     * @param x curves of the first representation (n x p)
     * @param y curves of the second (n x q)
     * @return row-major p x q squared Euclidean distances
     */
    static double[] squaredEuclidean(TuningCurves x, TuningCurves y) {
        return squaredEuclidean(x, y, crossProduct(x, y));
    }

    /**
     * @param x curves of the first representation (n x p)
     * @param y curves of the second (n x q)
     * @param product {@code X'Y} of the curves, p x q row-major; overwritten with the result
     * @return {@code product}, now the squared Euclidean distances
     */
    static double[] squaredEuclidean(TuningCurves x, TuningCurves y, double[] product) {
        int n = x.stimuli;
        int p = x.units();
        int q = y.units();
        double[] c = product;
        double[] nx = x.squaredNorms();
        double[] ny = y.squaredNorms();
        for (int i = 0; i < p; i++) {
            int o = i * q;
            for (int j = 0; j < q; j++) {
                double scale = nx[i] + ny[j];
                double d = scale - 2 * c[o + j];
                if (d <= CANCELLATION * scale) {
                    d = direct(x.data, p, i, y.data, q, j, n);
                }
                c[o + j] = Math.max(d, 0.0);
            }
        }
        return c;
    }

    /**
     * @param x curves of the first representation (n x p)
     * @param y curves of the second (n x q)
     * @return row-major p x q correlation distances {@code 1 - cos}
     */
    static double[] correlation(TuningCurves x, TuningCurves y) {
        return correlation(x, y, crossProduct(x, y));
    }

    /**
     * @param x curves of the first representation (n x p)
     * @param y curves of the second (n x q)
     * @param product {@code X'Y} of the curves, p x q row-major; overwritten with the result
     * @return {@code product}, now the correlation distances
     */
    static double[] correlation(TuningCurves x, TuningCurves y, double[] product) {
        int p = x.units();
        int q = y.units();
        double[] c = product;
        double[] ix = inverseNorms(x.squaredNorms());
        double[] iy = inverseNorms(y.squaredNorms());
        for (int i = 0; i < p; i++) {
            int o = i * q;
            double si = ix[i];
            for (int j = 0; j < q; j++) {
                double d = 1.0 - c[o + j] * si * iy[j];
                if (d < CANCELLATION) {
                    d = 0.5 * directScaled(x.data, p, i, si, y.data, q, j, iy[j], x.stimuli);
                }
                c[o + j] = Math.min(2.0, Math.max(0.0, d));
            }
        }
        return c;
    }

    /** 1/|v| for each squared norm, 0 for a zero vector (so its cosine with anything is 0). */
    private static double[] inverseNorms(double[] squares) {
        double[] s = new double[squares.length];
        for (int a = 0; a < s.length; a++) {
            s[a] = squares[a] == 0 ? 0.0 : 1.0 / Math.sqrt(squares[a]);
        }
        return s;
    }

    private static double directScaled(double[] x, int p, int i, double sx, double[] y, int q, int j, double sy, int n) {
        double s = 0;
        for (int r = 0; r < n; r++) {
            double d = x[r * p + i] * sx - y[r * q + j] * sy;
            s += d * d;
        }
        return s;
    }

    /** {@code X' Y}, p x q. */
    private static double[] crossProduct(TuningCurves x, TuningCurves y) {
        int p = x.units();
        int q = y.units();
        double[] c = new double[p * q];
        Blas.dgemm(true, false, p, q, x.stimuli, 1.0, x.data, 0, p, y.data, 0, q, 0.0, c, 0, q);
        return c;
    }

    private static double direct(double[] x, int p, int i, double[] y, int q, int j, int n) {
        double s = 0;
        for (int r = 0; r < n; r++) {
            double d = x[r * p + i] - y[r * q + j];
            s += d * d;
        }
        return s;
    }
}
