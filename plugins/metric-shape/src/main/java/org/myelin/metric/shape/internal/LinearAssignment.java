package org.myelin.metric.shape.internal;

/**
 * Exact linear assignment: the permutation {@code pi} of 0..n-1 that maximises
 * {@code sum_i w[i][pi(i)]} for a dense n x n weight matrix, as scipy's
 * {@code linear_sum_assignment(w, maximize=True)}.
 *
 * <p>The algorithm is the shortest-augmenting-path Hungarian method with row and column
 * potentials (Jonker and Volgenant 1987, in the O(n^3) dense form of Kuhn-Munkres with
 * Dijkstra-like updates): each row is added by one augmenting path found on reduced costs, so the
 * result is optimal, not a greedy approximation. It is written here rather than taken from a
 * library because Maven Central has no maintained, OSGi-ready dense assignment solver: JGraphT's
 * Kuhn-Munkres works on a graph of boxed edge objects (a million of them for 1024 units) and
 * EJML and Commons Math have none.
 */
final class LinearAssignment {

    private LinearAssignment() {
    }

    /**
     * @param w weights, n x n row-major (finite)
     * @param n order
     * @return {@code pi}, with {@code pi[i]} the column assigned to row i
     */
    static int[] maximise(double[] w, int n) {
        // minimise cost = -w; 1-based arrays with a virtual column 0
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] rowOf = new int[n + 1];
        int[] way = new int[n + 1];
        double[] minv = new double[n + 1];
        boolean[] used = new boolean[n + 1];
        for (int i = 1; i <= n; i++) {
            rowOf[0] = i;
            int j0 = 0;
            java.util.Arrays.fill(minv, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = rowOf[j0];
                int base = (i0 - 1) * n - 1;
                double ui = u[i0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = -1;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double cur = -w[base + j] - ui - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[rowOf[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOf[j0] != 0);
            do {
                int j1 = way[j0];
                rowOf[j0] = rowOf[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] pi = new int[n];
        for (int j = 1; j <= n; j++) {
            pi[rowOf[j] - 1] = j - 1;
        }
        return pi;
    }
}
