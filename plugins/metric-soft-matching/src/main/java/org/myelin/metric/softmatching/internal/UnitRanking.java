package org.myelin.metric.softmatching.internal;

import java.util.Arrays;
import java.util.Comparator;

import org.myelin.metric.softmatching.internal.ot.PartialTransportPath;

/**
 * Ranks the units of each side by how early partial matching takes them in. A unit's entry mass
 * is the largest mass at which it is still unmatched: the optimal plan of every larger mass gives
 * it mass, and it keeps that mass as {@code m} grows (see {@link PartialTransportPath}, which
 * finds every entry mass exactly in one run). This is the project's rule for the "ranking of units
 * by alignment quality" of Kapoor, Williams, Khosla (2026), whose exact algorithm is not published
 * (science/metrics.md section 5): one parametric sweep, no re-solving per subset of units. Each
 * unit also reports the cost of the pair it enters with; it breaks ties of the entry mass (which
 * exact runs do not produce: each augmenting path brings in at most one unit per side), then the
 * index does. At {@code m = 1} every unit carries its full marginal, so every unit has an entry
 * mass. The ranking is computed exactly whatever solver made the plan.
 *
 * @param unitsX original unit indices of x, best aligned first
 * @param entryMassX entry mass of each unit in {@code unitsX} order
 * @param entryCostX cost of the pair each unit enters with, same order
 * @param unitsY original unit indices of y, best aligned first
 * @param entryMassY entry mass, {@code unitsY} order
 * @param entryCostY cost of the entering pair, {@code unitsY} order
 */
record UnitRanking(int[] unitsX, double[] entryMassX, double[] entryCostX, int[] unitsY, double[] entryMassY,
        double[] entryCostY) {

    /** Mass above which a unit counts as matched (the authors' NSD analysis threshold). */
    static final double MATCHED = 1e-8;

    /**
     * @param problem the prepared problem (kept units)
     * @param family the whole-family trace of its cost matrix
     * @return the ranking of both sides
     */
    static UnitRanking of(MatchingProblem problem, PartialTransportPath.Trace family) {
        double[] entryX = family.rowEntryMass();
        double[] costX = family.rowEntryCost();
        double[] entryY = family.colEntryMass();
        double[] costY = family.colEntryCost();
        Integer[] ox = order(entryX, costX);
        Integer[] oy = order(entryY, costY);
        return new UnitRanking(indices(ox, problem.x.kept), pick(ox, entryX), pick(ox, costX),
                indices(oy, problem.y.kept), pick(oy, entryY), pick(oy, costY));
    }

    private static Integer[] order(double[] entry, double[] cost) {
        Integer[] o = new Integer[entry.length];
        for (int a = 0; a < o.length; a++) {
            o[a] = a;
        }
        Arrays.sort(o, Comparator.<Integer>comparingDouble(a -> Double.isNaN(entry[a]) ? 2.0 : entry[a])
                .thenComparingDouble(a -> cost[a]).thenComparingInt(a -> a));
        return o;
    }

    private static int[] indices(Integer[] order, int[] kept) {
        int[] out = new int[order.length];
        for (int a = 0; a < out.length; a++) {
            out[a] = kept[order[a]];
        }
        return out;
    }

    private static double[] pick(Integer[] order, double[] values) {
        double[] out = new double[order.length];
        for (int a = 0; a < out.length; a++) {
            out[a] = values[order[a]];
        }
        return out;
    }
}
