package org.myelin.metric.softmatching.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myelin.metric.softmatching.internal.Representations.columns;
import static org.myelin.metric.softmatching.internal.Representations.concat;
import static org.myelin.metric.softmatching.internal.Representations.gaussian;
import static org.myelin.metric.softmatching.internal.Representations.run;

import org.junit.jupiter.api.Test;
import org.myelin.api.InvalidInputException;
import org.myelin.api.array.Matrix;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.metric.SimilarityResult;

/**
 * {@code soft-matching} against POT 0.8.2 on the representations of {@code pot_reference.txt}
 * (costs built there with numpy / {@code ot.dist}, then {@code ot.emd} and
 * {@code ot.bregman.sinkhorn_log}), and the invariances of science/metrics.md section 4.
 */
class SoftMatchingMetricTest {

    private final SoftMatchingMetric metric = new SoftMatchingMetric();

    @Test
    void nonFiniteEntriesAreNamedByMatrixRowAndColumnAndOverflowIsReported() {
        // found through the sums of squares the preparation takes anyway, then located exactly
        Matrix x = gaussian(20, 5, 1);
        double[] d = gaussian(20, 4, 2).data();
        d[3 * 4 + 2] = Double.NaN;
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(metric, x, new Matrix(20, 4, d)));
        assertEquals("y", e.input());
        assertTrue(e.getMessage().contains("row 3, column 2") && e.getMessage().contains("NaN"), e.getMessage());
        double[] big = gaussian(20, 5, 3).data();
        big[7 * 5 + 1] = 1e200;
        e = assertThrows(InvalidInputException.class, () -> run(metric, new Matrix(20, 5, big), x));
        assertEquals("x", e.input());
        assertTrue(e.getMessage().contains("too large") && e.getMessage().contains("rescale"), e.getMessage());
        double[] inf = gaussian(20, 5, 4).data();
        inf[19 * 5 + 4] = Double.NEGATIVE_INFINITY;
        e = assertThrows(InvalidInputException.class, () -> run(new PartialSoftMatchingMetric(), new Matrix(20, 5, inf), x,
                "mass", "0.5"));
        assertTrue(e.getMessage().contains("row 19, column 4"), e.getMessage());
    }

    @Test
    void valuesEqualPotEmdOnTheReferenceRepresentations() {
        for (String name : new String[] {"metric_12x5_vs_12x7", "metric_40x16_vs_40x11"}) {
            PotReference.Case c = PotReference.get(name);
            Matrix x = Representations.fromCase(c, "X", c.intAttr("p"));
            Matrix y = Representations.fromCase(c, "Y", c.intAttr("q"));
            double raw = run(metric, x, y, "center", "false").value();
            double centred = run(metric, x, y).value();
            double corr = run(metric, x, y, "cost", "correlation").value();
            assertEquals(Math.sqrt(c.scalar("soft_sq_raw")), raw, 1e-12 * raw, name + ": sqrt(<P,C>), raw columns");
            assertEquals(Math.sqrt(c.scalar("soft_sq_centered")), centred, 1e-12 * centred, name + ": centred columns");
            assertEquals(1 - c.scalar("soft_corr"), corr, 1e-12, name + ": 1 - <P,C>, correlation cost");
        }
    }

    @Test
    void sinkhornValueEqualsPotSinkhornLog() {
        PotReference.Case c = PotReference.get("metric_12x5_vs_12x7");
        Matrix x = Representations.fromCase(c, "X", 5);
        Matrix y = Representations.fromCase(c, "Y", 7);
        double[] ref = c.array("sinkhorn_corr_halfmedian");
        SimilarityResult r = run(metric, x, y, "cost", "correlation", "solver", "sinkhorn", "reg", Double.toString(ref[1]),
                "max_iter", "200000", "tol", "1e-14");
        assertEquals(1 - ref[0], r.value(), 1e-11, "1 - <P_reg, C> (POT sinkhorn_log, reg = median(C)/2)");
        assertEquals(Boolean.TRUE, r.details().get("converged"));
        double[] sq = c.array("sinkhorn_sq_raw_halfmedian");
        double v = run(metric, x, y, "center", "false", "solver", "sinkhorn", "reg", Double.toString(sq[1]),
                "max_iter", "200000", "tol", "1e-14").value();
        assertEquals(Math.sqrt(sq[0]), v, 1e-9 * v, "sqrt(<P_reg, C>) without the entropy term");
    }

    @Test
    void planHasExactUniformMarginalsAndItsCostIsTheSquaredValue() {
        Matrix x = gaussian(30, 9, 1);
        Matrix y = gaussian(30, 14, 2);
        SimilarityResult r = run(metric, x, y);
        Matrix plan = (Matrix) r.details().get("transport_plan");
        assertEquals(9, plan.rows());
        assertEquals(14, plan.cols());
        for (int i = 0; i < 9; i++) {
            double s = 0;
            for (int j = 0; j < 14; j++) {
                s += plan.get(i, j);
            }
            assertEquals(1.0 / 9, s, 1e-16, "row " + i);
        }
        for (int j = 0; j < 14; j++) {
            double s = 0;
            for (int i = 0; i < 9; i++) {
                s += plan.get(i, j);
            }
            assertEquals(1.0 / 14, s, 1e-16, "column " + j);
        }
        assertEquals(r.value() * r.value(), (Double) r.details().get("transport_cost"), 1e-12);
    }

    @Test
    void invariantToUnitPermutationsAndDuplication() {
        Matrix x = gaussian(25, 8, 3);
        Matrix y = gaussian(25, 11, 4);
        double d = run(metric, x, y).value();
        Matrix xp = columns(x, Representations.permutation(8, 5));
        Matrix yp = columns(y, Representations.permutation(11, 6));
        assertEquals(d, run(metric, xp, yp).value(), 1e-12 * d, "permuting units on both sides");
        assertEquals(d, run(metric, concat(x, x), y).value(), 1e-12 * d, "every unit of x duplicated (same distribution)");
        double corr = run(metric, x, y, "cost", "correlation").value();
        assertEquals(corr, run(metric, xp, yp, "cost", "correlation").value(), 1e-12, "correlation cost, permuted");
    }

    @Test
    void permutedCopyIsAtDistanceZeroAndEqualsThePermutationDistanceOverSqrtP() {
        Matrix x = gaussian(40, 10, 7);
        int[] perm = Representations.permutation(10, 8);
        assertEquals(0.0, run(metric, x, columns(x, perm)).value(), 0.0, "a permuted copy costs exactly 0");
        // p = q: the optimum is a permutation / p, so d = min_perm ||X - Y Pi||_F / sqrt(p); with Y = X Pi + E
        // for small E the optimal permutation is Pi itself
        Matrix y = columns(x, perm);
        double[] noisy = y.data().clone();
        Matrix e = gaussian(40, 10, 9);
        double frob = 0;
        for (int k = 0; k < noisy.length; k++) {
            noisy[k] += 1e-3 * e.data()[k];
            frob += 1e-6 * e.data()[k] * e.data()[k];
        }
        double d = run(metric, x, new Matrix(40, 10, noisy), "center", "false").value();
        assertEquals(Math.sqrt(frob / 10), d, 1e-9, "||E||_F / sqrt(p)");
    }

    @Test
    void notInvariantToScalingButLinearInIt() {
        Matrix x = gaussian(20, 6, 10);
        Matrix y = gaussian(20, 6, 11);
        double d = run(metric, x, y).value();
        double[] xs = x.data().clone();
        double[] ys = y.data().clone();
        for (int k = 0; k < xs.length; k++) {
            xs[k] *= 3.7;
            ys[k] *= 3.7;
        }
        assertEquals(3.7 * d, run(metric, new Matrix(20, 6, xs), new Matrix(20, 6, ys)).value(), 1e-12 * d);
    }

    @Test
    void correlationCostIsInvariantToPositiveAffineMapsOfEachUnit() {
        Matrix x = gaussian(20, 6, 12);
        Matrix y = gaussian(20, 9, 13);
        double v = run(metric, x, y, "cost", "correlation").value();
        double[] d = y.data().clone();
        for (int r = 0; r < 20; r++) {
            for (int j = 0; j < 9; j++) {
                d[r * 9 + j] = (j + 1) * 0.5 * d[r * 9 + j] + 10 * j - 3;
            }
        }
        assertEquals(v, run(metric, x, new Matrix(20, 9, d), "cost", "correlation").value(), 1e-12);
    }

    @Test
    void allZeroUnitsAreDroppedAndReported() {
        Matrix x = gaussian(15, 5, 14);
        Matrix y = gaussian(15, 6, 15);
        Matrix zeros = new Matrix(15, 1, new double[15]);
        Matrix xz = concat(concat(columns(x, 0, 1), zeros), columns(x, 2, 3, 4));
        SimilarityResult r = run(metric, xz, y);
        assertEquals(run(metric, x, y).value(), r.value(), 0.0, "a zero unit does not count");
        assertArrayEquals(new int[] {2}, (int[]) r.details().get("dropped_x"));
        assertArrayEquals(new int[0], (int[]) r.details().get("dropped_y"));
        Matrix plan = (Matrix) r.details().get("transport_plan");
        assertEquals(6, plan.rows(), "the plan covers all original units");
        for (int j = 0; j < 6; j++) {
            assertEquals(0.0, plan.get(2, j), 0.0);
        }
        assertEquals(5, ((Number) r.details().get("units_x")).intValue());
    }

    @Test
    void constantUnitHasCorrelationZeroAndIsReported() {
        Matrix x = gaussian(15, 4, 16);
        double[] d = x.data().clone();
        for (int r = 0; r < 15; r++) {
            d[r * 4 + 1] = 2.5;
        }
        SimilarityResult r = run(metric, new Matrix(15, 4, d), gaussian(15, 4, 17), "cost", "correlation");
        assertArrayEquals(new int[] {1}, (int[]) r.details().get("zero_variance_x"));
        assertTrue(Double.isFinite(r.value()));
    }

    @Test
    void rejectsRepresentationsWithoutAnyNonZeroUnit() {
        Matrix zeros = new Matrix(10, 3, new double[30]);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(metric, gaussian(10, 4, 1), zeros));
        assertTrue(e.getMessage().startsWith("y: all 3 units"), e.getMessage());
    }

    @Test
    void rejectsASingleStimulus() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> run(metric, gaussian(1, 4, 1), gaussian(1, 3, 2)));
        assertTrue(e.getMessage().contains("at least 2 stimuli"), e.getMessage());
    }

    @Test
    void rejectsZeroRegularisationForSinkhorn() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> run(metric, gaussian(10, 4, 1), gaussian(10, 3, 2), "solver", "sinkhorn", "reg", "0"));
        assertTrue(e.getMessage().startsWith("reg: "), e.getMessage());
    }
}
