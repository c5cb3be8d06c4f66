package org.myelin.metric.cka.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * The {@code cka} metric: centered kernel alignment between two representations of the same
 * stimuli (Kornblith, Norouzi, Lee, Hinton, ICML 2019), following science/metrics.md section 1.
 *
 * <p>Parameters: {@code kernel} ({@code linear} or {@code rbf} with bandwidth
 * {@code sigma^2 = threshold^2 * median squared distance}), {@code debiased} (the U-statistic
 * HSIC of Song et al. 2007; needs 4 or more stimuli and can be slightly negative) and
 * {@code angular} (return {@code arccos(CKA)}, netrep's angular distance, which is a metric;
 * then 0 means identical). Symmetric; CKA is 1 for identical representations, invariant to
 * orthogonal transforms and isotropic scaling of either side, translating columns and
 * permuting units, not to anisotropic scaling.
 *
 * <p>Details: {@code cka} (the alignment itself, also when {@code angular}), {@code hsic_xy},
 * {@code hsic_xx}, {@code hsic_yy} (biased HSIC {@code <K~,L~>/(n-1)^2} or debiased
 * {@code <K~,L~>/(n(n-3))}), {@code kernel}, {@code debiased}, {@code form} ({@code feature}:
 * p x q products, used for linear CKA when there are more stimuli than units on both sides;
 * {@code gram}: n x n grams), {@code stimuli}, and for RBF {@code sigma2_x}, {@code sigma2_y},
 * {@code median_sq_distance_x}, {@code median_sq_distance_y}.
 *
 * <p>The {@link MetricTraits} describe the default ({@code angular=false}): a similarity with
 * identity value 1. With {@code angular=true} the value is a distance with identity value 0.
 */
@Component(service = SimilarityMetric.class, property = {PluginProperties.ID + "=cka", PluginProperties.KIND + "=metric"})
public final class CkaMetric implements SimilarityMetric {

    /** The linear kernel: compares X X' with Y Y'. */
    static final String LINEAR = "linear";
    /** The Gaussian kernel with the median-distance bandwidth. */
    static final String RBF = "rbf";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.ofEnum("kernel", LINEAR, "kernel applied to each representation: linear compares X X' with Y Y',"
                    + " rbf compares exp(-|x_i - x_j|^2 / (2 sigma^2)) grams", LINEAR, RBF),
            ParameterSpec.ofBoolean("debiased", false, "use the unbiased (U-statistic) HSIC estimator; needs 4 or more stimuli"),
            ParameterSpec.ofDouble("threshold", 1.0, "", 0.0, null,
                    "rbf bandwidth: sigma^2 = threshold^2 * median squared distance between stimuli (must be > 0)"),
            ParameterSpec.ofBoolean("angular", false, "return arccos(CKA), an angular distance (0 = identical) instead of CKA"));

    private static final MetricTraits TRAITS = new MetricTraits(true, false, 1.0);

    /** Creates the component; it holds no state. */
    public CkaMetric() {
    }

    @Override
    public String id() {
        return "cka";
    }

    @Override
    public String description() {
        return "Centered kernel alignment (Kornblith et al. 2019), linear or RBF, biased or debiased, optionally as arccos distance";
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
        String kernel = params.has("kernel") ? params.getString("kernel") : LINEAR;
        boolean debiased = params.has("debiased") && params.getBoolean("debiased");
        boolean angular = params.has("angular") && params.getBoolean("angular");
        double threshold = params.has("threshold") ? params.getDouble("threshold") : 1.0;
        if (!LINEAR.equals(kernel) && !RBF.equals(kernel)) {
            throw new InvalidParameterException("kernel", "unknown kernel '" + kernel + "'", "valid kernels: linear, rbf");
        }
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new InvalidParameterException("threshold", "threshold must be a positive number, got " + threshold,
                    "give the RBF bandwidth as a fraction of the median distance, e.g. threshold=1.0 or 0.5");
        }
        String variant = (debiased ? "debiased " : "") + kernel + " CKA";
        int n = x.rows();
        int p = x.cols();
        int q = y.cols();
        boolean featureSpace = LINEAR.equals(kernel) && n > p && n > q;
        // the feature-space path finds non-finite values in its column-mean pass (one pass less)
        RepresentationChecks.check(x, y, debiased ? 4 : 2, variant, !featureSpace);
        Map<String, Object> details = new LinkedHashMap<>();
        Alignment a;
        String form;
        if (featureSpace) {
            a = FeatureSpaceCka.compute(x, y, debiased);
            form = "feature";
        } else if (RBF.equals(kernel)) {
            double[] xc = RepresentationChecks.centreColumns(x);
            double[] yc = RepresentationChecks.centreColumns(y);
            Grams.Rbf kx = Grams.rbf(xc, n, p, threshold, "x");
            Grams.Rbf ky = Grams.rbf(yc, n, q, threshold, "y");
            a = KernelAlignment.compute(kx.kernel(), ky.kernel(), debiased);
            form = "gram";
            details.put("sigma2_x", kx.sigma2());
            details.put("sigma2_y", ky.sigma2());
            details.put("median_sq_distance_x", kx.medianSquaredDistance());
            details.put("median_sq_distance_y", ky.medianSquaredDistance());
        } else {
            double[] xc = RepresentationChecks.centreColumns(x);
            double[] yc = RepresentationChecks.centreColumns(y);
            a = KernelAlignment.compute(Grams.linear(xc, n, p), Grams.linear(yc, n, q), debiased);
            form = "gram";
        }
        double cka = a.cka();
        if (!debiased) {
            // biased CKA is an inner product of PSD matrices: non-negative up to rounding
            cka = Math.max(0.0, cka);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cka", cka);
        out.put("hsic_xy", a.xy() * a.hsicScale());
        out.put("hsic_xx", a.xx() * a.hsicScale());
        out.put("hsic_yy", a.yy() * a.hsicScale());
        out.put("kernel", kernel);
        out.put("debiased", debiased);
        out.put("form", form);
        out.put("stimuli", n);
        out.putAll(details);
        return new SimilarityResult(angular ? Math.acos(cka) : cka, out);
    }
}
