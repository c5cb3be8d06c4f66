package org.myelin.metric.softmatching.internal.ot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The parametric solver against the network simplex ({@link ExactTransport#partial}, itself checked
 * against POT's {@code partial_wasserstein} in {@link ExactTransportTest}): on continuous random
 * costs the optimal plan of every mass is unique, so the cost curve must equal the simplex's cost
 * at every mass, and the units the simplex matches at mass {@code m} must be exactly those whose
 * entry mass is below {@code m}. Plus hand-derived cases.
 */
class PartialTransportPathTest {

    private static final double[] MASSES = {0.05, 0.13, 0.25, 0.4, 0.5, 0.6, 0.77, 0.9, 0.97};

    @Test
    void costCurveAndEntryMassesAgreeWithTheNetworkSimplexAtEveryMass() {
        Random rnd = new Random(11);
        for (int[] shape : new int[][] {{12, 12}, {40, 40}, {30, 45}, {45, 30}, {64, 48}, {7, 1}, {1, 5}, {17, 23}}) {
            int p = shape[0];
            int q = shape[1];
            double[] c = new double[p * q];
            for (int k = 0; k < c.length; k++) {
                c[k] = rnd.nextDouble() * 2;
            }
            PartialTransportPath.Trace t = PartialTransportPath.trace(c, p, q);
            ExactTransport simplex = new ExactTransport(c, p, q);
            String at = p + " x " + q;
            assertEquals(simplex.balanced().cost(), t.costAt(1.0), 1e-12, at + ": cost at m = 1");
            assertEquals(0.0, t.costAt(0.0), 0.0, at + ": cost at m = 0");
            for (double m : MASSES) {
                TransportPlan ns = simplex.partial(m);
                assertEquals(ns.cost(), t.costAt(m), 1e-12, at + ": cost at m = " + m);
                double[] rows = ns.rowSums();
                for (int i = 0; i < p; i++) {
                    assertEquals(rows[i] > 1e-12, t.rowEntryMass()[i] < m, at + ", m = " + m + ": row " + i
                            + " matched by the simplex (" + rows[i] + ") iff its entry mass " + t.rowEntryMass()[i] + " < m");
                }
                double[] cols = ns.colSums();
                for (int j = 0; j < q; j++) {
                    assertEquals(cols[j] > 1e-12, t.colEntryMass()[j] < m, at + ", m = " + m + ": column " + j);
                }
            }
        }
    }

    @Test
    void plansEqualTheNetworkSimplexPlansAndCarryExactlyTheMass() {
        Random rnd = new Random(12);
        for (int[] shape : new int[][] {{20, 20}, {24, 36}, {33, 10}}) {
            int p = shape[0];
            int q = shape[1];
            double[] c = new double[p * q];
            for (int k = 0; k < c.length; k++) {
                c[k] = rnd.nextDouble();
            }
            double[] masses = {0.6, 0.0, 1.0, 0.3, 0.6, 0.45};
            PartialTransportPath.Trace t = PartialTransportPath.trace(c, p, q, masses);
            PartialTransportPath.Trace early = PartialTransportPath.plans(c, p, q, 0.3, 0.45);
            ExactTransport simplex = new ExactTransport(c, p, q);
            for (int k = 0; k < masses.length; k++) {
                TransportPlan ns = simplex.partial(masses[k]);
                TransportPlan mine = t.plans()[k];
                String at = p + " x " + q + ", m = " + masses[k];
                assertArrayEquals(ns.plan(), mine.plan(), 1e-15, at + ": plan (unique for continuous random costs)");
                assertEquals(ns.cost(), mine.cost(), 1e-14, at + ": cost");
                assertEquals(masses[k], Arrays.stream(mine.plan()).sum(), 1e-14, at + ": mass");
                for (double r : mine.rowSums()) {
                    assertTrue(r <= 1.0 / p + 1e-16, at + ": row sum " + r + " within 1/p");
                }
            }
            assertArrayEquals(t.plans()[3].plan(), early.plans()[0].plan(), 0.0, "stopping early changes no plan");
            assertArrayEquals(t.plans()[5].plan(), early.plans()[1].plan(), 0.0);
            assertTrue(early.breakpointMass()[early.breakpointMass().length - 1] < 1.0, "the early run stops short of m = 1");
            assertTrue(Arrays.stream(early.rowEntryMass()).anyMatch(Double::isNaN), "units beyond the stop have no entry mass");
        }
    }

    @Test
    void squareProblemsAreCardinalityMatchings() {
        // p = q: each augmentation adds one pair, so the entry masses are 0, 1/p, ..., (p-1)/p
        Random rnd = new Random(3);
        int p = 30;
        double[] c = new double[p * p];
        for (int k = 0; k < c.length; k++) {
            c[k] = rnd.nextDouble();
        }
        PartialTransportPath.Trace t = PartialTransportPath.trace(c, p, p);
        double[] rows = t.rowEntryMass().clone();
        Arrays.sort(rows);
        for (int k = 0; k < p; k++) {
            assertEquals((double) k / p, rows[k], 1e-15);
        }
        assertEquals(p + 1, t.breakpointMass().length, "one linear piece per pair");
        // the cheapest entry of the whole matrix is the first pair
        double min = Arrays.stream(c).min().getAsDouble();
        int first = 0;
        for (int i = 0; i < p; i++) {
            if (t.rowEntryMass()[i] == 0.0) {
                first = i;
            }
        }
        assertEquals(min, t.rowEntryCost()[first], 0.0);
        assertEquals(min / p, t.costAt(1.0 / p), 1e-15);
    }

    @Test
    void handDerivedTwoByTwo() {
        // C = [[0, 1], [1, 5]]: mass 1/2 takes pair (0,0) at cost 0; the second half must use
        // rows 1 and columns 1: either (1,1) at 5, or reroute 0 -> 1 and add (1,0): 1 + 1 = 2
        double[] c = {0, 1, 1, 5};
        PartialTransportPath.Trace t = PartialTransportPath.trace(c, 2, 2);
        assertArrayEquals(new double[] {0, 0.5, 1}, t.breakpointMass(), 0.0);
        assertArrayEquals(new double[] {0, 0, 1.0}, t.breakpointCost(), 1e-15, "cost (1 + 1) / 2 at m = 1");
        assertArrayEquals(new double[] {0, 0.5}, t.rowEntryMass(), 0.0);
        assertArrayEquals(new double[] {0, 0.5}, t.colEntryMass(), 0.0);
        assertEquals(0.5, t.costAt(0.75), 1e-15);
    }

    @Test
    void overlapUnitsEnterFirstAtZeroCost() {
        // rows 0..5 have a zero-cost partner among 10 columns; everything else costs at least 1
        Random rnd = new Random(8);
        int p = 10;
        int[] partner = {7, 2, 9, 0, 4, 5};
        double[] c = new double[p * p];
        for (int k = 0; k < c.length; k++) {
            c[k] = 1 + rnd.nextDouble();
        }
        for (int i = 0; i < partner.length; i++) {
            c[i * p + partner[i]] = 0;
        }
        PartialTransportPath.Trace t = PartialTransportPath.trace(c, p, p);
        for (int i = 0; i < p; i++) {
            assertEquals(i < partner.length, t.rowEntryMass()[i] < 0.6, "row " + i + " enters below 0.6 iff it has a partner");
        }
        assertEquals(0.0, t.costAt(0.6), 0.0);
        assertTrue(t.costAt(0.7) > 0.09);
    }

    @Test
    void negativeCostsAreShiftedWithoutChangingPlans() {
        // a constant added to every cost adds m times it to every plan of mass m; the simplex's
        // dummy-point reduction needs costs >= 0, so it is asked about the shifted matrix
        Random rnd = new Random(4);
        int p = 9;
        int q = 6;
        double[] c = new double[p * q];
        for (int k = 0; k < c.length; k++) {
            c[k] = rnd.nextDouble() - 0.7;
        }
        double min = Arrays.stream(c).min().getAsDouble();
        double[] shifted = Arrays.stream(c).map(v -> v - min).toArray();
        PartialTransportPath.Trace t = PartialTransportPath.trace(c, p, q);
        PartialTransportPath.Trace ts = PartialTransportPath.trace(shifted, p, q);
        ExactTransport simplex = new ExactTransport(shifted, p, q);
        for (double m : MASSES) {
            assertEquals(simplex.partial(m).cost() + m * min, t.costAt(m), 1e-12, "m = " + m);
        }
        assertArrayEquals(ts.rowEntryMass(), t.rowEntryMass(), 0.0);
        assertArrayEquals(ts.colEntryMass(), t.colEntryMass(), 0.0);
    }

    @Test
    void aUnitHasMassAtMExactlyWhenItsEntryMassIsBelowM() {
        // masses on and one ulp either side of every breakpoint, on tie-heavy costs, including
        // the two cases a review found: C = [0 1 ... 49] at m = 0.14 (0.14 * 50 rounds above 7)
        // and 1 x 7 just above 3/7 (m * 7 rounds to 3)
        double[] ramp = new double[50];
        for (int j = 0; j < 50; j++) {
            ramp[j] = j;
        }
        checkMatchedIffEntered(ramp, 1, 50);
        Random rnd = new Random(21);
        for (int[] shape : new int[][] {{1, 7}, {7, 11}, {2, 50}, {6, 4}}) {
            int p = shape[0];
            int q = shape[1];
            double[] c = new double[p * q];
            for (int k = 0; k < c.length; k++) {
                c[k] = rnd.nextInt(3);
            }
            checkMatchedIffEntered(c, p, q);
        }
        PartialTransportPath.Trace t = PartialTransportPath.trace(ramp, 1, 50, 0.14);
        assertEquals(0.0, t.plans()[0].colSums()[7], 0.0, "column 7 enters at 0.14 and has no mass there");
        double[] seven = new double[7];
        t = PartialTransportPath.trace(seven, 1, 7, Math.nextUp(3.0 / 7));
        assertEquals(4, Arrays.stream(t.plans()[0].colSums()).filter(v -> v > 0).count(), "just above 3/7 a fourth column has mass");
    }

    private static void checkMatchedIffEntered(double[] c, int p, int q) {
        double[] breakpoints = PartialTransportPath.trace(c, p, q).breakpointMass();
        double[] masses = new double[3 * breakpoints.length];
        for (int k = 0; k < breakpoints.length; k++) {
            masses[3 * k] = breakpoints[k];
            masses[3 * k + 1] = Math.min(1.0, Math.nextUp(breakpoints[k]));
            masses[3 * k + 2] = Math.max(0.0, Math.nextDown(breakpoints[k]));
        }
        PartialTransportPath.Trace t = PartialTransportPath.trace(c, p, q, masses);
        for (int k = 0; k < masses.length; k++) {
            double m = masses[k];
            double[] rows = t.plans()[k].rowSums();
            double[] cols = t.plans()[k].colSums();
            for (int i = 0; i < p; i++) {
                assertEquals(t.rowEntryMass()[i] < m, rows[i] > 0, p + " x " + q + ", m = " + m + ", row " + i);
                assertTrue(rows[i] <= (1.0 / p) * (1 + 1e-15), "row sum within 1/p");
            }
            for (int j = 0; j < q; j++) {
                assertEquals(t.colEntryMass()[j] < m, cols[j] > 0, p + " x " + q + ", m = " + m + ", column " + j);
            }
            assertEquals(m, Arrays.stream(t.plans()[k].plan()).sum(), 1e-15, "mass carried");
        }
    }

    @Test
    void costCurveQueriesOutsideTheTraceAreRejected() {
        double[] c = {0, 1, 1, 5};
        PartialTransportPath.Trace early = PartialTransportPath.plans(c, 2, 2, 0.25);
        assertThrows(IllegalArgumentException.class, () -> early.costAt(0.75), "the stopped trace knows nothing beyond 0.5");
        assertEquals(0.0, early.costAt(0.5), 0.0);
        PartialTransportPath.Trace t = PartialTransportPath.trace(c, 2, 2);
        assertThrows(IllegalArgumentException.class, () -> t.costAt(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> t.costAt(1.5));
        assertThrows(IllegalArgumentException.class, () -> PartialTransportPath.trace(c, 2, 2, 1.1));
    }

    @Test
    void entryCostsAreTheCallersCostsEvenWhenShifted() {
        double[] c = {0.1, -0.3, 0.7, 0.2};
        PartialTransportPath.Trace t = PartialTransportPath.trace(c, 2, 2);
        // (0, 1) at -0.3 enters first; then the path 1 -> 1 (0.2), back over (0, 1) (+0.3),
        // 0 -> 0 (0.1) costs 0.6 < 0.7 of (1, 0): row 1 enters on 0.2, column 0 on 0.1, bit for bit
        assertEquals(-0.3, t.rowEntryCost()[0], 0.0);
        assertEquals(-0.3, t.colEntryCost()[1], 0.0);
        assertEquals(0.2, t.rowEntryCost()[1], 0.0);
        assertEquals(0.1, t.colEntryCost()[0], 0.0);
        assertEquals((-0.3 + 0.6) / 2, t.costAt(1.0), 1e-15);
    }

    @Test
    void rejectsNonFiniteCostsAndWrongShapes() {
        assertThrows(IllegalArgumentException.class, () -> PartialTransportPath.trace(new double[] {0, Double.NaN}, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> PartialTransportPath.trace(new double[3], 2, 2));
    }
}
