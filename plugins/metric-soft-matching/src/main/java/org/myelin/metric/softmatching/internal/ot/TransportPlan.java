package org.myelin.metric.softmatching.internal.ot;

/**
 * A solved (possibly partial or entropic) transport problem between {@code rows} source units and
 * {@code cols} target units.
 *
 * @param rows number of source units
 * @param cols number of target units
 * @param plan row-major {@code rows x cols} coupling; entries sum to {@link #mass()}
 * @param cost {@code <P, C>}, summed in row-major order
 * @param mass total mass of the plan that the solver was asked for (exact solvers) or reached (entropic ones)
 * @param iterations network simplex pivots, or Sinkhorn / Dykstra iterations
 * @param converged {@code true} for exact solutions and for iterative ones that met their tolerance
 * @param marginalError largest violation of a marginal constraint (0 for exact solutions)
 */
public record TransportPlan(int rows, int cols, double[] plan, double cost, double mass, long iterations,
        boolean converged, double marginalError) {

    /** @return the row sums of the plan (mass of each source unit that is transported) */
    public double[] rowSums() {
        double[] s = new double[rows];
        for (int i = 0; i < rows; i++) {
            double t = 0;
            int o = i * cols;
            for (int j = 0; j < cols; j++) {
                t += plan[o + j];
            }
            s[i] = t;
        }
        return s;
    }

    /** @return the column sums of the plan (mass of each target unit that is transported) */
    public double[] colSums() {
        double[] s = new double[cols];
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            for (int j = 0; j < cols; j++) {
                s[j] += plan[o + j];
            }
        }
        return s;
    }

    /**
     * @param plan row-major coupling
     * @param costs row-major costs of the same shape (not necessarily the ones the plan was solved for)
     * @return {@code <P, C>} summed in row-major order
     */
    public static double inner(double[] plan, double[] costs) {
        double s = 0;
        for (int k = 0; k < plan.length; k++) {
            if (plan[k] != 0) {
                s += plan[k] * costs[k];
            }
        }
        return s;
    }
}
