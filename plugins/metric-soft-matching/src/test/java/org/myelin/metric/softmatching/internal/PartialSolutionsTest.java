package org.myelin.metric.softmatching.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.myelin.core.linalg.Blas;
import org.myelin.metric.softmatching.internal.ot.TransportPlan;

/**
 * Solving masses together gives bit for bit the plans of one-at-a-time solving (reference: the
 * same solver called mass by mass on a fresh instance): for the exact solver one shortest-path run
 * through all masses against one run per mass, for the entropic one the parallel sweep on 1, 2
 * and 3 threads.
 */
class PartialSolutionsTest {

    @Test
    void parallelSweepEqualsSequentialSolvesForAnyThreadCount() {
        int p = 23;
        int q = 17;
        SplittableRandom r = new SplittableRandom(5);
        double[] cost = new double[p * q];
        for (int i = 0; i < cost.length; i++) {
            cost[i] = r.nextDouble();
        }
        double[] masses = {0.1, 0.3, 0.6, 0.6, 1.0, 0.0, 0.45};
        int before = Blas.threads();
        try {
            for (boolean sinkhorn : new boolean[] {false, true}) {
                MatchingSettings s = new MatchingSettings(true, true, sinkhorn, 0.05, 2000, 1e-9);
                PartialSolutions sequential = new PartialSolutions(cost, p, q, s);
                for (int threads : new int[] {1, 2, 3}) {
                    Blas.setThreads(threads);
                    PartialSolutions parallel = new PartialSolutions(cost, p, q, s);
                    parallel.solveAll(masses);
                    for (double m : masses) {
                        TransportPlan a = sequential.plan(m);
                        TransportPlan b = parallel.plan(m);
                        String at = (sinkhorn ? "sinkhorn" : "exact") + " m=" + m + " threads=" + threads;
                        assertArrayEquals(a.plan(), b.plan(), 0.0, at);
                        assertEquals(a.cost(), b.cost(), 0.0, at);
                        assertEquals(a.mass(), b.mass(), 0.0, at);
                    }
                }
            }
        } finally {
            Blas.setThreads(before);
        }
    }
}
