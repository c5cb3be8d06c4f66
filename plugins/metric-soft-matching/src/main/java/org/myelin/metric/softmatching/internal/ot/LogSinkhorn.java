package org.myelin.metric.softmatching.internal.ot;

/**
 * Entropic optimal transport between uniform marginals by Sinkhorn iterations in the log domain,
 * the iteration of POT's {@code ot.bregman.sinkhorn_log}:
 *
 * <pre>
 *   M = -C / reg,   u = v = 0
 *   repeat:  v_j = log b_j - logsumexp_i (M_ij + u_i)
 *            u_i = log a_i - logsumexp_j (M_ij + v_j)
 *            every 10th iteration: stop when || colsum(exp(M + u + v)) - b ||_2 &lt; tol
 *   P = exp(M_ij + u_i + v_j)
 * </pre>
 *
 * Working with the log-potentials instead of {@code exp(-C/reg)} keeps small {@code reg}
 * from underflowing (every log-sum-exp subtracts its maximum first). {@code reg} is absolute, in
 * units of the cost. The plan minimises {@code <P, C> - reg H(P)}; as {@code reg -> 0} it tends
 * to an exact optimal plan.
 */
public final class LogSinkhorn {

    private LogSinkhorn() {
    }

    /**
     * @param cost row-major {@code p x q} costs
     * @param p number of source units
     * @param q number of target units
     * @param reg entropic regularisation, positive, in cost units
     * @param maxIterations iteration limit
     * @param tolerance stop when the column-marginal error (2-norm) is below this
     * @return the entropic plan; {@code converged} says whether the tolerance was met
     */
    public static TransportPlan balanced(double[] cost, int p, int q, double reg, int maxIterations, double tolerance) {
        double[] m = new double[cost.length];
        for (int k = 0; k < m.length; k++) {
            m[k] = -cost[k] / reg;
        }
        double loga = -Math.log(p);
        double logb = -Math.log(q);
        double[] u = new double[p];
        double[] v = new double[q];
        double[] colMax = new double[q];
        double[] colSum = new double[q];
        double err = Double.POSITIVE_INFINITY;
        int it = 0;
        boolean converged = false;
        while (it < maxIterations) {
            columnLogSumExp(m, u, p, q, colMax, colSum);
            for (int j = 0; j < q; j++) {
                v[j] = logb - colSum[j];
            }
            for (int i = 0; i < p; i++) {
                u[i] = loga - rowLogSumExp(m, i * q, q, v, 0.0);
            }
            it++;
            if ((it - 1) % 10 == 0) {
                err = columnMarginalError(m, u, v, p, q, 1.0 / q);
                if (err < tolerance) {
                    converged = true;
                    break;
                }
            }
        }
        double[] plan = new double[cost.length];
        for (int i = 0; i < p; i++) {
            int o = i * q;
            for (int j = 0; j < q; j++) {
                plan[o + j] = Math.exp(m[o + j] + u[i] + v[j]);
            }
        }
        err = columnMarginalError(m, u, v, p, q, 1.0 / q);
        double rowErr = 0;
        double total = 0;
        for (int i = 0; i < p; i++) {
            double s = 0;
            for (int j = 0; j < q; j++) {
                s += plan[i * q + j];
            }
            total += s;
            rowErr = Math.max(rowErr, Math.abs(s - 1.0 / p));
        }
        return new TransportPlan(p, q, plan, TransportPlan.inner(plan, cost), total, it, converged, Math.max(err, rowErr));
    }

    /** {@code out_j = logsumexp_i (m_ij + u_i)}, two row-major passes (maximum, then sum). */
    static void columnLogSumExp(double[] m, double[] u, int p, int q, double[] max, double[] out) {
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < p; i++) {
            int o = i * q;
            double ui = u[i];
            for (int j = 0; j < q; j++) {
                double t = m[o + j] + ui;
                if (t > max[j]) {
                    max[j] = t;
                }
            }
        }
        java.util.Arrays.fill(out, 0.0);
        for (int i = 0; i < p; i++) {
            int o = i * q;
            double ui = u[i];
            for (int j = 0; j < q; j++) {
                out[j] += Math.exp(m[o + j] + ui - max[j]);
            }
        }
        for (int j = 0; j < q; j++) {
            out[j] = max[j] + Math.log(out[j]);
        }
    }

    /** {@code logsumexp_j (m_{row,j} + v_j) + shift} over one row starting at {@code offset}. */
    static double rowLogSumExp(double[] m, int offset, int q, double[] v, double shift) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < q; j++) {
            double t = m[offset + j] + v[j];
            if (t > max) {
                max = t;
            }
        }
        double s = 0;
        for (int j = 0; j < q; j++) {
            s += Math.exp(m[offset + j] + v[j] - max);
        }
        return max + Math.log(s) + shift;
    }

    private static double columnMarginalError(double[] m, double[] u, double[] v, int p, int q, double b) {
        double[] col = new double[q];
        for (int i = 0; i < p; i++) {
            int o = i * q;
            for (int j = 0; j < q; j++) {
                col[j] += Math.exp(m[o + j] + u[i] + v[j]);
            }
        }
        double s = 0;
        for (int j = 0; j < q; j++) {
            double d = col[j] - b;
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
