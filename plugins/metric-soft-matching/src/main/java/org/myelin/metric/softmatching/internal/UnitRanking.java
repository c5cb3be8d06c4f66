package org.myelin.metric.softmatching.internal;

import java.util.Arrays;
import java.util.Comparator;

import org.myelin.metric.softmatching.internal.ot.TransportPlan;

/**
 * Ranks the units of each side by how early partial matching takes them in: a unit's entry mass
 * is the smallest mass of the sweep {@code m_k = k / steps} (k = 1..steps) at which it receives
 * more than {@link #MATCHED} mass; ties are broken by the unit's mass-weighted mean cost in that
 * plan, then by index. This is the project's rule for the "ranking of units by alignment quality"
 * of Kapoor, Williams, Khosla (2026), whose exact algorithm is not published (science/metrics.md
 * section 5): one parametric sweep, no re-solving per subset of units. At {@code m = 1} every unit
 * carries its full marginal, so every unit gets an entry mass.
 *
 * @param unitsX original unit indices of x, best aligned first
 * @param entryMassX entry mass of each unit in {@code unitsX} order
 * @param meanCostX mass-weighted mean cost of each unit at its entry, same order
 * @param unitsY original unit indices of y, best aligned first
 * @param entryMassY entry mass, {@code unitsY} order
 * @param meanCostY mean cost at entry, {@code unitsY} order
 */
record UnitRanking(int[] unitsX, double[] entryMassX, double[] meanCostX, int[] unitsY, double[] entryMassY,
        double[] meanCostY) {

    /** Mass above which a unit counts as matched (the authors' NSD analysis threshold). */
    static final double MATCHED = 1e-8;

    /**
     * @param problem the prepared problem (kept units and costs)
     * @param solutions plans by mass for its cost matrix
     * @param steps number of masses in the sweep, at least 1
     * @return the ranking of both sides
     */
    static UnitRanking of(MatchingProblem problem, PartialSolutions solutions, int steps) {
        int p = problem.p();
        int q = problem.q();
        double[] cost = problem.cost;
        double[] entryX = new double[p];
        double[] costX = new double[p];
        double[] entryY = new double[q];
        double[] costY = new double[q];
        Arrays.fill(entryX, Double.NaN);
        Arrays.fill(entryY, Double.NaN);
        double[] masses = masses(steps);
        solutions.solveAll(masses);
        for (double m : masses) {
            TransportPlan t = solutions.plan(m);
            double[] plan = t.plan();
            double[] rows = t.rowSums();
            double[] cols = t.colSums();
            double[] colCost = new double[q];
            for (int i = 0; i < p; i++) {
                double rc = 0;
                for (int j = 0; j < q; j++) {
                    double w = plan[i * q + j] * cost[i * q + j];
                    rc += w;
                    colCost[j] += w;
                }
                if (Double.isNaN(entryX[i]) && rows[i] > MATCHED) {
                    entryX[i] = m;
                    costX[i] = rc / rows[i];
                }
            }
            for (int j = 0; j < q; j++) {
                if (Double.isNaN(entryY[j]) && cols[j] > MATCHED) {
                    entryY[j] = m;
                    costY[j] = colCost[j] / cols[j];
                }
            }
        }
        Integer[] ox = order(entryX, costX);
        Integer[] oy = order(entryY, costY);
        return new UnitRanking(indices(ox, problem.x.kept), pick(ox, entryX), pick(ox, costX),
                indices(oy, problem.y.kept), pick(oy, entryY), pick(oy, costY));
    }

    /**
     * @param steps number of masses in the sweep, at least 1
     * @return the swept masses {@code k / steps}, k = 1..steps, the last exactly 1
     */
    static double[] masses(int steps) {
        double[] m = new double[steps];
        for (int k = 1; k <= steps; k++) {
            m[k - 1] = k == steps ? 1.0 : (double) k / steps;
        }
        return m;
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
