package org.myelin.metric.softmatching.internal.ot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.myelin.metric.softmatching.internal.PotReference;

/**
 * The entropic solvers against POT 0.8.2: {@code ot.bregman.sinkhorn_log} and
 * {@code ot.partial.entropic_partial_wasserstein} (run to convergence by
 * {@code generate_pot_reference.py}; numbers in {@code pot_reference.txt}); and their limits
 * as {@code reg -> 0} against the exact solvers.
 */
class EntropicTransportTest {

    @Test
    void logSinkhornPlanEqualsPotSinkhornLog() {
        for (PotReference.Case c : PotReference.all().values()) {
            if (!"sinkhorn".equals(c.attributes().get("kind"))) {
                continue;
            }
            TransportPlan t = LogSinkhorn.balanced(c.array("C"), c.intAttr("p"), c.intAttr("q"), c.doubleAttr("reg"), 200_000, 1e-14);
            assertTrue(t.converged(), c.name() + " did not converge in " + t.iterations() + " iterations");
            assertArrayEquals(c.array("P"), t.plan(), 1e-12, c.name() + ": plan");
            assertEquals(c.scalar("cost"), t.cost(), 1e-12, c.name() + ": <P,C>");
        }
    }

    @Test
    void entropicPartialPlanEqualsPotEntropicPartialWasserstein() {
        for (PotReference.Case c : PotReference.all().values()) {
            if (!"entropic_partial".equals(c.attributes().get("kind"))) {
                continue;
            }
            TransportPlan t = EntropicPartialTransport.solve(c.array("C"), c.intAttr("p"), c.intAttr("q"), c.doubleAttr("mass"),
                    c.doubleAttr("reg"), 200_000, 1e-15);
            assertArrayEquals(c.array("P"), t.plan(), 1e-10, c.name() + ": plan");
            assertEquals(c.scalar("cost"), t.cost(), 1e-10, c.name() + ": <P,C>");
            assertEquals(c.doubleAttr("mass"), t.mass(), 1e-12, c.name() + ": total mass");
        }
    }

    @Test
    void sinkhornCostApproachesTheExactCostAsRegShrinks() {
        Random rnd = new Random(3);
        int p = 15;
        int q = 12;
        double[] c = new double[p * q];
        for (int k = 0; k < c.length; k++) {
            c[k] = rnd.nextDouble();
        }
        double exact = new ExactTransport(c, p, q).balanced().cost();
        double exactPartial = new ExactTransport(c, p, q).partial(0.5).cost();
        double previous = Double.POSITIVE_INFINITY;
        double previousPartial = Double.POSITIVE_INFINITY;
        for (double reg : new double[] {0.3, 0.1, 0.03, 0.01, 0.003}) {
            double gap = LogSinkhorn.balanced(c, p, q, reg, 1_000_000, 1e-13).cost() - exact;
            double gapPartial = EntropicPartialTransport.solve(c, p, q, 0.5, reg, 1_000_000, 1e-14).cost() - exactPartial;
            assertTrue(gap > -1e-12 && gap < previous, "reg " + reg + ": sinkhorn cost - exact cost = " + gap);
            assertTrue(gapPartial > -1e-9 && gapPartial < previousPartial, "reg " + reg + ": partial gap " + gapPartial);
            previous = gap;
            previousPartial = gapPartial;
        }
        assertTrue(previous < 2e-3, "at reg 0.003 the sinkhorn cost is still " + previous + " above the exact one");
        assertTrue(previousPartial < 2e-3, "at reg 0.003 the entropic partial cost is still " + previousPartial + " above");
    }

    @Test
    void logDomainSinkhornDoesNotUnderflowForTinyReg() {
        double[] c = {0, 500, 500, 0};
        TransportPlan t = LogSinkhorn.balanced(c, 2, 2, 1e-3, 1000, 1e-12);
        assertArrayEquals(new double[] {0.5, 0, 0, 0.5}, t.plan(), 1e-12, "exp(-500/1e-3) underflows outside the log domain");
    }
}
