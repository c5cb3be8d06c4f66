package org.myelin.metric.shape.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.myelin.api.InvalidInputException;
import org.myelin.api.PluginProperties;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.MetricTraits;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;
import org.myelin.core.linalg.Blas;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code permutation} metric: netrep's {@code PermutationMetric} (Williams et al. 2021,
 * science/metrics.md section 2). Centre columns ({@code center}), find the unit permutation
 * {@code pi} maximising {@code sum_i (Xc' Yc)[i, pi(i)]} exactly ({@link LinearAssignment}), and
 * score {@code Xc} against {@code Yc} with its columns permuted:
 * {@code euclidean = ||Xc - Yc Pi||_F = sqrt(||Xc||^2 + ||Yc||^2 - 2 t)},
 * {@code angular = arccos(t / (||Xc|| ||Yc||))} with t the maximised trace. Needs equal unit
 * counts. The scores are computed from the matched columns directly (O(n p)), which stays accurate
 * for nearly identical inputs where the trace formulas cancel. With {@code center=false} the euclidean score is {@code sqrt(p)} times the soft matching
 * distance.
 *
 * <p>Details: {@code assignment} ({@code assignment[i]} = the unit of Y matched to unit i of X),
 * {@code matched_inner_product} (t), {@code cosine}, {@code score}, {@code center}, {@code units},
 * and with {@code include_plan=true} {@code plan}, the p x p 0/1 permutation matrix (row i of X,
 * column {@code assignment[i]} of Y).
 */
@Component(service = SimilarityMetric.class, property = {PluginProperties.ID + "=permutation", PluginProperties.KIND + "=metric"})
public final class PermutationMetric implements SimilarityMetric {

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.ofEnum("score", "euclidean", "euclidean: ||X - Y Pi||_F; angular: arccos of the matched cosine (radians)",
                    "euclidean", "angular"),
            ParameterSpec.ofBoolean("center", true, "subtract each unit's mean over the stimuli first"),
            ParameterSpec.ofBoolean("include_plan", false, "put the p x p permutation matrix into details.plan"));

    private static final MetricTraits TRAITS = new MetricTraits(true, true, 0.0);

    /** Creates the component; it holds no state. */
    public PermutationMetric() {
    }

    @Override
    public String id() {
        return "permutation";
    }

    @Override
    public String description() {
        return "Shape metric over unit permutations (netrep PermutationMetric): exact optimal matching of units, euclidean or angular";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public MetricTraits traits() {
        return TRAITS;
    }

    @Override
    public SimilarityResult compare(Matrix x, Matrix y, Parameters params) {
        String score = params.has("score") ? params.getString("score") : "euclidean";
        boolean centre = !params.has("center") || params.getBoolean("center");
        boolean plan = params.has("include_plan") && params.getBoolean("include_plan");
        Representation.checkPair(x, y);
        if (x.cols() != y.cols()) {
            throw new InvalidInputException("x, y", "permutation needs equal unit counts, x has " + x.cols() + " units and y has "
                    + y.cols(), "use procrustes (zero-pads the narrower side) or soft-matching (matches unequal counts)");
        }
        int p = x.cols();
        int n = x.rows();
        Representation a = Representation.of(x, p, centre);
        Representation b = Representation.of(y, p, centre);
        boolean angular = "angular".equals(score);
        if (angular) {
            a.requireVariance("x", centre, "the angular score is 0/0");
            b.requireVariance("y", centre, "the angular score is 0/0");
        }
        double[] w = new double[p * p];
        Blas.dgemm(true, false, p, p, n, 1.0, a.data(), 0, p, b.data(), 0, p, 0.0, w, 0, p);
        int[] pi = LinearAssignment.maximise(w, p);
        double t = 0;
        for (int i = 0; i < p; i++) {
            t += w[i * p + pi[i]];
        }
        double nx = a.squaredNorm();
        double ny = b.squaredNorm();
        double cosine = nx > 0 && ny > 0 ? Math.max(-1.0, Math.min(1.0, t / (Math.sqrt(nx) * Math.sqrt(ny)))) : 0.0;
        double value = angular ? AlignedDistance.angle(a.data(), b.data(), n, p, pi, nx, ny)
                : AlignedDistance.euclidean(a.data(), b.data(), n, p, pi);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("assignment", pi);
        details.put("matched_inner_product", t);
        details.put("cosine", cosine);
        details.put("score", score);
        details.put("center", centre);
        details.put("units", p);
        if (plan) {
            double[] m = new double[p * p];
            for (int i = 0; i < p; i++) {
                m[i * p + pi[i]] = 1.0;
            }
            details.put("plan", new Matrix(p, p, m));
        }
        return new SimilarityResult(value, details);
    }
}
