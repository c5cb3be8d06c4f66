package org.myelin.metric.softmatching.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.myelin.api.PluginProperties;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.MetricTraits;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;
import org.myelin.metric.softmatching.internal.ot.ExactTransport;
import org.myelin.metric.softmatching.internal.ot.LogSinkhorn;
import org.myelin.metric.softmatching.internal.ot.TransportPlan;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code soft-matching} metric (Khosla and Williams 2023): optimal transport with uniform
 * marginals between the units (columns) of X (n x p) and Y (n x q), {@code p != q} allowed,
 *
 * <pre>
 *   d(X, Y) = sqrt( min_{P in T(p,q)} &lt;P, C&gt; ),   T(p,q) = {P &gt;= 0, P 1 = 1/p, P' 1 = 1/q},
 *   C_ij = ||x_i - y_j||^2  (cost=sqeuclidean)
 * </pre>
 *
 * the 2-Wasserstein distance between the two empirical distributions of tuning curves; with
 * {@code cost=correlation} the value is the plan-weighted mean correlation {@code 1 - <P, C>}
 * (a similarity, as in the authors' later code). Exact by default (network simplex); with
 * {@code solver=sinkhorn} the entropic plan is used and the entropy term is not added.
 *
 * <p>Symmetric; with the default squared Euclidean cost a distance with
 * {@code compare(x, x) = 0}. Invariant to permuting units on either side and to duplicating all
 * units; not to rotations or scaling (see science/metrics.md section 4). All-zero units are
 * dropped first and listed in {@code dropped_x} / {@code dropped_y}.
 *
 * <p>Details: {@code transport_cost} ({@code <P, C>}), {@code transport_plan} (p x q over the
 * original units, zero rows/columns for dropped ones), the preparation ({@code cost},
 * {@code center}, {@code solver}, {@code units_x}, {@code units_y}, dropped and zero-variance
 * units) and the solver's {@code iterations} (pivots for the exact solver).
 */
@Component(service = SimilarityMetric.class,
        property = {PluginProperties.ID + "=soft-matching", PluginProperties.KIND + "=metric"})
public final class SoftMatchingMetric implements SimilarityMetric {

    private static final List<ParameterSpec> PARAMETERS = MatchingSettings.specs(MatchingSettings.SQEUCLIDEAN);

    /** Traits of the default parameters (squared Euclidean cost): a symmetric distance. */
    private static final MetricTraits TRAITS = new MetricTraits(true, true, 0.0);

    /** Creates the component; it holds no state. */
    public SoftMatchingMetric() {
    }

    @Override
    public String id() {
        return "soft-matching";
    }

    @Override
    public String description() {
        return "Soft matching distance (Khosla & Williams 2023): exact optimal transport between unit tuning curves,"
                + " sqrt(<P,C>) for squared Euclidean costs, 1 - <P,C> for correlation costs";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /**
     * The traits of the default {@code cost=sqeuclidean}: symmetric, a distance, identity 0. With
     * {@code cost=correlation} the value is a similarity with identity 1 instead.
     */
    @Override
    public MetricTraits traits() {
        return TRAITS;
    }

    @Override
    public SimilarityResult compare(Matrix x, Matrix y, Parameters params) {
        MatchingSettings s = MatchingSettings.of(params);
        MatchingProblem problem = MatchingProblem.of(x, y, s);
        TransportPlan t = s.sinkhorn()
                ? LogSinkhorn.balanced(problem.cost, problem.p(), problem.q(), s.reg(), s.maxIterations(), s.tolerance())
                : new ExactTransport(problem.cost, problem.p(), problem.q()).balanced();
        double value = s.correlation() ? 1.0 - t.cost() : Math.sqrt(Math.max(t.cost(), 0.0));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("transport_cost", t.cost());
        problem.describe(d, s);
        d.put("iterations", t.iterations());
        if (s.sinkhorn()) {
            d.put("converged", t.converged());
            d.put("marginal_error", t.marginalError());
        }
        d.put("transport_plan", problem.originalPlan(t.plan()));
        return new SimilarityResult(value, d);
    }
}
