package org.myelin.metric.softmatching.internal.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The network simplex checked by linear-programming duality rather than against a reference:
 * at the end the spanning tree must be consistent (thread = pre-order, subtree sizes, last
 * successors), the flows feasible, and the potentials a dual certificate (reduced costs 0 on
 * tree arcs, non-negative elsewhere), which proves the plan optimal: its cost is at most that of
 * every other feasible plan.
 */
class NetworkSimplexTest {

    @Test
    void solutionsCarryAnOptimalityCertificate() {
        Random rnd = new Random(42);
        int[][] shapes = {{1, 1}, {1, 5}, {5, 1}, {3, 3}, {17, 29}, {60, 60}, {101, 37}, {150, 151}};
        for (int[] shape : shapes) {
            for (int variant = 0; variant < 3; variant++) {
                int p = shape[0];
                int q = shape[1];
                double[] c = new double[p * q];
                for (int k = 0; k < c.length; k++) {
                    c[k] = variant == 0 ? rnd.nextDouble() : variant == 1 ? rnd.nextInt(3) : 1e6 * rnd.nextDouble();
                }
                long[] supply = new long[p];
                long[] demand = new long[q];
                long total = 0;
                for (int i = 0; i < p; i++) {
                    supply[i] = 1 + rnd.nextInt(50);
                    total += supply[i];
                }
                for (int j = 0; j < q - 1; j++) {
                    demand[j] = total / q;
                }
                demand[q - 1] = total - (total / q) * (q - 1);
                NetworkSimplex ns = new NetworkSimplex(p, q);
                ns.solve(c, supply, demand);
                String label = p + "x" + q + " variant " + variant;
                assertTreeConsistent(ns, p + q, label);
                assertFeasible(ns, p, q, supply, demand, label);
                assertDualCertificate(ns, c, p, q, label);
            }
        }
    }

    @Test
    void rejectsUnbalancedOrNegativeMarginals() {
        NetworkSimplex ns = new NetworkSimplex(2, 2);
        double[] c = {0, 1, 1, 0};
        assertThrows(IllegalArgumentException.class, () -> ns.solve(c, new long[] {1, 1}, new long[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> ns.solve(c, new long[] {-1, 3}, new long[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> ns.solve(new double[] {0, Double.NaN, 1, 0}, new long[] {1, 1},
                new long[] {1, 1}));
    }

    private static void assertTreeConsistent(NetworkSimplex ns, int nodes, String label) {
        int root = nodes;
        int[] order = new int[nodes + 1];
        int[] position = new int[nodes + 1];
        int u = root;
        for (int k = 0; k <= nodes; k++) {
            order[k] = u;
            position[u] = k;
            assertEquals(u, ns.revThread[ns.thread[u]], label + ": rev_thread of thread(" + u + ")");
            u = ns.thread[u];
        }
        assertEquals(root, u, label + ": the thread is one cycle through all nodes");
        for (int v = 0; v < nodes; v++) {
            int par = ns.parent[v];
            int first = position[v];
            int last = position[ns.lastSucc[v]];
            assertEquals(ns.succNum[v], last - first + 1, label + ": subtree size of " + v);
            assertTrue(position[par] < first && position[ns.lastSucc[par]] >= last, label + ": " + v + " inside its parent's subtree");
        }
    }

    private static void assertFeasible(NetworkSimplex ns, int p, int q, long[] supply, long[] demand, String label) {
        long[] out = new long[p];
        long[] in = new long[q];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < q; j++) {
                long f = ns.flow((long) i * q + j);
                assertTrue(f >= 0, label + ": negative flow");
                out[i] += f;
                in[j] += f;
            }
        }
        for (int i = 0; i < p; i++) {
            assertEquals(supply[i], out[i], label + ": supply of " + i);
        }
        for (int j = 0; j < q; j++) {
            assertEquals(demand[j], in[j], label + ": demand of " + j);
        }
    }

    private static void assertDualCertificate(NetworkSimplex ns, double[] c, int p, int q, String label) {
        double scale = 0;
        for (double v : c) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (double v : ns.pi) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < q; j++) {
                double reduced = c[i * q + j] + ns.pi[i] - ns.pi[p + j];
                assertTrue(reduced >= -1e-11 * scale, label + ": reduced cost " + reduced + " of arc " + i + "," + j);
                if (ns.flow((long) i * q + j) > 0) {
                    assertEquals(0.0, reduced, 1e-11 * scale, label + ": complementary slackness on arc " + i + "," + j);
                }
            }
        }
    }
}
