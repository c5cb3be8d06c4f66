package org.myelin.metric.softmatching.internal.ot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.myelin.metric.softmatching.internal.PotReference;

/**
 * The exact solvers against POT 0.8.2 ({@code ot.emd} and {@code ot.partial.partial_wasserstein},
 * numbers in {@code pot_reference.txt}, produced by {@code generate_pot_reference.py}), plus the
 * properties an exact transport plan must have whatever the reference.
 */
class ExactTransportTest {

    @Test
    void balancedPlansAndCostsEqualPotEmd() {
        for (String name : new String[] {"emd_6x6", "emd_5x9", "emd_9x4", "emd_30x30", "emd_40x25"}) {
            PotReference.Case c = PotReference.get(name);
            int p = c.intAttr("p");
            int q = c.intAttr("q");
            TransportPlan t = new ExactTransport(c.array("C"), p, q).balanced();
            assertEquals(c.scalar("cost"), t.cost(), 1e-14, name + ": <P,C>");
            assertArrayEquals(c.array("P"), t.plan(), 1e-15, name + ": plan (unique for continuous random costs)");
        }
    }

    @Test
    void balancedCostEqualsPotEmdOnDegenerateCostsWithTies() {
        for (String name : new String[] {"emd_ties_12x8", "emd_ties_20x20"}) {
            PotReference.Case c = PotReference.get(name);
            TransportPlan t = new ExactTransport(c.array("C"), c.intAttr("p"), c.intAttr("q")).balanced();
            assertEquals(c.scalar("cost"), t.cost(), 1e-14, name + ": <P,C> (the plan is not unique with ties)");
            assertExactUniformMarginals(t, 1.0);
        }
    }

    @Test
    void partialPlansAndCostsEqualPotPartialWasserstein() {
        for (PotReference.Case c : PotReference.all().values()) {
            if (!"partial".equals(c.attributes().get("kind"))) {
                continue;
            }
            double m = c.doubleAttr("mass");
            TransportPlan t = new ExactTransport(c.array("C"), c.intAttr("p"), c.intAttr("q")).partial(m);
            assertEquals(c.scalar("cost"), t.cost(), 1e-14, c.name() + ": <P,C>");
            assertArrayEquals(c.array("P"), t.plan(), 1e-15, c.name() + ": plan");
            assertEquals(m, t.mass(), 0.0, c.name() + ": mass used");
        }
    }

    @Test
    void balancedMarginalsAreExactOnLargerRandomProblems() {
        Random rnd = new Random(5);
        for (int[] shape : new int[][] {{64, 64}, {50, 77}, {120, 31}, {1, 9}, {9, 1}}) {
            int p = shape[0];
            int q = shape[1];
            double[] c = new double[p * q];
            for (int k = 0; k < c.length; k++) {
                c[k] = rnd.nextDouble();
            }
            ExactTransport solver = new ExactTransport(c, p, q);
            TransportPlan t = solver.balanced();
            assertExactUniformMarginals(t, 1.0);
            assertTrue(t.cost() <= new ExactTransport(c, p, q).partial(1.0).cost() + 1e-15);
        }
    }

    @Test
    void massOneIsTheBalancedPlanAndMassZeroTheEmptyOne() {
        PotReference.Case c = PotReference.get("partial_20x15_m0.5");
        ExactTransport solver = new ExactTransport(c.array("C"), 20, 15);
        TransportPlan full = solver.balanced();
        TransportPlan one = solver.partial(1.0);
        assertArrayEquals(full.plan(), one.plan(), 0.0, "m = 1 gives the balanced plan bit for bit");
        assertEquals(full.cost(), one.cost(), 0.0);
        TransportPlan zero = solver.partial(0.0);
        assertEquals(0.0, zero.cost(), 0.0);
        assertEquals(0.0, java.util.Arrays.stream(zero.plan()).sum(), 0.0);
    }

    @Test
    void partialRowAndColumnSumsStayBelowTheMarginalsAndSumToTheMass() {
        Random rnd = new Random(11);
        int p = 37;
        int q = 23;
        double[] c = new double[p * q];
        for (int k = 0; k < c.length; k++) {
            c[k] = rnd.nextDouble() * 10;
        }
        ExactTransport solver = new ExactTransport(c, p, q);
        double previous = 0;
        for (double m : new double[] {0.05, 0.2, 0.45, 0.6, 0.85, 0.99}) {
            TransportPlan t = solver.partial(m);
            double total = 0;
            for (double r : t.rowSums()) {
                assertTrue(r <= 1.0 / p + 1e-16, "row sum " + r + " > 1/p at m = " + m);
                total += r;
            }
            for (double s : t.colSums()) {
                assertTrue(s <= 1.0 / q + 1e-16, "column sum " + s + " > 1/q at m = " + m);
            }
            assertEquals(m, total, 1e-14, "total mass at m = " + m);
            assertTrue(t.cost() >= previous, "the optimal partial cost grows with the mass");
            previous = t.cost();
        }
    }

    static void assertExactUniformMarginals(TransportPlan t, double mass) {
        double[] rows = t.rowSums();
        double[] cols = t.colSums();
        for (int i = 0; i < t.rows(); i++) {
            assertEquals(mass / t.rows(), rows[i], 2e-16 * Math.max(1, t.cols()) / t.rows(), "row " + i);
        }
        for (int j = 0; j < t.cols(); j++) {
            assertEquals(mass / t.cols(), cols[j], 2e-16 * Math.max(1, t.rows()) / t.cols(), "column " + j);
        }
    }
}
