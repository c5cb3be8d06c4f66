package org.myelin.metric.softmatching.internal.ot;

import java.util.Arrays;

/**
 * Exact minimum-cost transportation on a complete bipartite graph by the primal network simplex
 * method: the algorithm of POT's {@code ot.emd} (Bonneel, van de Panne, Paris, Heidrich 2011,
 * which adapts LEMON's {@code NetworkSimplex}, Kovacs 2015), written for this plugin.
 *
 * <p>Why hand-written: Maven Central has no maintained, OSGi-ready Java library for exact
 * optimal transport (the LP solvers there are general dense simplex codes, orders of magnitude
 * slower on a 512 x 512 transportation problem and without OSGi headers), and soft matching
 * needs nothing but this one problem. The implementation keeps what makes LEMON fast: a strongly
 * feasible spanning tree stored as parent / thread / reverse-thread / subtree-size / last-successor
 * arrays, so that a pivot costs time proportional to the part of the tree that moves, and the
 * block-search pivot rule (scan blocks of about {@code sqrt(arcs)} arcs, enter the most negative
 * reduced cost of the first block that has one).
 *
 * <p>What differs from LEMON/POT, and why:
 * <ul>
 * <li>Supplies and flows are exact integers ({@code long}). The callers scale rational marginals
 *     (uniform {@code 1/p}, a mass {@code m} given in decimals) to integers, so the marginals of the
 *     returned plan are exact and a degenerate pivot is exactly degenerate; POT's double flows
 *     are why it rejects {@code m = 1} when {@code sum(a)} rounds to {@code 0.9999999999999999}.</li>
 * <li>Arcs are implicit: arc {@code e} joins source {@code e / sinks} to sink {@code e % sinks}
 *     with cost {@code cost[e]}, so the only per-arc memory is the caller's cost matrix. Flows
 *     live on the tree (one value per node: the flow on the arc to its parent), since with
 *     unbounded capacities every non-tree arc carries zero flow.</li>
 * <li>Costs and potentials are doubles, and the pivot rule is tolerance-aware: an arc enters
 *     only when its reduced cost is below {@code -1e-12 (|c| + |pi_s| + |pi_t|)}, i.e. clearly
 *     negative beyond the rounding of the three terms; tree arcs are never chosen. Potentials
 *     are recomputed from the tree every {@code nodes} pivots and before optimality is
 *     declared, so rounding does not drift over long runs.</li>
 * </ul>
 *
 * <p>An instance owns its work arrays for one problem size and can solve many problems of that
 * size (for example a sweep over masses) without allocating.
 */
public final class NetworkSimplex {

    /** Relative size below which a negative reduced cost counts as rounding. */
    static final double EPSILON = 1e-12;

    private static final int UP = 1;
    private static final int DOWN = -1;

    private final int sources;
    private final int sinks;
    private final int nodes;
    private final int root;
    private final long realArcs;
    private final int blockSize;

    // spanning tree, indexed by node (root = nodes)
    final int[] parent;
    final long[] pred;
    final int[] predDir;
    final long[] predFlow;
    final int[] thread;
    final int[] revThread;
    final int[] succNum;
    final int[] lastSucc;
    final double[] pi;
    private final int[] dirtyRevs;
    private final boolean[] artUp;

    private double[] cost;
    private double artCost;
    private long nextArc;
    private long pivots;

    // pivot state
    private long inArc;
    private int join;
    private int uIn;
    private int vIn;
    private int uOut;
    private long delta;

    /**
     * Allocates the work arrays for a problem with the given number of sources and sinks.
     *
     * @param sources number of supply nodes (rows of the cost matrix), at least 1
     * @param sinks number of demand nodes (columns), at least 1
     * @throws IllegalArgumentException for empty sides
     */
    public NetworkSimplex(int sources, int sinks) {
        if (sources < 1 || sinks < 1) {
            throw new IllegalArgumentException("a transportation problem needs at least one source and one sink, got "
                    + sources + " x " + sinks);
        }
        this.sources = sources;
        this.sinks = sinks;
        this.nodes = sources + sinks;
        this.root = nodes;
        this.realArcs = (long) sources * sinks;
        this.blockSize = (int) Math.max(10, Math.min(Integer.MAX_VALUE, (long) Math.sqrt((double) realArcs)));
        int all = nodes + 1;
        parent = new int[all];
        pred = new long[all];
        predDir = new int[all];
        predFlow = new long[all];
        thread = new int[all];
        revThread = new int[all];
        succNum = new int[all];
        lastSucc = new int[all];
        pi = new double[all];
        dirtyRevs = new int[all];
        artUp = new boolean[nodes];
    }

    /** @return number of sources (rows) this instance solves for */
    public int sources() {
        return sources;
    }

    /** @return number of sinks (columns) this instance solves for */
    public int sinks() {
        return sinks;
    }

    /**
     * Solves {@code min sum_ij cost_ij f_ij} subject to {@code f >= 0}, {@code sum_j f_ij = supply_i},
     * {@code sum_i f_ij = demand_j}.
     *
     * @param costs row-major {@code sources x sinks} finite costs; read, not copied (do not change it
     *        while the instance is in use)
     * @param supply non-negative supply of each source
     * @param demand non-negative demand of each sink, with the same total as the supplies
     * @return the number of pivots
     * @throws IllegalArgumentException for wrong lengths, negative or unbalanced totals, or non-finite costs
     * @throws IllegalStateException if rounding keeps the method from terminating within
     *         {@code 200 (sources + sinks) + 100000} pivots (never observed; typical counts are 1 to 20 per node)
     */
    public long solve(double[] costs, long[] supply, long[] demand) {
        if (costs.length != realArcs || supply.length != sources || demand.length != sinks) {
            throw new IllegalArgumentException("expected " + sources + " x " + sinks + " costs and matching marginals, got "
                    + costs.length + " costs, " + supply.length + " supplies, " + demand.length + " demands");
        }
        long total = 0;
        for (long s : supply) {
            if (s < 0) {
                throw new IllegalArgumentException("negative supply " + s);
            }
            total = Math.addExact(total, s);
        }
        for (long d : demand) {
            if (d < 0) {
                throw new IllegalArgumentException("negative demand " + d);
            }
            total = Math.subtractExact(total, d);
        }
        if (total != 0) {
            throw new IllegalArgumentException("supplies and demands differ in total by " + total);
        }
        double maxAbs = 0;
        for (double c : costs) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("non-finite cost " + c);
            }
            maxAbs = Math.max(maxAbs, Math.abs(c));
        }
        this.cost = costs;
        this.artCost = (maxAbs + 1) * nodes;
        initialiseTree(supply, demand);
        pivots = 0;
        nextArc = 0;
        // pivots since the potentials were last recomputed from the tree (the initial ones are exact)
        long sinceRefresh = 0;
        long limit = 200L * nodes + 100_000L;
        while (true) {
            if (pivots > limit) {
                // strongly feasible trees cannot cycle in exact arithmetic; this guards against rounding
                throw new IllegalStateException("network simplex stopped after " + pivots + " pivots on a " + sources + " x "
                        + sinks + " problem without reaching optimality (costs spanning too many orders of magnitude?)");
            }
            if (!findEnteringArc()) {
                if (sinceRefresh == 0) {
                    break;
                }
                // declare optimality only against potentials recomputed from the tree
                refreshPotentials();
                sinceRefresh = 0;
                if (!findEnteringArc()) {
                    break;
                }
            }
            findJoinNode();
            findLeavingArc();
            changeFlow();
            updateTreeStructure();
            updatePotential();
            pivots++;
            if (++sinceRefresh >= nodes) {
                refreshPotentials();
                sinceRefresh = 0;
            }
        }
        return pivots;
    }

    /**
     * Writes the optimal flow, multiplied by {@code scale}, into a dense row-major matrix.
     *
     * @param scale factor applied to each integer flow (for example {@code 1 / total})
     * @param out {@code sources x sinks} output, overwritten
     */
    public void flows(double scale, double[] out) {
        Arrays.fill(out, 0.0);
        for (int u = 0; u < nodes; u++) {
            long e = pred[u];
            if (e < realArcs && predFlow[u] != 0) {
                out[(int) e] = predFlow[u] * scale;
            }
        }
    }

    /**
     * @param e an arc index {@code < sources * sinks}
     * @return the integer flow on that arc in the last solution
     */
    public long flow(long e) {
        int i = (int) (e / sinks);
        int j = sources + (int) (e - (long) i * sinks);
        if (pred[i] == e) {
            return predFlow[i];
        }
        if (pred[j] == e) {
            return predFlow[j];
        }
        return 0;
    }

    private void initialiseTree(long[] supply, long[] demand) {
        parent[root] = -1;
        pred[root] = -1;
        thread[root] = 0;
        revThread[0] = root;
        succNum[root] = nodes + 1;
        lastSucc[root] = root - 1;
        pi[root] = 0;
        for (int u = 0; u < nodes; u++) {
            long s = u < sources ? supply[u] : -demand[u - sources];
            parent[u] = root;
            pred[u] = realArcs + u;
            thread[u] = u + 1;
            revThread[u + 1] = u;
            succNum[u] = 1;
            lastSucc[u] = u;
            if (s >= 0) {
                artUp[u] = true;
                predDir[u] = UP;
                pi[u] = 0;
                predFlow[u] = s;
            } else {
                artUp[u] = false;
                predDir[u] = DOWN;
                pi[u] = artCost;
                predFlow[u] = -s;
            }
        }
    }

    private int source(long e) {
        if (e < realArcs) {
            return (int) (e / sinks);
        }
        int u = (int) (e - realArcs);
        return artUp[u] ? u : root;
    }

    private int target(long e) {
        if (e < realArcs) {
            return sources + (int) (e % sinks);
        }
        int u = (int) (e - realArcs);
        return artUp[u] ? root : u;
    }

    private double arcCost(long e) {
        if (e < realArcs) {
            return cost[(int) e];
        }
        return artUp[(int) (e - realArcs)] ? 0.0 : artCost;
    }

    /** Block search over the real arcs, starting where the last search stopped. */
    private boolean findEnteringArc() {
        final double[] c = cost;
        final double[] p = pi;
        final int q = sinks;
        final int sinkBase = sources;
        double min = 0;
        long best = -1;
        long e = nextArc;
        long remaining = realArcs;
        int cnt = blockSize;
        while (remaining > 0) {
            int i = (int) (e / q);
            int j = (int) (e - (long) i * q);
            int len = (int) Math.min(Math.min(q - j, cnt), remaining);
            double piS = p[i];
            int base = (int) e;
            int t = sinkBase + j;
            // a branch-free minimum first: most segments hold no entering candidate at all
            if (segmentMinimum(c, base, p, t, len) + piS < Math.min(min, -EPSILON * Math.abs(piS))) {
                for (int k = 0; k < len; k++) {
                    double r = c[base + k] + piS - p[t + k];
                    if (r < min && r < -EPSILON * (Math.abs(c[base + k]) + Math.abs(piS) + Math.abs(p[t + k]))
                            && !isTreeArc(base + k, i, t + k)) {
                        min = r;
                        best = base + k;
                    }
                }
            }
            e += len;
            remaining -= len;
            cnt -= len;
            if (e == realArcs) {
                e = 0;
            }
            if (cnt == 0) {
                if (best >= 0) {
                    break;
                }
                cnt = blockSize;
            }
        }
        if (best < 0) {
            return false;
        }
        inArc = best;
        nextArc = e;
        return true;
    }

    /** {@code min_k (c[base + k] - p[t + k])} over {@code len} arcs of one row. */
    private static double segmentMinimum(double[] c, int base, double[] p, int t, int len) {
        double m = Double.POSITIVE_INFINITY;
        for (int k = 0; k < len; k++) {
            double r = c[base + k] - p[t + k];
            m = r < m ? r : m;
        }
        return m;
    }

    private boolean isTreeArc(long e, int s, int t) {
        return pred[s] == e || pred[t] == e;
    }

    private void findJoinNode() {
        int u = source(inArc);
        int v = target(inArc);
        while (u != v) {
            if (succNum[u] < succNum[v]) {
                u = parent[u];
            } else {
                v = parent[v];
            }
        }
        join = u;
    }

    /** Leaving arc by the strongly feasible rule: the last blocking arc in cycle orientation. */
    private void findLeavingArc() {
        int first = source(inArc);
        int second = target(inArc);
        long d = Long.MAX_VALUE;
        int result = 0;
        for (int u = first; u != join; u = parent[u]) {
            // on the source side, flow runs from the join down to the source: UP arcs decrease
            if (predDir[u] == UP && predFlow[u] < d) {
                d = predFlow[u];
                uOut = u;
                result = 1;
            }
        }
        for (int u = second; u != join; u = parent[u]) {
            // on the target side, flow runs up to the join: DOWN arcs decrease
            if (predDir[u] == DOWN && predFlow[u] <= d) {
                d = predFlow[u];
                uOut = u;
                result = 2;
            }
        }
        if (result == 0) {
            throw new IllegalStateException("unbounded cycle in a transportation problem with non-negative flows");
        }
        delta = d;
        if (result == 1) {
            uIn = first;
            vIn = second;
        } else {
            uIn = second;
            vIn = first;
        }
    }

    private void changeFlow() {
        long val = delta;
        if (val > 0) {
            for (int u = source(inArc); u != join; u = parent[u]) {
                predFlow[u] -= predDir[u] * val;
            }
            for (int u = target(inArc); u != join; u = parent[u]) {
                predFlow[u] += predDir[u] * val;
            }
        }
    }

    private void updateTreeStructure() {
        int oldRevThread = revThread[uOut];
        int oldSuccNum = succNum[uOut];
        int oldLastSucc = lastSucc[uOut];
        int vOut = parent[uOut];

        if (uIn == uOut) {
            parent[uIn] = vIn;
            pred[uIn] = inArc;
            predDir[uIn] = uIn == source(inArc) ? UP : DOWN;
            predFlow[uIn] = delta;
            if (thread[vIn] != uOut) {
                int after = thread[oldLastSucc];
                thread[oldRevThread] = after;
                revThread[after] = oldRevThread;
                after = thread[vIn];
                thread[vIn] = uOut;
                revThread[uOut] = vIn;
                thread[oldLastSucc] = after;
                revThread[after] = oldLastSucc;
            }
        } else {
            int threadContinue = oldRevThread == vIn ? thread[oldLastSucc] : thread[vIn];
            int stem = uIn;
            int parStem = vIn;
            int nextStem;
            int last = lastSucc[uIn];
            int before;
            int after = thread[last];
            thread[vIn] = uIn;
            int dirty = 0;
            dirtyRevs[dirty++] = vIn;
            while (stem != uOut) {
                nextStem = parent[stem];
                thread[last] = nextStem;
                dirtyRevs[dirty++] = last;
                before = revThread[stem];
                thread[before] = after;
                revThread[after] = before;
                parent[stem] = parStem;
                parStem = stem;
                stem = nextStem;
                last = lastSucc[stem] == lastSucc[parStem] ? revThread[parStem] : lastSucc[stem];
                after = thread[last];
            }
            parent[uOut] = parStem;
            thread[last] = threadContinue;
            revThread[threadContinue] = last;
            lastSucc[uOut] = last;
            if (oldRevThread != vIn) {
                thread[oldRevThread] = after;
                revThread[after] = oldRevThread;
            }
            for (int k = 0; k < dirty; k++) {
                int u = dirtyRevs[k];
                revThread[thread[u]] = u;
            }
            int tmpSc = 0;
            int tmpLs = lastSucc[uOut];
            for (int u = uOut, p = parent[u]; u != uIn; u = p, p = parent[u]) {
                pred[u] = pred[p];
                predDir[u] = -predDir[p];
                predFlow[u] = predFlow[p];
                tmpSc += succNum[u] - succNum[p];
                succNum[u] = tmpSc;
                lastSucc[p] = tmpLs;
            }
            pred[uIn] = inArc;
            predDir[uIn] = uIn == source(inArc) ? UP : DOWN;
            predFlow[uIn] = delta;
            succNum[uIn] = oldSuccNum;
        }

        int upLimitOut = lastSucc[join] == vIn ? join : -1;
        int lastSuccOut = lastSucc[uOut];
        for (int u = vIn; u != -1 && lastSucc[u] == vIn; u = parent[u]) {
            lastSucc[u] = lastSuccOut;
        }
        if (join != oldRevThread && vIn != oldRevThread) {
            for (int u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u]) {
                lastSucc[u] = oldRevThread;
            }
        } else if (lastSuccOut != oldLastSucc) {
            for (int u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u]) {
                lastSucc[u] = lastSuccOut;
            }
        }
        for (int u = vIn; u != join; u = parent[u]) {
            succNum[u] += oldSuccNum;
        }
        for (int u = vOut; u != join; u = parent[u]) {
            succNum[u] -= oldSuccNum;
        }
    }

    /** Shifts the potentials of the re-hung subtree so that the entering arc has reduced cost 0. */
    private void updatePotential() {
        double sigma = pi[vIn] - predDir[uIn] * arcCost(inArc) - pi[uIn];
        int end = thread[lastSucc[uIn]];
        for (int u = uIn; u != end; u = thread[u]) {
            pi[u] += sigma;
        }
    }

    /** Recomputes every potential from the tree in thread (pre-)order: tree arcs get reduced cost 0. */
    private void refreshPotentials() {
        pi[root] = 0;
        for (int u = thread[root]; u != root; u = thread[u]) {
            pi[u] = pi[parent[u]] - predDir[u] * arcCost(pred[u]);
        }
    }
}
