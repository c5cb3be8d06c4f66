package org.myelin.metric.softmatching.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myelin.metric.softmatching.internal.Representations.columns;
import static org.myelin.metric.softmatching.internal.Representations.concat;
import static org.myelin.metric.softmatching.internal.Representations.gaussian;
import static org.myelin.metric.softmatching.internal.Representations.run;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.param.InvalidParameterException;

/**
 * {@code partial-soft-matching} against POT 0.8.2 {@code ot.partial.partial_wasserstein} on the
 * representations of {@code pot_reference.txt}, and the overlap construction of
 * science/metrics.md section 5: X and Y share a set of units exactly and the rest of Y is
 * unrelated; with the mass equal to the shared fraction, partial matching finds exactly the
 * shared units at zero cost.
 */
class PartialSoftMatchingMetricTest {

    private final PartialSoftMatchingMetric metric = new PartialSoftMatchingMetric();
    private final SoftMatchingMetric full = new SoftMatchingMetric();

    @Test
    void valuesEqualPotPartialWassersteinOnTheReferenceRepresentations() {
        for (String name : new String[] {"metric_12x5_vs_12x7", "metric_40x16_vs_40x11"}) {
            PotReference.Case c = PotReference.get(name);
            Matrix x = Representations.fromCase(c, "X", c.intAttr("p"));
            Matrix y = Representations.fromCase(c, "Y", c.intAttr("q"));
            for (String m : new String[] {"0.3", "0.6"}) {
                double corr = run(metric, x, y, "mass", m).value();
                assertEquals(1 - c.scalar("partial_corr_" + m), corr, 1e-12, name + " m=" + m + ": 1 - <P,C>, correlation");
                double sq = run(metric, x, y, "mass", m, "cost", "sqeuclidean").value();
                double refSq = c.scalar("partial_sq_centered_" + m);
                assertEquals(refSq, sq, 1e-12 * refSq, name + " m=" + m + ": <P,C> (not divided by m), centred");
                double raw = run(metric, x, y, "mass", m, "cost", "sqeuclidean", "center", "false").value();
                double refRaw = c.scalar("partial_sq_raw_" + m);
                assertEquals(refRaw, raw, 1e-12 * refRaw, name + " m=" + m + ": raw columns");
            }
        }
    }

    @Test
    void massOneEqualsSoftMatchingPlanAndCost() {
        Matrix x = gaussian(30, 9, 21);
        Matrix y = gaussian(30, 13, 22);
        for (String cost : new String[] {"correlation", "sqeuclidean"}) {
            SimilarityResult partial = run(metric, x, y, "mass", "1", "cost", cost);
            SimilarityResult soft = run(full, x, y, "cost", cost);
            assertEquals(soft.details().get("transport_cost"), partial.details().get("transport_cost"), cost);
            assertEquals(soft.details().get("transport_plan"), partial.details().get("transport_plan"), cost + ": same plan");
            assertEquals(1.0, (Double) partial.details().get("transported_mass"), 0.0);
        }
    }

    @Test
    void detailsDescribeThePartialPlan() {
        Matrix x = gaussian(30, 10, 23);
        Matrix y = gaussian(30, 8, 24);
        SimilarityResult r = run(metric, x, y, "mass", "0.45");
        Map<String, Object> d = r.details();
        double cost = (Double) d.get("transport_cost");
        assertEquals(1 - cost, r.value(), 0.0);
        assertEquals(0.45, (Double) d.get("transported_mass"), 0.0, "the mass is carried exactly (integer flows, 0.45 = 9/20)");
        assertEquals(cost / 0.45, (Double) d.get("normalized_cost"), 1e-15);
        double[] rows = (double[]) d.get("row_sums");
        double[] cols = (double[]) d.get("col_sums");
        assertEquals(0.45, Arrays.stream(rows).sum(), 1e-15);
        assertEquals(0.45, Arrays.stream(cols).sum(), 1e-15);
        int matched = 0;
        for (double s : rows) {
            assertTrue(s <= 0.1 + 1e-17, "row sum " + s + " above 1/p");
            matched += s > 1e-8 ? 1 : 0;
        }
        assertEquals(matched, ((int[]) d.get("matched_x")).length);
        int[] ranking = (int[]) d.get("ranking_x");
        int[] sorted = ranking.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted, "every unit is ranked once");
        double[] entry = (double[]) d.get("ranking_x_entry_mass");
        for (int k = 1; k < entry.length; k++) {
            assertTrue(entry[k - 1] <= entry[k], "ranking ordered by entry mass");
        }
        for (int u : (int[]) d.get("matched_x")) {
            int pos = indexOf(ranking, u);
            assertTrue(entry[pos] <= 0.5, "unit " + u + " is matched at m = 0.45, so it enters by the sweep's m = 0.5");
        }
    }

    @Test
    void overlapConstructionFindsExactlyTheSharedUnitsAtZeroCost() {
        // X: 300 stimuli x 100 units; Y: 60 units copied from X (units 0..59) and 40 unrelated, columns shuffled
        Matrix x = gaussian(300, 100, 31);
        int[] shuffle = Representations.permutation(100, 32);
        Matrix y = columns(concat(columns(x, range(0, 60)), gaussian(300, 40, 33)), shuffle);
        int[] sharedY = new int[60];
        for (int k = 0, a = 0; k < 100; k++) {
            if (shuffle[k] < 60) {
                sharedY[a++] = k;
            }
        }
        for (String cost : new String[] {"correlation", "sqeuclidean"}) {
            SimilarityResult r = run(metric, x, y, "mass", "0.6", "cost", cost);
            Map<String, Object> d = r.details();
            assertEquals(0.0, (Double) d.get("transport_cost"), 0.0, cost + ": shared units matched at exactly zero cost");
            assertArrayEquals(range(0, 60), (int[]) d.get("matched_x"), cost + ": matched_x = the shared units of x");
            assertArrayEquals(sharedY, (int[]) d.get("matched_y"), cost + ": matched_y = where their copies are in y");
            Matrix plan = (Matrix) d.get("transport_plan");
            for (int k = 0; k < 100; k++) {
                if (shuffle[k] < 60) {
                    assertEquals(0.01, plan.get(shuffle[k], k), 1e-17, cost + ": unit " + shuffle[k] + " goes to its copy");
                }
            }
            double more = (Double) run(metric, x, y, "mass", "0.8", "cost", cost).details().get("transport_cost");
            assertTrue(more > 0.01, cost + ": beyond the overlap the cost rises, got " + more);
        }
        double fullDistance = run(full, x, y).value();
        assertTrue(fullDistance > 5, "full soft matching mixes in the unrelated units: " + fullDistance);
    }

    @Test
    void overlapWithDifferentUnitCountsAndAutoMassPicksTheSharedFraction() {
        // 48 of y's 80 units copy 48 units of x (of 100); 48/100 = 0.48 of x's mass and 48/80 of y's
        Matrix x = gaussian(200, 100, 41);
        int[] shared = Representations.permutation(100, 42);
        int[] picked = Arrays.copyOf(shared, 48);
        Matrix y = concat(columns(x, picked), gaussian(200, 32, 43));
        SimilarityResult r = run(metric, x, y, "mass", "0.48");
        int[] sortedPicked = picked.clone();
        Arrays.sort(sortedPicked);
        assertEquals(0.0, (Double) r.details().get("transport_cost"), 0.0);
        assertArrayEquals(sortedPicked, (int[]) r.details().get("matched_x"));
        assertArrayEquals(range(0, 48), (int[]) r.details().get("matched_y"));

        // the 60 % overlap with mass=auto: the L-curve's corner is at m = 0.6
        Matrix x2 = gaussian(300, 50, 51);
        Matrix y2 = concat(columns(x2, range(0, 30)), gaussian(300, 20, 52));
        SimilarityResult auto = run(metric, x2, y2, "mass", "auto");
        assertEquals(0.6, (Double) auto.details().get("mass"), 0.0, "corner of the L-curve");
        assertEquals("auto", auto.details().get("mass_selection"));
        assertArrayEquals(range(0, 30), (int[]) auto.details().get("matched_x"));
        @SuppressWarnings("unchecked")
        Map<String, Object> curve = (Map<String, Object>) auto.details().get("lcurve");
        double[] score = (double[]) curve.get("score");
        assertEquals(11, score.length);
        for (int k = 0; k <= 6; k++) {
            assertEquals(1.0, score[k], 1e-12, "held-out score at m = " + k / 10.0 + " (the copies stay copies on any fold)");
        }
        assertTrue(score[7] < 0.99, "beyond the overlap the held-out score drops: " + score[7]);
        SimilarityResult curvature = run(metric, x2, y2, "mass", "auto", "lcurve_corner", "curvature", "folds", "1");
        assertTrue(Double.isFinite((Double) curvature.details().get("mass")));
    }

    @Test
    void rankingPutsTheSharedUnitsFirst() {
        Matrix x = gaussian(200, 40, 61);
        Matrix y = concat(columns(x, range(0, 20)), gaussian(200, 20, 62));
        SimilarityResult r = run(metric, x, y, "mass", "0.5");
        int[] ranking = (int[]) r.details().get("ranking_x");
        int[] first = Arrays.copyOf(ranking, 20);
        Arrays.sort(first);
        assertArrayEquals(range(0, 20), first, "the 20 copied units of x rank before the 20 unrelated ones");
        double[] entry = (double[]) r.details().get("ranking_x_entry_mass");
        // 40 x 40: each augmenting path adds one pair, so the k-th unit enters exactly at k / 40;
        // the copies cost 0 and take the first 20 steps, below m = 0.5
        for (int k = 0; k < 40; k++) {
            assertEquals(k / 40.0, entry[k], 1e-15, "entry mass of the unit ranked " + k);
        }
    }

    @Test
    void invariantToUnitPermutations() {
        Matrix x = gaussian(25, 8, 71);
        Matrix y = gaussian(25, 11, 72);
        double v = run(metric, x, y, "mass", "0.5").value();
        double vp = run(metric, columns(x, Representations.permutation(8, 73)), columns(y, Representations.permutation(11, 74)),
                "mass", "0.5").value();
        assertEquals(v, vp, 1e-12);
    }

    @Test
    void massZeroIsTheEmptyMatching() {
        SimilarityResult r = run(metric, gaussian(20, 5, 81), gaussian(20, 6, 82), "mass", "0");
        assertEquals(1.0, r.value(), 0.0);
        assertEquals(0, ((int[]) r.details().get("matched_x")).length);
        assertEquals(0.0, (Double) r.details().get("normalized_cost"), 0.0);
    }

    @Test
    void rejectsMassesOutsideTheUnitIntervalOrNotANumber() {
        for (String bad : new String[] {"1.5", "-0.1", "NaN", "Infinity", "abc", ""}) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class,
                    () -> run(metric, gaussian(20, 5, 1), gaussian(20, 5, 2), "mass", bad), "mass=" + bad);
            assertTrue(e.getMessage().startsWith("mass: "), e.getMessage());
            assertTrue(e.getMessage().contains("[0, 1]") && e.getMessage().contains("auto"), e.getMessage());
        }
    }

    @Test
    void rejectsMoreFoldsThanTheStimuliAllow() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> run(metric, gaussian(8, 5, 1), gaussian(8, 5, 2), "mass", "auto", "folds", "5"));
        assertTrue(e.getMessage().startsWith("folds: "), e.getMessage());
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int k = 0; k < r.length; k++) {
            r[k] = from + k;
        }
        return r;
    }

    private static int indexOf(int[] a, int v) {
        for (int k = 0; k < a.length; k++) {
            if (a[k] == v) {
                return k;
            }
        }
        return -1;
    }
}
