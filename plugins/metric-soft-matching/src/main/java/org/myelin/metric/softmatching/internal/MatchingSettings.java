package org.myelin.metric.softmatching.internal;

import java.util.List;

import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;

/**
 * The parameters both matching metrics share, read from validated {@link Parameters}.
 *
 * @param correlation {@code true} for {@code cost=correlation}, {@code false} for {@code sqeuclidean}
 * @param center whether tuning curves are centred over the stimuli first
 * @param sinkhorn {@code true} for {@code solver=sinkhorn}, {@code false} for {@code exact}
 * @param reg entropic regularisation (Sinkhorn only), in cost units
 * @param maxIterations Sinkhorn iteration limit
 * @param tolerance Sinkhorn stopping tolerance
 */
record MatchingSettings(boolean correlation, boolean center, boolean sinkhorn, double reg, int maxIterations,
        double tolerance) {

    static final String SQEUCLIDEAN = "sqeuclidean";
    static final String CORRELATION = "correlation";
    static final String EXACT = "exact";
    static final String SINKHORN = "sinkhorn";

    /**
     * @param defaultCost the metric's default cost
     * @return the shared parameter descriptions, the cost first
     */
    static List<ParameterSpec> specs(String defaultCost) {
        return List.of(
                ParameterSpec.ofEnum("cost", defaultCost, "cost between two unit tuning curves: sqeuclidean = squared"
                        + " Euclidean distance, correlation = 1 - cosine (1 - Pearson r when centred)", SQEUCLIDEAN, CORRELATION),
                ParameterSpec.ofBoolean("center", true, "centre each unit's tuning curve over the stimuli before matching"),
                ParameterSpec.ofEnum("solver", EXACT, "exact = network simplex (exact optimal transport);"
                        + " sinkhorn = entropic transport in the log domain with regularisation reg", EXACT, SINKHORN),
                ParameterSpec.ofDouble("reg", 0.05, "", 0.0, null,
                        "entropic regularisation for solver=sinkhorn, in cost units (absolute, as POT's reg); must be > 0"),
                ParameterSpec.ofInt("max_iter", 10000L, "", 1L, null, "iteration limit of the sinkhorn solver"),
                ParameterSpec.ofDouble("tol", 1e-9, "", 0.0, null,
                        "stopping tolerance of the sinkhorn solver (marginal error, or change of the plan for partial)"));
    }

    /**
     * @param params validated parameters holding the shared names
     * @return the settings
     * @throws InvalidParameterException for {@code reg = 0} with the Sinkhorn solver
     */
    static MatchingSettings of(Parameters params) {
        boolean correlation = CORRELATION.equals(params.getString("cost"));
        boolean sinkhorn = SINKHORN.equals(params.getString("solver"));
        double reg = params.getDouble("reg");
        if (sinkhorn && !(reg > 0)) {
            throw new InvalidParameterException("reg", "reg = " + reg + " with solver=sinkhorn",
                    "give a positive regularisation, e.g. reg=0.05 for correlation costs (which lie in [0, 2]); use solver=exact for reg -> 0");
        }
        return new MatchingSettings(correlation, params.getBoolean("center"), sinkhorn, reg,
                (int) Math.min(Integer.MAX_VALUE, params.getLong("max_iter")), params.getDouble("tol"));
    }

    /** @return the cost's parameter value */
    String costName() {
        return correlation ? CORRELATION : SQEUCLIDEAN;
    }

    /** @return the solver's parameter value */
    String solverName() {
        return sinkhorn ? SINKHORN : EXACT;
    }
}
