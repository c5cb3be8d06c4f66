package org.myelin.metric.softmatching.internal.ot;

import java.util.Arrays;

/**
 * The whole family of optimal partial plans between uniform marginals, {@code m} from 0 to 1, in
 * one run: successive shortest augmenting paths (Busacker-Gowen, with Dijkstra on reduced costs
 * as in the Hungarian method and Jonker-Volgenant) on the flow network
 * {@code source -> row i (capacity 1/p) -> column j (cost C_ij) -> sink (capacity 1/q)}.
 *
 * <p>Sending flow along a shortest path keeps the flow optimal for its value, so after each
 * augmentation the flow is an optimal partial plan for the mass carried so far, and the optimal
 * cost is linear in {@code m} between augmentations. A row's (column's) flow from the source (to
 * the sink) never decreases, since a simple path cannot come back through the source: once a unit
 * receives mass it keeps it for every larger mass. The run therefore gives, for every unit, its
 * <em>entry mass</em>: the largest {@code m} at which it is still unmatched, so that it is matched
 * for every mass above (in general position, where the optimal plan of each mass is unique, this
 * is the plan the network simplex finds at that mass; with ties it is one optimal choice).
 * Each augmentation starts at one row that has capacity left and ends at one column that has
 * capacity left, so no two rows (and no two columns) share an entry mass.
 *
 * <p>Marginals are scaled to integers: with {@code L = lcm(p, q)} a row carries {@code L / p}
 * units and a column {@code L / q}, so each augmentation moves at least one unit and there are at
 * most {@code L} of them; in practice exactly {@code p} when {@code p = q} (each path adds one
 * pair) and 0.9 to 1.6 times {@code p + q} otherwise (random costs, 37 to 1024 units; small
 * coprime shapes can need more, e.g. 27 for 8 x 9). Each costs a dense Dijkstra over the columns,
 * with all rows that have capacity left as sources at distance 0 (their potentials stay 0, so the
 * initial labels are the column minima over those rows, kept up to date as rows fill up) and rows
 * that are full reached through the columns they send flow to: at most {@code O(q (p + q))} per
 * path, so {@code O(L q (p + q))} in the worst case and about {@code O(p q (p + q))} as measured;
 * near-diagonal optima (a representation against a noisy copy of itself) find most paths in a
 * single step.
 *
 * <p>This is a hand-written solver because no OSGi-ready Java library offers parametric min-cost
 * flow; the network simplex ({@link NetworkSimplex}) solves one mass at a time.
 */
public final class PartialTransportPath {

    private PartialTransportPath() {
    }

    /**
     * What the run found.
     *
     * @param rowEntryMass per row (source unit), the mass above which it is matched
     * @param rowEntryCost per row, the cost of the pair it enters the matching with
     * @param colEntryMass per column (target unit), the mass above which it is matched
     * @param colEntryCost per column, the cost of the pair it enters the matching with
     * @param breakpointMass masses at the ends of the augmenting paths, increasing from 0 to 1 (or
     *        to the end of the path that passes the largest requested mass, for {@link #plans});
     *        the optimal cost is linear between consecutive ones (paths of equal cost give
     *        collinear points)
     * @param breakpointCost optimal transport cost {@code <P, C>} at each of those masses
     * @param augmentations number of augmenting paths
     * @param plans the optimal plans at the masses asked for, in the order asked
     */
    public record Trace(double[] rowEntryMass, double[] rowEntryCost, double[] colEntryMass, double[] colEntryCost,
            double[] breakpointMass, double[] breakpointCost, long augmentations, TransportPlan[] plans) {

        /**
         * @param mass a mass in [0, 1]
         * @return the optimal partial transport cost at that mass, interpolated between breakpoints (exact)
         * @throws IllegalArgumentException for a mass outside [0, 1] or beyond the end of a stopped trace
         */
        public double costAt(double mass) {
            if (!(mass >= 0 && mass <= 1)) {
                throw new IllegalArgumentException("mass " + mass + " is not in [0, 1]");
            }
            double last = breakpointMass[breakpointMass.length - 1];
            if (mass > last) {
                throw new IllegalArgumentException("this trace stops at m = " + last + "; no cost is known at " + mass);
            }
            int k = Arrays.binarySearch(breakpointMass, mass);
            if (k >= 0) {
                return breakpointCost[k];
            }
            int hi = -k - 1;
            if (hi <= 0) {
                return breakpointCost[0];
            }
            if (hi >= breakpointMass.length) {
                return breakpointCost[breakpointMass.length - 1];
            }
            double m0 = breakpointMass[hi - 1];
            double m1 = breakpointMass[hi];
            double t = (mass - m0) / (m1 - m0);
            return breakpointCost[hi - 1] + t * (breakpointCost[hi] - breakpointCost[hi - 1]);
        }
    }

    /**
     * Runs the whole family (m up to 1, so every unit gets its entry mass) and keeps the plans of
     * the given masses on the way.
     *
     * @param cost row-major {@code p x q} finite costs (a negative minimum is shifted to 0 inside,
     *        which changes every plan of mass {@code m} by the same {@code m min(C)} and so no plan)
     * @param p number of source units, at least 1
     * @param q number of target units, at least 1
     * @param masses masses in [0, 1] whose plans to keep, any order, repeats allowed
     * @return the entry masses, the cost curve and the plans
     * @throws IllegalArgumentException when the cost array does not have {@code p q} entries, has a
     *         non-finite entry, a mass is outside [0, 1], or {@code lcm(p, q)} does not fit an int
     */
    public static Trace trace(double[] cost, int p, int q, double... masses) {
        return run(cost, p, q, true, masses);
    }

    /**
     * Like {@link #trace} but stops with the path that passes the largest of the given masses: the
     * plans are the same, the entry masses of units still unmatched then are {@code NaN} and the
     * cost curve ends there.
     *
     * @param cost row-major {@code p x q} finite costs
     * @param p number of source units, at least 1
     * @param q number of target units, at least 1
     * @param masses masses in [0, 1] whose plans to keep
     * @return the plans and the partial trace
     */
    public static Trace plans(double[] cost, int p, int q, double... masses) {
        return run(cost, p, q, false, masses);
    }

    private static Trace run(double[] cost, int p, int q, boolean wholeFamily, double[] masses) {
        for (double m : masses) {
            if (!(m >= 0 && m <= 1)) {
                throw new IllegalArgumentException("mass " + m + " is not in [0, 1]");
            }
        }
        if (p < 1 || q < 1 || (long) p * q != cost.length) {
            throw new IllegalArgumentException("cost has " + cost.length + " entries, not " + p + " x " + q);
        }
        // lcm(p, q) <= p q = cost.length, so the units fit an int
        long lcm = (long) p / gcd(p, q) * q;
        double min = Double.POSITIVE_INFINITY;
        for (double v : cost) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("cost has a non-finite entry: " + v);
            }
            min = Math.min(min, v);
        }
        double shift = Math.min(min, 0.0);
        double[] nonNegative = cost;
        if (shift < 0) {
            nonNegative = cost.clone();
            for (int k = 0; k < nonNegative.length; k++) {
                nonNegative[k] -= shift;
            }
        }
        Trace t = new Run(nonNegative, p, q, (int) lcm).run(masses, cost, wholeFamily);
        if (shift < 0) {
            double[] bc = t.breakpointCost();
            for (int k = 0; k < bc.length; k++) {
                bc[k] += t.breakpointMass()[k] * shift;
            }
        }
        return t;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** The state of one run. */
    private static final class Run {
        private final double[] c;
        private final int p;
        private final int q;
        private final int total;
        private final int rowCapacity;
        private final int colCapacity;
        private final int[] rowLeft;
        private final int[] colLeft;
        private final int[] flow;
        /** Rows with flow to each column (the reverse arcs), unordered. */
        private final int[][] colRows;
        private final int[] colRowCount;
        /** Rows with capacity left, unordered; {@code openAt[i]} is row i's slot or -1. */
        private final int[] openRows;
        private final int[] openAt;
        private int openCount;
        private final double[] rowPotential;
        private final double[] colPotential;
        /** Per column, the smallest cost from a row with capacity left, and that row. */
        private final double[] best;
        private final int[] bestRow;
        private final double[] colDistance;
        private final int[] colPred;
        private final double[] rowDistance;
        private final int[] rowPred;
        private final int[] colScanned;
        private final int[] rowReached;
        private final int[] reachedRows;

        Run(double[] cost, int p, int q, int total) {
            this.c = cost;
            this.p = p;
            this.q = q;
            this.total = total;
            this.rowCapacity = total / p;
            this.colCapacity = total / q;
            rowLeft = new int[p];
            colLeft = new int[q];
            Arrays.fill(rowLeft, rowCapacity);
            Arrays.fill(colLeft, colCapacity);
            flow = new int[p * q];
            colRows = new int[q][4];
            colRowCount = new int[q];
            openRows = new int[p];
            openAt = new int[p];
            for (int i = 0; i < p; i++) {
                openRows[i] = i;
                openAt[i] = i;
            }
            openCount = p;
            rowPotential = new double[p];
            colPotential = new double[q];
            best = new double[q];
            bestRow = new int[q];
            // every row is open at the start: the column minima, row by row (contiguous reads)
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            for (int i = 0; i < p; i++) {
                int o = i * q;
                for (int j = 0; j < q; j++) {
                    if (cost[o + j] < best[j]) {
                        best[j] = cost[o + j];
                        bestRow[j] = i;
                    }
                }
            }
            colDistance = new double[q];
            colPred = new int[q];
            rowDistance = new double[p];
            rowPred = new int[p];
            colScanned = new int[q];
            rowReached = new int[p];
            reachedRows = new int[p];
        }

        /**
         * @param masses masses whose plans to keep
         * @param original the caller's costs, for the plans' {@code <P, C>}
         * @param wholeFamily run to m = 1 rather than to the largest mass asked for
         */
        Trace run(double[] masses, double[] original, boolean wholeFamily) {
            Integer[] order = new Integer[masses.length];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (a, b) -> Double.compare(masses[a], masses[b]));
            TransportPlan[] plans = new TransportPlan[masses.length];
            int next = 0;
            while (next < order.length && masses[order[next]] == 0) {
                plans[order[next++]] = new TransportPlan(p, q, new double[p * q], 0.0, 0.0, 0, true, 0.0);
            }
            double[] rowEntry = new double[p];
            double[] rowEntryCost = new double[p];
            double[] colEntry = new double[q];
            double[] colEntryCost = new double[q];
            Arrays.fill(rowEntry, Double.NaN);
            Arrays.fill(colEntry, Double.NaN);
            Arrays.fill(rowEntryCost, Double.NaN);
            Arrays.fill(colEntryCost, Double.NaN);
            double[] bpMass = new double[(int) Math.min(total, 2L * (p + q)) + 1];
            double[] bpCost = new double[bpMass.length];
            int breakpoints = 1;
            long carried = 0;
            double transported = 0;
            int stamp = 0;
            long augmentations = 0;
            while (carried < total && (wholeFamily || next < order.length)) {
                stamp++;
                int target = shortestPath(stamp);
                double reach = colDistance[target];
                updatePotentials(stamp, reach);
                // walk back from the target: the bottleneck and the path's cost
                int delta = colLeft[target];
                double pathCost = 0;
                int j = target;
                int i = colPred[j];
                int firstColumn;
                while (true) {
                    pathCost += c[i * q + j];
                    if (rowLeft[i] > 0) {
                        delta = Math.min(delta, rowLeft[i]);
                        firstColumn = j;
                        break;
                    }
                    int back = rowPred[i];
                    delta = Math.min(delta, flow[i * q + back]);
                    pathCost -= c[i * q + back];
                    j = back;
                    i = colPred[j];
                }
                int start = i;
                // plans of the masses this augmentation passes: the flow so far plus part of the path;
                // decided in mass space, as the entry masses are, so that a unit is matched at m
                // exactly when its entry mass is below m
                long end = carried + delta;
                double startMass = (double) carried / total;
                double endMass = end == total ? 1.0 : (double) end / total;
                while (next < order.length && masses[order[next]] <= endMass) {
                    int k = order[next++];
                    double m = masses[k];
                    double units = m == endMass ? end : Math.min(end, Math.max(carried, m * total));
                    double part = units - carried;
                    if (part <= 0 && m > startMass) {
                        // m is above the carried mass by less than m * total resolves: a sliver
                        part = Math.min(delta, Math.ulp((double) total));
                    }
                    plans[k] = snapshot(target, start, part, m, augmentations + 1, original);
                }
                double entryMass = (double) carried / total;
                if (rowLeft[start] == rowCapacity) {
                    rowEntry[start] = entryMass;
                    rowEntryCost[start] = original[start * q + firstColumn];
                }
                if (colLeft[target] == colCapacity) {
                    colEntry[target] = entryMass;
                    colEntryCost[target] = original[colPred[target] * q + target];
                }
                // push delta units along the path
                j = target;
                i = colPred[j];
                while (true) {
                    addFlow(i, j, delta);
                    if (i == start) {
                        break;
                    }
                    int back = rowPred[i];
                    addFlow(i, back, -delta);
                    j = back;
                    i = colPred[j];
                }
                colLeft[target] -= delta;
                rowLeft[start] -= delta;
                if (rowLeft[start] == 0) {
                    close(start);
                }
                carried += delta;
                transported += delta * pathCost;
                augmentations++;
                if (breakpoints == bpMass.length) {
                    bpMass = Arrays.copyOf(bpMass, 2 * breakpoints);
                    bpCost = Arrays.copyOf(bpCost, 2 * breakpoints);
                }
                bpMass[breakpoints] = carried == total ? 1.0 : (double) carried / total;
                bpCost[breakpoints] = transported / total;
                breakpoints++;
            }
            return new Trace(rowEntry, rowEntryCost, colEntry, colEntryCost, Arrays.copyOf(bpMass, breakpoints),
                    Arrays.copyOf(bpCost, breakpoints), augmentations, plans);
        }

        /** The current flow plus {@code part} units along the path found last, as a plan of the given mass. */
        private TransportPlan snapshot(int target, int start, double part, double mass, long augmentations, double[] original) {
            double scale = 1.0 / total;
            double[] plan = new double[p * q];
            for (int k = 0; k < plan.length; k++) {
                if (flow[k] != 0) {
                    plan[k] = flow[k] * scale;
                }
            }
            if (part > 0) {
                int j = target;
                int i = colPred[j];
                while (true) {
                    plan[i * q + j] = (flow[i * q + j] + part) * scale;
                    if (i == start) {
                        break;
                    }
                    int back = rowPred[i];
                    plan[i * q + back] = (flow[i * q + back] - part) * scale;
                    j = back;
                    i = colPred[j];
                }
            }
            return new TransportPlan(p, q, plan, TransportPlan.inner(plan, original), mass, augmentations, true, 0.0);
        }

        /**
         * Dijkstra from every row with capacity left (distance 0) to the nearest column with
         * capacity left, on reduced costs {@code c_ij + u_i - v_j >= 0} (0 on arcs carrying flow).
         *
         * @return the column reached; distances and predecessors are left in the arrays
         */
        private int shortestPath(int stamp) {
            double[] dist = colDistance;
            double[] v = colPotential;
            for (int j = 0; j < q; j++) {
                dist[j] = best[j] - v[j];
                colPred[j] = bestRow[j];
            }
            int jmin = nearestUnscanned(stamp);
            while (true) {
                if (jmin < 0) {
                    throw new IllegalStateException("partial transport path: no column reachable (non-finite costs?)");
                }
                if (colLeft[jmin] > 0) {
                    return jmin;
                }
                double dmin = dist[jmin];
                colScanned[jmin] = stamp;
                // the full rows that send flow to this column, reached over reverse arcs of
                // reduced cost 0, so at its distance
                int reached = 0;
                int[] rows = colRows[jmin];
                for (int k = 0, n = colRowCount[jmin]; k < n; k++) {
                    int i = rows[k];
                    if (rowLeft[i] > 0 || rowReached[i] == stamp) {
                        continue;
                    }
                    rowReached[i] = stamp;
                    rowDistance[i] = dmin;
                    rowPred[i] = jmin;
                    reachedRows[reached++] = i;
                }
                if (reached == 0) {
                    jmin = nearestUnscanned(stamp);
                    continue;
                }
                for (int k = 0; k + 1 < reached; k++) {
                    relax(reachedRows[k], dmin, stamp);
                }
                // the last relaxation also finds the next column to scan: one pass instead of two
                jmin = relaxAndFindNearest(reachedRows[reached - 1], dmin, stamp);
            }
        }

        /** @return the unscanned column with the smallest label, or -1 */
        private int nearestUnscanned(int stamp) {
            double[] dist = colDistance;
            int jmin = -1;
            double dmin = Double.POSITIVE_INFINITY;
            for (int j = 0; j < q; j++) {
                if (colScanned[j] != stamp && dist[j] < dmin) {
                    dmin = dist[j];
                    jmin = j;
                }
            }
            return jmin;
        }

        /** Relaxes every unscanned column from full row i, reached at distance d. */
        private void relax(int i, double d, int stamp) {
            double[] dist = colDistance;
            double[] v = colPotential;
            double base = d + rowPotential[i];
            int o = i * q;
            for (int j = 0; j < q; j++) {
                double nd = base + c[o + j] - v[j];
                if (nd < dist[j] && colScanned[j] != stamp) {
                    dist[j] = nd;
                    colPred[j] = i;
                }
            }
        }

        /** {@link #relax} fused with {@link #nearestUnscanned}. */
        private int relaxAndFindNearest(int i, double d, int stamp) {
            double[] dist = colDistance;
            double[] v = colPotential;
            double base = d + rowPotential[i];
            int o = i * q;
            int jmin = -1;
            double dmin = Double.POSITIVE_INFINITY;
            for (int j = 0; j < q; j++) {
                if (colScanned[j] == stamp) {
                    continue;
                }
                double nd = base + c[o + j] - v[j];
                double dj = dist[j];
                if (nd < dj) {
                    dist[j] = nd;
                    colPred[j] = i;
                    dj = nd;
                }
                if (dj < dmin) {
                    dmin = dj;
                    jmin = j;
                }
            }
            return jmin;
        }

        /**
         * Johnson's update {@code potential += min(distance, reach)}: rows with capacity left stay at 0,
         * which keeps the initial labels the plain column minima.
         */
        private void updatePotentials(int stamp, double reach) {
            for (int j = 0; j < q; j++) {
                colPotential[j] += colScanned[j] == stamp ? colDistance[j] : reach;
            }
            for (int i = 0; i < p; i++) {
                if (rowLeft[i] > 0) {
                    continue;
                }
                rowPotential[i] += rowReached[i] == stamp ? rowDistance[i] : reach;
            }
        }

        private void addFlow(int i, int j, int delta) {
            int k = i * q + j;
            int before = flow[k];
            int after = before + delta;
            flow[k] = after;
            if (before == 0 && after > 0) {
                if (colRowCount[j] == colRows[j].length) {
                    colRows[j] = Arrays.copyOf(colRows[j], 2 * colRows[j].length);
                }
                colRows[j][colRowCount[j]++] = i;
            } else if (before > 0 && after == 0) {
                int[] rows = colRows[j];
                int n = colRowCount[j];
                for (int a = 0; a < n; a++) {
                    if (rows[a] == i) {
                        rows[a] = rows[n - 1];
                        break;
                    }
                }
                colRowCount[j] = n - 1;
            }
        }

        /** Row i has no capacity left: it stops being a source. */
        private void close(int i) {
            int slot = openAt[i];
            int last = openRows[--openCount];
            openRows[slot] = last;
            openAt[last] = slot;
            openAt[i] = -1;
            if (openCount == 0) {
                return;
            }
            for (int j = 0; j < q; j++) {
                if (bestRow[j] == i) {
                    recomputeBest(j);
                }
            }
        }

        /** Column j's minimum over the open rows (a strided scan; needed about once per column and run). */
        private void recomputeBest(int j) {
            double b = Double.POSITIVE_INFINITY;
            int arg = -1;
            for (int a = 0; a < openCount; a++) {
                int i = openRows[a];
                double v = c[i * q + j];
                if (v < b) {
                    b = v;
                    arg = i;
                }
            }
            best[j] = b;
            bestRow[j] = arg;
        }
    }
}
