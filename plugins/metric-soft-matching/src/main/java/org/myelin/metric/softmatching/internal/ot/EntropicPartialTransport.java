package org.myelin.metric.softmatching.internal.ot;

/**
 * Entropic partial optimal transport with total mass {@code m} between uniform marginals: the
 * Dykstra / iterated Bregman projection scheme of Benamou, Carlier, Cuturi, Nenna, Peyre (2015)
 * as POT's {@code ot.partial.entropic_partial_wasserstein} runs it, carried out in the log domain.
 *
 * <p>POT's iteration keeps {@code K = exp(-C/reg) m / sum} and three correction matrices
 * {@code q1, q2, q3}; each projection only rescales rows ({@code P 1 <= a}), columns
 * ({@code P' 1 <= b}) or the whole plan ({@code 1' P 1 = m}), so the corrections are a row vector,
 * a column vector and a scalar. Here the plan is {@code P_ij = exp(-C_ij/reg + f_i + g_j + h)}
 * and one iteration is
 *
 * <pre>
 *   f += c1;  s_i = min(log a_i - logsumexp_j log P_ij, 0);  f += s;  c1 = -s
 *   g += c2;  t_j = min(log b_j - logsumexp_i log P_ij, 0);  g += t;  c2 = -t
 *   h += c3;  w   = log m - logsumexp_ij log P_ij;           h += w;  c3 = -w
 * </pre>
 *
 * which equals POT's update algebraically but cannot underflow for small {@code reg}. It stops
 * when the plan changes by less than the tolerance (Frobenius norm, checked every 10
 * iterations, as POT checks) or at the iteration limit.
 */
public final class EntropicPartialTransport {

    private EntropicPartialTransport() {
    }

    /**
     * @param cost row-major {@code p x q} costs
     * @param p number of source units
     * @param q number of target units
     * @param mass total mass in (0, 1]
     * @param reg entropic regularisation, positive, in cost units
     * @param maxIterations iteration limit
     * @param tolerance stop when successive plans differ by less than this (Frobenius norm)
     * @return the entropic partial plan
     */
    public static TransportPlan solve(double[] cost, int p, int q, double mass, double reg, int maxIterations,
            double tolerance) {
        if (mass == 0) {
            return new TransportPlan(p, q, new double[p * q], 0.0, 0.0, 0, true, 0.0);
        }
        double[] m = new double[cost.length];
        for (int k = 0; k < m.length; k++) {
            m[k] = -cost[k] / reg;
        }
        double loga = -Math.log(p);
        double logb = -Math.log(q);
        double logMass = Math.log(mass);
        double[] f = new double[p];
        double[] g = new double[q];
        double[] c1 = new double[p];
        double[] c2 = new double[q];
        double c3 = 0;
        double[] colMax = new double[q];
        double[] colLse = new double[q];
        double h = logMass - totalLogSumExp(m, f, g, 0.0, p, q);
        double[] previous = new double[cost.length];
        double[] plan = new double[cost.length];
        fill(plan, m, f, g, h, p, q);
        int it = 0;
        boolean converged = false;
        while (it < maxIterations) {
            boolean check = it % 10 == 0;
            if (check) {
                System.arraycopy(plan, 0, previous, 0, plan.length);
            }
            for (int i = 0; i < p; i++) {
                f[i] += c1[i];
                double s = Math.min(loga - LogSinkhorn.rowLogSumExp(m, i * q, q, g, f[i] + h), 0.0);
                f[i] += s;
                c1[i] = -s;
            }
            double[] shifted = shiftedRowPotentials(f, h);
            LogSinkhorn.columnLogSumExp(m, shifted, p, q, colMax, colLse);
            for (int j = 0; j < q; j++) {
                g[j] += c2[j];
                double t = Math.min(logb - (colLse[j] + g[j]), 0.0);
                g[j] += t;
                c2[j] = -t;
            }
            h += c3;
            double w = logMass - totalLogSumExp(m, f, g, h, p, q);
            h += w;
            c3 = -w;
            it++;
            if (check) {
                fill(plan, m, f, g, h, p, q);
                double d = 0;
                for (int k = 0; k < plan.length; k++) {
                    double e = plan[k] - previous[k];
                    d += e * e;
                }
                if (Math.sqrt(d) < tolerance) {
                    converged = true;
                    break;
                }
            }
        }
        fill(plan, m, f, g, h, p, q);
        TransportPlan t = new TransportPlan(p, q, plan, TransportPlan.inner(plan, cost), 0, it, converged, 0);
        double err = 0;
        double total = 0;
        for (double r : t.rowSums()) {
            err = Math.max(err, r - 1.0 / p);
            total += r;
        }
        for (double s : t.colSums()) {
            err = Math.max(err, s - 1.0 / q);
        }
        err = Math.max(err, Math.abs(total - mass));
        return new TransportPlan(p, q, plan, t.cost(), total, it, converged, Math.max(err, 0));
    }

    private static double[] shiftedRowPotentials(double[] f, double h) {
        double[] s = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            s[i] = f[i] + h;
        }
        return s;
    }

    private static double totalLogSumExp(double[] m, double[] f, double[] g, double h, int p, int q) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p; i++) {
            int o = i * q;
            for (int j = 0; j < q; j++) {
                double t = m[o + j] + f[i] + g[j];
                if (t > max) {
                    max = t;
                }
            }
        }
        double s = 0;
        for (int i = 0; i < p; i++) {
            int o = i * q;
            for (int j = 0; j < q; j++) {
                s += Math.exp(m[o + j] + f[i] + g[j] - max);
            }
        }
        return max + Math.log(s) + h;
    }

    private static void fill(double[] plan, double[] m, double[] f, double[] g, double h, int p, int q) {
        for (int i = 0; i < p; i++) {
            int o = i * q;
            for (int j = 0; j < q; j++) {
                plan[o + j] = Math.exp(m[o + j] + f[i] + g[j] + h);
            }
        }
    }
}
