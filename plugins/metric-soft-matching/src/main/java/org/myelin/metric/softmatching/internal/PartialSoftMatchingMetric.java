package org.myelin.metric.softmatching.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.myelin.api.PluginProperties;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.MetricTraits;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;
import org.myelin.metric.softmatching.internal.ot.TransportPlan;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code partial-soft-matching} metric (Kapoor, Williams, Khosla, ICLR 2026): exact partial
 * optimal transport with total mass {@code m} between the units of X (n x p) and Y (n x q),
 *
 * <pre>
 *   min_P &lt;P, C&gt;  s.t.  P &gt;= 0,  P 1 &lt;= 1/p,  P' 1 &lt;= 1/q,  1' P 1 = m
 * </pre>
 *
 * the problem POT's {@code ot.partial.partial_wasserstein} solves (one dummy point per side, then
 * an exact EMD), solved exactly by successive shortest paths, which pass through the optimal plan
 * of every mass in one run ({@code PartialTransportPath}; the ranking and the L-curve come from the
 * same run). The value is the authors' {@code 1 - <P, C>} for {@code cost=correlation} (the
 * default) and {@code <P, C>} for {@code cost=sqeuclidean}, in both cases NOT divided by {@code m}
 * ({@code normalized_cost} is). {@code mass=1} is full soft matching (the same cost; the same
 * plan when the optimal plan is unique);
 * {@code mass=auto} picks {@code m} at the corner of the L-curve (see {@link MassCurve}).
 *
 * <p>Details: {@code transport_cost}, {@code transported_mass}, {@code normalized_cost}
 * ({@code <P,C>/m}, 0 for m = 0), for squared Euclidean costs also {@code distance}
 * ({@code sqrt(<P,C>/m)}); {@code mass} and {@code mass_selection} ({@code given} or
 * {@code auto}, then {@code lcurve}); {@code matched_x} / {@code matched_y} (original indices of
 * the units whose row / column sum exceeds 1e-8), {@code row_sums}, {@code col_sums}; the
 * ranking {@code ranking_x} / {@code ranking_y} (units by the exact mass above which they
 * are matched, see {@link UnitRanking}) with {@code ranking_x_entry_mass},
 * {@code ranking_x_entry_cost} (the cost of the pair each unit enters with) and the same for y;
 * the preparation; {@code transport_plan}.
 */
@Component(service = SimilarityMetric.class,
        property = {PluginProperties.ID + "=partial-soft-matching", PluginProperties.KIND + "=metric"})
public final class PartialSoftMatchingMetric implements SimilarityMetric {

    /** The word that selects the L-curve mass. */
    static final String AUTO = "auto";

    private static final List<ParameterSpec> PARAMETERS;

    static {
        List<ParameterSpec> specs = new ArrayList<>();
        specs.add(ParameterSpec.ofString("mass", AUTO, "total transported mass m: a number in [0, 1] (the fraction of units"
                + " to match; 1 = full soft matching) or auto (corner of the L-curve over lcurve_points masses)"));
        specs.addAll(MatchingSettings.specs(MatchingSettings.CORRELATION));
        specs.add(ParameterSpec.ofInt("lcurve_points", 11L, "", 3L, null,
                "mass=auto: number of masses k/(K-1), k = 0..K-1, on the L-curve"));
        specs.add(ParameterSpec.ofEnum("lcurve_corner", MassCurve.SECOND_DIFFERENCE,
                "mass=auto: corner rule, largest |second difference| of the score or largest curvature",
                MassCurve.SECOND_DIFFERENCE, MassCurve.CURVATURE));
        specs.add(ParameterSpec.ofInt("folds", 5L, "", 1L, null,
                "mass=auto: cross-validation folds over stimuli for the L-curve costs (1 = in-sample)"));
        specs.add(ParameterSpec.ofInt("seed", 42L, "", null, null, "mass=auto: seed of the fold shuffle"));
        specs.add(ParameterSpec.ofBoolean("ranking", true,
                "rank the units of both sides by the exact mass above which partial matching takes them in"
                        + " (one run through the optimal plans of every mass); false = the plan only"));
        PARAMETERS = List.copyOf(specs);
    }

    /** Traits of the default {@code cost=correlation}: a symmetric similarity, 1 for equal inputs. */
    private static final MetricTraits TRAITS = new MetricTraits(true, false, 1.0);

    /** Creates the component; it holds no state. */
    public PartialSoftMatchingMetric() {
    }

    @Override
    public String id() {
        return "partial-soft-matching";
    }

    @Override
    public String description() {
        return "Partial soft matching (Kapoor, Williams & Khosla 2026): exact partial optimal transport of mass m between"
                + " unit tuning curves, 1 - <P,C> for correlation costs, <P,C> for squared Euclidean";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /**
     * The traits of the default {@code cost=correlation}: symmetric, a similarity with identity
     * value 1. With {@code cost=sqeuclidean} the value is a cost with identity value 0.
     */
    @Override
    public MetricTraits traits() {
        return TRAITS;
    }

    @Override
    public SimilarityResult compare(Matrix x, Matrix y, Parameters params) {
        Double givenMass = parseMass(params.getString("mass"));
        MatchingSettings s = MatchingSettings.of(params);
        int folds = (int) params.getLong("folds");
        MatchingProblem problem = MatchingProblem.of(x, y, s);
        PartialSolutions solutions = new PartialSolutions(problem.cost, problem.p(), problem.q(), s);
        Map<String, Object> d = new LinkedHashMap<>();
        double mass;
        Map<String, Object> curve = null;
        if (givenMass == null) {
            if (folds > 1 && x.rows() < 2 * folds) {
                throw new InvalidParameterException("folds", folds + " folds over " + x.rows() + " stimuli leave fewer than 2"
                        + " stimuli per held-out fold", "use folds <= " + Math.max(1, x.rows() / 2) + " or folds=1 (in-sample L-curve)");
            }
            MassCurve.Selection sel = MassCurve.select(x, y, problem, s, (int) params.getLong("lcurve_points"),
                    params.getString("lcurve_corner"), folds, params.getLong("seed"), solutions);
            mass = sel.mass();
            curve = sel.details();
        } else {
            mass = givenMass;
        }
        boolean ranking = params.getBoolean("ranking");
        // with the ranking, one run through every mass also gives the plan of the chosen one
        UnitRanking r = ranking ? UnitRanking.of(problem, solutions.entries(mass)) : null;
        TransportPlan t = solutions.plan(mass);
        double value = s.correlation() ? 1.0 - t.cost() : t.cost();
        d.put("transport_cost", t.cost());
        d.put("transported_mass", t.mass());
        d.put("normalized_cost", t.mass() > 0 ? t.cost() / t.mass() : 0.0);
        if (!s.correlation()) {
            d.put("distance", t.mass() > 0 ? Math.sqrt(Math.max(t.cost(), 0.0) / t.mass()) : 0.0);
        }
        d.put("mass", mass);
        d.put("mass_selection", givenMass == null ? AUTO : "given");
        if (curve != null) {
            d.put("lcurve", curve);
        }
        double[] rows = t.rowSums();
        double[] cols = t.colSums();
        d.put("matched_x", matched(rows, problem.x.kept));
        d.put("matched_y", matched(cols, problem.y.kept));
        d.put("row_sums", MatchingProblem.original(rows, problem.x));
        d.put("col_sums", MatchingProblem.original(cols, problem.y));
        if (r != null) {
            d.put("ranking_x", r.unitsX());
            d.put("ranking_x_entry_mass", r.entryMassX());
            d.put("ranking_x_entry_cost", r.entryCostX());
            d.put("ranking_y", r.unitsY());
            d.put("ranking_y_entry_mass", r.entryMassY());
            d.put("ranking_y_entry_cost", r.entryCostY());
        }
        problem.describe(d, s);
        d.put("iterations", t.iterations());
        if (s.sinkhorn()) {
            d.put("converged", t.converged());
            d.put("marginal_error", t.marginalError());
        }
        d.put("transport_plan", problem.originalPlan(t.plan()));
        return new SimilarityResult(value, d);
    }

    /**
     * @param raw the {@code mass} parameter
     * @return the mass, or {@code null} for {@code auto}
     * @throws InvalidParameterException for anything but a number in [0, 1] or {@code auto}
     */
    static Double parseMass(String raw) {
        String s = raw.trim();
        if (s.toLowerCase(Locale.ROOT).equals(AUTO)) {
            return null;
        }
        double m;
        try {
            m = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw badMass("'" + raw + "' is not a number");
        }
        if (!(m >= 0 && m <= 1)) {
            throw badMass(raw + " is outside [0, 1]");
        }
        // -0 is 0
        return m + 0.0;
    }

    private static InvalidParameterException badMass(String problem) {
        return new InvalidParameterException("mass", problem,
                "valid values: a number in [0, 1] (fraction of the total mass to transport, 1 = full soft matching) or auto");
    }

    private static int[] matched(double[] sums, int[] kept) {
        int count = 0;
        for (double v : sums) {
            if (v > UnitRanking.MATCHED) {
                count++;
            }
        }
        int[] out = new int[count];
        for (int a = 0, k = 0; a < sums.length; a++) {
            if (sums[a] > UnitRanking.MATCHED) {
                out[k++] = kept[a];
            }
        }
        return out;
    }
}
