package org.myelin.metric.softmatching.internal;

import java.util.HashMap;
import java.util.Map;

import org.myelin.metric.softmatching.internal.ot.EntropicPartialTransport;
import org.myelin.metric.softmatching.internal.ot.ExactTransport;
import org.myelin.metric.softmatching.internal.ot.TransportPlan;

/**
 * Partial transport plans of one cost matrix for any number of masses, with the chosen solver.
 * Plans are remembered by mass, so a mass asked for twice (the given mass and the same point of
 * the ranking sweep) is solved once, and the exact solver reuses its work arrays.
 */
final class PartialSolutions {

    private final double[] cost;
    private final int p;
    private final int q;
    private final MatchingSettings settings;
    private final ExactTransport exact;
    private final Map<Double, TransportPlan> plans = new HashMap<>();

    /**
     * @param cost row-major p x q costs
     * @param p source units
     * @param q target units
     * @param settings solver choice and Sinkhorn settings
     */
    PartialSolutions(double[] cost, int p, int q, MatchingSettings settings) {
        this.cost = cost;
        this.p = p;
        this.q = q;
        this.settings = settings;
        this.exact = settings.sinkhorn() ? null : new ExactTransport(cost, p, q);
    }

    /**
     * @param mass total mass in [0, 1]
     * @return the optimal (or entropic) partial plan for that mass
     */
    TransportPlan plan(double mass) {
        return plans.computeIfAbsent(mass, m -> settings.sinkhorn()
                ? EntropicPartialTransport.solve(cost, p, q, m, settings.reg(), settings.maxIterations(), settings.tolerance())
                : exact.partial(m));
    }
}
