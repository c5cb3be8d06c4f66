package org.myelin.metric.rsa.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.myelin.api.InvalidInputException;
import org.myelin.api.PluginProperties;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.MetricTraits;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code rsa} metric: representational similarity analysis with rsatoolbox's definitions
 * (science/metrics.md section 3). Each representation becomes an RDM ({@code rdm}: euclidean,
 * correlation or crossnobis, see {@link Rdms}) and the two RDMs are compared ({@code compare},
 * see {@link RdmComparison}); the value is that comparison. With {@code input=rdm} X and Y already
 * are RDM vectors (upper triangle, row-major, as a 1 x N or N x 1 matrix).
 *
 * <p>{@code conditions=FILE} gives one integer condition label per row: rows are averaged per
 * condition (RDM rows in ascending label order); crossnobis needs it together with
 * {@code folds=FILE} (one integer fold label per row) and uses {@code noise=FILE} (a p x p noise
 * precision matrix, identity when not given) on both sides. Defaults [project choice]: the
 * correlation RDM compared by Spearman's rho, the classic combination of Kriegeskorte et al. 2008.
 *
 * <p>Details: {@code rdm}, {@code compare}, {@code conditions} (RDM size), {@code pairs}
 * (entries per RDM) and with {@code include_rdms=true} the vectors {@code rdm_x}, {@code rdm_y}.
 * Symmetric, a similarity with identity value 1 (exactly 1 for every comparison when the RDM has
 * no ties; with ties Kendall tau-a and rho-a of an RDM with itself are below 1).
 */
@Component(service = SimilarityMetric.class, property = {PluginProperties.ID + "=rsa", PluginProperties.KIND + "=metric"})
public final class RsaMetric implements SimilarityMetric {

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.ofEnum("rdm", "correlation", "dissimilarity between stimulus patterns: squared euclidean / units,"
                    + " 1 - Pearson r, or cross-validated Mahalanobis (needs conditions and folds)",
                    "euclidean", "correlation", "crossnobis"),
            ParameterSpec.ofEnum("compare", "spearman", "how the two RDMs are compared (rsatoolbox definitions, ties as scipy)",
                    RdmComparison.METHODS.toArray(new String[0])),
            ParameterSpec.ofEnum("input", "patterns", "patterns: X and Y are stimulus-by-unit matrices; rdm: X and Y are RDM"
                    + " vectors (upper triangle, row-major, 1 x N or N x 1)", "patterns", "rdm"),
            ParameterSpec.ofBoolean("include_rdms", false, "put the two RDM vectors into details.rdm_x and details.rdm_y"),
            ParameterSpec.ofPath("conditions", "", "file with one integer condition label per row; rows are averaged per"
                    + " condition (required for crossnobis)"),
            ParameterSpec.ofPath("folds", "", "file with one integer fold (run, session) label per row, for crossnobis"),
            ParameterSpec.ofPath("noise", "", "file with the p x p noise precision matrix for crossnobis (default identity)"));

    private static final MetricTraits TRAITS = new MetricTraits(true, false, 1.0);

    /** Creates the component; it holds no state. */
    public RsaMetric() {
    }

    @Override
    public String id() {
        return "rsa";
    }

    @Override
    public String description() {
        return "Representational similarity analysis (rsatoolbox): RDMs (euclidean, correlation, crossnobis) compared by"
                + " Spearman, Pearson, cosine, whitened cosine, Kendall tau or rho-a";
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
        String rdm = text(params, "rdm", "correlation");
        String method = text(params, "compare", "spearman");
        boolean rdmInput = "rdm".equals(text(params, "input", "patterns"));
        boolean include = params.has("include_rdms") && params.getBoolean("include_rdms");
        if (!RdmComparison.METHODS.contains(method)) {
            throw new InvalidParameterException("compare", "unknown comparison '" + method + "'",
                    "valid: " + String.join(", ", RdmComparison.METHODS));
        }
        finite("x", x);
        finite("y", y);
        double[] a;
        double[] b;
        int n;
        if (rdmInput) {
            n = stimuliOfRdm("x", x);
            int ny = stimuliOfRdm("y", y);
            if (n != ny) {
                throw new InvalidInputException("x, y", "x is an RDM of " + n + " stimuli (" + x.data().length + " entries) but y of "
                        + ny + " (" + y.data().length + " entries)", "compare RDMs of the same stimuli");
            }
            a = x.data();
            b = y.data();
        } else {
            if (x.rows() != y.rows()) {
                throw new InvalidInputException("x, y", "x has " + x.rows() + " stimuli (rows) but y has " + y.rows(),
                        "both representations must have one row per stimulus (observation), in the same order");
            }
            Patterns px = Patterns.of(x, "x", rdm, params);
            Patterns py = Patterns.of(y, "y", rdm, params);
            n = px.conditions();
            if (n < 3) {
                throw new InvalidInputException("x, y", "RSA needs at least 3 stimuli (conditions), got " + n
                        + ": an RDM of fewer has under 3 entries and rank correlations are undefined",
                        "give 3 or more stimuli");
            }
            a = px.rdm();
            b = py.rdm();
        }
        double value = RdmComparison.compare(method, a, b, n);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rdm", rdmInput ? "given" : rdm);
        details.put("compare", method);
        details.put("conditions", n);
        details.put("pairs", a.length);
        if (include) {
            details.put("rdm_x", a.clone());
            details.put("rdm_y", b.clone());
        }
        return new SimilarityResult(value, details);
    }

    private static String text(Parameters params, String name, String fallback) {
        return params.has(name) ? params.getString(name) : fallback;
    }

    private static void finite(String name, Matrix m) {
        int[] bad = m.firstNonFinite();
        if (bad != null) {
            throw new InvalidInputException(name, "row " + bad[0] + ", column " + bad[1] + " is " + m.get(bad[0], bad[1])
                    + " (rows and columns count from 0)", "remove or impute non-finite values before comparing");
        }
        if (m.cols() == 0 || m.rows() == 0) {
            throw new InvalidInputException(name, "is empty (" + m.rows() + " x " + m.cols() + ")",
                    "give at least 3 stimuli and one unit");
        }
    }

    /** The n of an RDM vector with N = n(n-1)/2 entries. */
    private static int stimuliOfRdm(String name, Matrix m) {
        if (m.rows() != 1 && m.cols() != 1) {
            throw new InvalidInputException(name, "with input=rdm it must be a vector (1 x N or N x 1), got " + m.rows() + " x "
                    + m.cols(), "give the upper triangle of the RDM, row-major, as one row or one column");
        }
        long len = m.data().length;
        long n = Math.round((1 + Math.sqrt(1 + 8.0 * len)) / 2);
        if (n * (n - 1) / 2 != len) {
            throw new InvalidInputException(name, len + " entries is not n(n-1)/2 for any n",
                    "give the upper triangle i < j of an n x n RDM (n = 3 gives 3 entries, n = 4 gives 6, n = 92 gives 4186)");
        }
        if (n < 3) {
            throw new InvalidInputException(name, "an RDM of " + n + " stimuli has " + len + " entries",
                    "RSA needs at least 3 stimuli (3 entries)");
        }
        return (int) n;
    }
}
