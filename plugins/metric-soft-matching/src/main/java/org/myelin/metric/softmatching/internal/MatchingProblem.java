package org.myelin.metric.softmatching.internal;

import java.util.Map;

import org.myelin.api.array.Matrix;
import org.myelin.core.linalg.Blas;
import org.myelin.core.linalg.CrossProduct;

/**
 * Two representations prepared for matching: checked, all-zero units dropped, curves centred
 * and (for the correlation cost) scaled to unit norm, and the p x q cost matrix between the kept
 * units. Also maps results on kept units back to the original unit indices.
 */
final class MatchingProblem {

    final TuningCurves x;
    final TuningCurves y;
    final double[] cost;
    final int[] zeroVarianceX;
    final int[] zeroVarianceY;

    private MatchingProblem(TuningCurves x, TuningCurves y, double[] cost, int[] zeroVarianceX, int[] zeroVarianceY) {
        this.x = x;
        this.y = y;
        this.cost = cost;
        this.zeroVarianceX = zeroVarianceX;
        this.zeroVarianceY = zeroVarianceY;
    }

    /**
     * @param x first representation (n x p)
     * @param y second representation (n x q)
     * @param s settings
     * @return the prepared problem
     * @throws org.myelin.api.InvalidInputException for bad input (see {@link TuningCurves#checkPair})
     */
    static MatchingProblem of(Matrix x, Matrix y, MatchingSettings s) {
        TuningCurves.checkPair(x, y);
        if (s.center()) {
            return of(TuningCurves.of("x", x, true), TuningCurves.of("y", y, true), s.correlation());
        }
        // uncentred curves are the inputs themselves: one read of each gives the product and the
        // column norms (which also reveal non-finite values and all-zero units)
        CrossProduct xy = Blas.crossProductWithSquares(x.rows(), x.data(), x.cols(), y.data(), y.cols());
        TuningCurves cx = TuningCurves.of("x", x, false, xy.squaresA());
        TuningCurves cy = TuningCurves.of("y", y, false, xy.squaresB());
        double[] product = keptBlock(xy.product(), y.cols(), cx.kept, cy.kept);
        return new MatchingProblem(cx, cy, s.correlation() ? UnitCosts.correlation(cx, cy, product)
                : UnitCosts.squaredEuclidean(cx, cy, product), s.correlation() ? cx.zeroColumns() : new int[0],
                s.correlation() ? cy.zeroColumns() : new int[0]);
    }

    /** The rows and columns of kept units of a product over all units (the product itself when none was dropped). */
    private static double[] keptBlock(double[] all, int cols, int[] rows, int[] keptCols) {
        if (rows.length * keptCols.length == all.length) {
            return all;
        }
        double[] out = new double[rows.length * keptCols.length];
        for (int a = 0; a < rows.length; a++) {
            int o = rows[a] * cols;
            for (int b = 0; b < keptCols.length; b++) {
                out[a * keptCols.length + b] = all[o + keptCols[b]];
            }
        }
        return out;
    }

    /**
     * @param cx curves of x
     * @param cy curves of y
     * @param correlation whether to use the correlation cost
     * @return the problem with its cost matrix
     */
    static MatchingProblem of(TuningCurves cx, TuningCurves cy, boolean correlation) {
        if (correlation) {
            return new MatchingProblem(cx, cy, UnitCosts.correlation(cx, cy), cx.zeroColumns(), cy.zeroColumns());
        }
        return new MatchingProblem(cx, cy, UnitCosts.squaredEuclidean(cx, cy), new int[0], new int[0]);
    }

    /** @return number of kept units of x */
    int p() {
        return x.units();
    }

    /** @return number of kept units of y */
    int q() {
        return y.units();
    }

    /**
     * @param plan row-major plan over the kept units (shared by the result when no unit was dropped)
     * @return the plan as a matrix over all original units (zero rows/columns for dropped units)
     */
    Matrix originalPlan(double[] plan) {
        int p = p();
        int q = q();
        int cols = y.originalUnits;
        if (p == x.originalUnits && q == cols) {
            return new Matrix(p, q, plan);
        }
        double[] out = new double[x.originalUnits * cols];
        for (int i = 0; i < p; i++) {
            int o = x.kept[i] * cols;
            for (int j = 0; j < q; j++) {
                out[o + y.kept[j]] = plan[i * q + j];
            }
        }
        return new Matrix(x.originalUnits, cols, out);
    }

    /**
     * @param sums per kept unit
     * @param curves the side the sums belong to
     * @return per original unit, 0 for dropped units
     */
    static double[] original(double[] sums, TuningCurves curves) {
        double[] out = new double[curves.originalUnits];
        for (int a = 0; a < sums.length; a++) {
            out[curves.kept[a]] = sums[a];
        }
        return out;
    }

    /**
     * Adds the details both metrics report about the preparation.
     *
     * @param d details to add to
     * @param s settings used
     */
    void describe(Map<String, Object> d, MatchingSettings s) {
        d.put("cost", s.costName());
        d.put("center", s.center());
        d.put("solver", s.solverName());
        if (s.sinkhorn()) {
            d.put("reg", s.reg());
        }
        d.put("stimuli", x.stimuli);
        d.put("units_x", p());
        d.put("units_y", q());
        d.put("dropped_x", x.dropped);
        d.put("dropped_y", y.dropped);
        if (s.correlation()) {
            d.put("zero_variance_x", zeroVarianceX);
            d.put("zero_variance_y", zeroVarianceY);
        }
    }
}
