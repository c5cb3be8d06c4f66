package org.myelin.testkit.metric;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.myelin.api.InvalidInputException;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.MetricTraits;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;

/**
 * A small, correct distance for testing the contract: the absolute difference of the two
 * representations' total variances, times {@code scale}. Each {@link Flaw} breaks one promise,
 * so that a test can show the contract notices.
 */
final class VarianceGapDistance implements SimilarityMetric {

    /** One way to break the metric contract. */
    enum Flaw {
        ASYMMETRIC, WRONG_IDENTITY, DISTANCE_WITH_NONZERO_IDENTITY, ACCEPTS_NAN, ACCEPTS_INFINITY, VAGUE_NAN_MESSAGE,
        SAME_MESSAGE_FOR_X_AND_Y, ACCEPTS_ROW_MISMATCH, NONDETERMINISTIC, MODIFIES_INPUT, DUPLICATE_PARAMETER,
        DEFAULT_OUT_OF_RANGE, UNDOCUMENTED_PARAMETER, BAD_ID, NO_DESCRIPTION, NON_JSON_DETAIL
    }

    private final Set<Flaw> flaws;
    private int calls;

    VarianceGapDistance(Flaw... flaws) {
        this.flaws = flaws.length == 0 ? EnumSet.noneOf(Flaw.class) : EnumSet.of(flaws[0], flaws);
    }

    @Override
    public String id() {
        return flaws.contains(Flaw.BAD_ID) ? "Variance Gap" : "variance-gap";
    }

    @Override
    public String description() {
        return flaws.contains(Flaw.NO_DESCRIPTION) ? " " : "absolute difference of total variances";
    }

    @Override
    public List<ParameterSpec> parameters() {
        ParameterSpec scale = ParameterSpec.ofDouble("scale", flaws.contains(Flaw.DEFAULT_OUT_OF_RANGE) ? 5.0 : 1.0, "", 0.0, 2.0,
                flaws.contains(Flaw.UNDOCUMENTED_PARAMETER) ? "" : "factor applied to the gap");
        if (flaws.contains(Flaw.DUPLICATE_PARAMETER)) {
            return List.of(scale, ParameterSpec.ofDouble("scale", 1.0, "", 0.0, 2.0, "again"));
        }
        return List.of(scale);
    }

    @Override
    public MetricTraits traits() {
        return new MetricTraits(true, true, flaws.contains(Flaw.DISTANCE_WITH_NONZERO_IDENTITY) ? 1.0 : 0.0);
    }

    @Override
    public SimilarityResult compare(Matrix x, Matrix y, Parameters params) {
        calls++;
        check("x", x);
        check("y", y);
        int n = x.rows();
        if (x.rows() != y.rows()) {
            if (!flaws.contains(Flaw.ACCEPTS_ROW_MISMATCH)) {
                throw new InvalidInputException("x, y", "x has " + x.rows() + " rows, y has " + y.rows(), "same stimuli on both sides");
            }
            n = Math.min(x.rows(), y.rows());
        }
        double vx = totalVariance(x, n);
        double vy = totalVariance(y, n);
        double gap = flaws.contains(Flaw.ASYMMETRIC) ? vx - 0.5 * vy : Math.abs(vx - vy);
        if (flaws.contains(Flaw.WRONG_IDENTITY)) {
            gap += 0.25;
        }
        if (flaws.contains(Flaw.NONDETERMINISTIC)) {
            gap += calls * 1e-6;
        }
        if (flaws.contains(Flaw.MODIFIES_INPUT)) {
            x.data()[0] += 1.0;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("variance_x", vx);
        details.put("variance_y", vy);
        if (flaws.contains(Flaw.NON_JSON_DETAIL)) {
            details.put("raw", new StringBuilder("x"));
        }
        return new SimilarityResult(params.getDouble("scale") * gap, details);
    }

    private void check(String name, Matrix m) {
        int[] bad = m.firstNonFinite();
        if (bad == null) {
            return;
        }
        double v = m.get(bad[0], bad[1]);
        if (Double.isNaN(v) && flaws.contains(Flaw.ACCEPTS_NAN) || Double.isInfinite(v) && flaws.contains(Flaw.ACCEPTS_INFINITY)) {
            return;
        }
        if (flaws.contains(Flaw.VAGUE_NAN_MESSAGE)) {
            throw new InvalidInputException(name, "holds a non-finite value", null);
        }
        String where = "row " + bad[0] + ", column " + bad[1] + " is " + v;
        throw new InvalidInputException(flaws.contains(Flaw.SAME_MESSAGE_FOR_X_AND_Y) ? "input" : name, where, null);
    }

    private static double totalVariance(Matrix m, int rows) {
        double total = 0;
        for (int c = 0; c < m.cols(); c++) {
            double mean = 0;
            for (int r = 0; r < rows; r++) {
                mean += m.get(r, c);
            }
            mean /= rows;
            for (int r = 0; r < rows; r++) {
                double d = m.get(r, c) - mean;
                total += d * d;
            }
        }
        return total / (rows - 1);
    }
}
