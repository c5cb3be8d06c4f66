package ${package}.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.myelin.api.InvalidInputException;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.MetricTraits;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * Best-match Pearson correlation between the units of two representations of the same stimuli
 * (x: n stimuli x p units, y: n x q units). Every unit of x is matched to the unit of y it
 * correlates with most across stimuli, and every unit of y to its best unit of x; the value is
 * the mean of the two per-unit means:
 *
 * <pre>
 * r(i, j) = Pearson correlation of column i of x and column j of y over the n stimuli
 * value   = ( mean_i max_j r(i, j) + mean_j max_i r(i, j) ) / 2
 * </pre>
 *
 * The value lies in [-1, 1] and is 1 for identical representations; it is symmetric in x and y.
 * With {@code absolute = true}, |r| is used, so a unit and its sign-flipped copy count as a
 * perfect match. The details give each unit's best correlation and the index of its match.
 *
 * <p>Registered as a {@code SimilarityMetric} service with {@code myelin.id=${metricId}}: the host
 * finds it through the service registry, so dropping the bundle into {@code deploy/} is all it
 * takes.
 */
@Component(property = {"myelin.id=${metricId}", "myelin.kind=metric"})
public final class BestMatchCorrelationMetric implements SimilarityMetric {

    /** The plugin id, equal to the {@code myelin.id} service property. */
    public static final String ID = "${metricId}";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.ofBoolean("absolute", false,
                    "match units by |r| instead of r, so a unit and its sign-flipped copy count as a perfect match"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "best-match Pearson correlation between units of two representations (1 = every unit has a perfectly correlated twin)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public MetricTraits traits() {
        return new MetricTraits(true, false, 1.0);
    }

    @Override
    public SimilarityResult compare(Matrix x, Matrix y, Parameters params) {
        if (x.rows() != y.rows()) {
            throw new InvalidInputException("x, y", "x has " + x.rows() + " stimuli (rows) but y has " + y.rows(),
                    "both representations need one row per stimulus, in the same order");
        }
        if (x.rows() < 3) {
            throw new InvalidInputException("x, y", "only " + x.rows() + " stimuli", "a correlation needs at least 3 stimuli (rows)");
        }
        boolean absolute = params.has("absolute") && params.getBoolean("absolute");
        double[] zx = standardizedColumns(x, "x");
        double[] zy = standardizedColumns(y, "y");
        int n = x.rows();
        int p = x.cols();
        int q = y.cols();

        double[] bestX = new double[p];
        int[] matchX = new int[p];
        double[] bestY = new double[q];
        int[] matchY = new int[q];
        java.util.Arrays.fill(bestX, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(bestY, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < q; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += zx[k * p + i] * zy[k * q + j];
                }
                // clamp: rounding can push |r| a hair past 1
                double r = Math.max(-1.0, Math.min(1.0, s / n));
                double score = absolute ? Math.abs(r) : r;
                if (score > bestX[i]) {
                    bestX[i] = score;
                    matchX[i] = j;
                }
                if (score > bestY[j]) {
                    bestY[j] = score;
                    matchY[j] = i;
                }
            }
        }
        double value = 0.5 * (mean(bestX) + mean(bestY));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("best_correlation_x", bestX);
        details.put("match_x", matchX);
        details.put("best_correlation_y", bestY);
        details.put("match_y", matchY);
        return new SimilarityResult(value, details);
    }

    /** Z-scores every column (population standard deviation); rejects non-finite values and constant columns. */
    private static double[] standardizedColumns(Matrix m, String name) {
        int[] bad = m.firstNonFinite();
        if (bad != null) {
            throw new InvalidInputException(name, "row " + bad[0] + ", column " + bad[1] + " is " + m.get(bad[0], bad[1])
                    + " (rows and columns count from 0)", "remove or impute non-finite values");
        }
        int n = m.rows();
        int c = m.cols();
        if (c == 0) {
            throw new InvalidInputException(name, "no units (0 columns)", "give at least one unit");
        }
        double[] z = new double[n * c];
        for (int j = 0; j < c; j++) {
            double mean = 0;
            for (int k = 0; k < n; k++) {
                mean += m.get(k, j);
            }
            mean /= n;
            double var = 0;
            for (int k = 0; k < n; k++) {
                double d = m.get(k, j) - mean;
                var += d * d;
            }
            double sd = Math.sqrt(var / n);
            if (!(sd > 1e-12 * Math.max(1.0, Math.abs(mean)))) {
                throw new InvalidInputException(name, "column " + j + " is constant across stimuli, so its correlation is undefined",
                        "drop units that never vary");
            }
            for (int k = 0; k < n; k++) {
                z[k * c + j] = (m.get(k, j) - mean) / sd;
            }
        }
        return z;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
