package org.myelin.metric.softmatching.internal.ot;

/**
 * Exact optimal transport between uniform unit distributions, balanced or partial, on the network
 * simplex of {@link NetworkSimplex}.
 *
 * <p>Balanced: marginals {@code a_i = 1/p}, {@code b_j = 1/q}, scaled to the integer supplies
 * {@code q} and demands {@code p} (total {@code pq}), so every row of the plan sums to exactly
 * {@code q / pq} before the final division.
 *
 * <p>Partial with mass {@code m} exactly as POT's {@code ot.partial.partial_wasserstein} with one
 * dummy point: the sources get a dummy with mass {@code sum(b) - m = 1 - m}, the targets a dummy
 * with mass {@code sum(a) - m = 1 - m}; real-to-dummy costs are 0, dummy-to-dummy costs
 * {@code 2 max(C)}; the balanced problem on the (p+1) x (q+1) graph is solved exactly and the
 * dummy row and column are cropped. The result solves
 * {@code min <P, C>} over {@code P >= 0, P 1 <= a, P' 1 <= b, 1' P 1 = m}. {@code m = 1} is the
 * balanced problem (the dummies carry nothing) and is solved as such, so it returns the balanced
 * plan itself; {@code m = 0} is the empty plan.
 *
 * <p>One instance holds the work arrays for one cost matrix and can be asked for many masses.
 * The metrics use it for balanced plans; partial plans come from {@link PartialTransportPath},
 * which finds every mass in one run, and {@link #partial} is kept as its independent cross-check
 * (one mass at a time, on POT's reduction; the tests compare the two plan by plan). The
 * reduction needs costs {@code >= 0}: with negative costs the dummy-to-dummy route is dearer
 * than moving more real mass, and the plan carries more than {@code m}.
 */
public final class ExactTransport {

    private final double[] cost;
    private final int p;
    private final int q;
    private NetworkSimplex balanced;
    private NetworkSimplex partial;
    private double[] extendedCost;
    private double[] extendedFlow;

    /**
     * @param cost row-major {@code p x q} finite costs (kept by reference; do not change it)
     * @param p number of source units
     * @param q number of target units
     */
    public ExactTransport(double[] cost, int p, int q) {
        if ((long) p * q != cost.length) {
            throw new IllegalArgumentException("cost has " + cost.length + " entries, not " + p + " x " + q);
        }
        this.cost = cost;
        this.p = p;
        this.q = q;
    }

    /** @return the balanced optimal plan between uniform marginals */
    public TransportPlan balanced() {
        if (balanced == null) {
            balanced = new NetworkSimplex(p, q);
        }
        long[] supply = new long[p];
        long[] demand = new long[q];
        java.util.Arrays.fill(supply, q);
        java.util.Arrays.fill(demand, p);
        long pivots = balanced.solve(cost, supply, demand);
        double[] plan = new double[p * q];
        balanced.flows(1.0 / ((double) p * q), plan);
        return new TransportPlan(p, q, plan, TransportPlan.inner(plan, cost), 1.0, pivots, true, 0.0);
    }

    /**
     * @param mass total mass {@code m} in [0, 1]
     * @return the optimal partial plan; {@link TransportPlan#mass()} is the mass actually used (the
     *         given one unless it has more decimals than the integer flows can carry)
     */
    public TransportPlan partial(double mass) {
        long total = (long) p * q;
        MassFraction m = MassFraction.of(mass, Long.MAX_VALUE / 4 / total);
        if (m.numerator() == m.denominator()) {
            return balanced();
        }
        if (m.numerator() == 0) {
            return new TransportPlan(p, q, new double[p * q], 0.0, 0.0, 0, true, 0.0);
        }
        if (partial == null) {
            partial = new NetworkSimplex(p + 1, q + 1);
            extendedCost = new double[(p + 1) * (q + 1)];
            extendedFlow = new double[(p + 1) * (q + 1)];
            double max = 0;
            for (double c : cost) {
                max = Math.max(max, c);
            }
            for (int i = 0; i < p; i++) {
                System.arraycopy(cost, i * q, extendedCost, i * (q + 1), q);
            }
            extendedCost[(p + 1) * (q + 1) - 1] = 2 * max;
        }
        long den = m.denominator();
        long dummy = total * (den - m.numerator());
        long[] supply = new long[p + 1];
        long[] demand = new long[q + 1];
        java.util.Arrays.fill(supply, 0, p, q * den);
        java.util.Arrays.fill(demand, 0, q, p * den);
        supply[p] = dummy;
        demand[q] = dummy;
        long pivots = partial.solve(extendedCost, supply, demand);
        partial.flows(1.0 / ((double) total * den), extendedFlow);
        double[] plan = new double[p * q];
        for (int i = 0; i < p; i++) {
            System.arraycopy(extendedFlow, i * (q + 1), plan, i * q, q);
        }
        return new TransportPlan(p, q, plan, TransportPlan.inner(plan, cost), m.value(), pivots, true, 0.0);
    }
}
