package org.myelin.metric.cka.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.myelin.api.PluginProperties;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.MetricTraits;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code cka} metric: centered kernel alignment between two representations of the same
 * stimuli (Kornblith, Norouzi, Lee, Hinton, ICML 2019). A similarity in [0, 1], symmetric,
 * 1 for identical representations; invariant to orthogonal transforms and isotropic scaling
 * of either side and to translating columns, not to anisotropic scaling.
 *
 * <p>Details: {@code hsic_xy}, {@code hsic_xx}, {@code hsic_yy} (the biased HSIC estimates
 * {@code tr(K H L H) / (n-1)^2} whose normalised ratio is CKA), {@code kernel}, {@code form}
 * ({@code feature} or {@code gram}: which of the two equal computations ran) and
 * {@code stimuli}.
 */
@Component(service = SimilarityMetric.class, property = {PluginProperties.ID + "=cka", PluginProperties.KIND + "=metric"})
public final class CkaMetric implements SimilarityMetric {

    /** Kernel names accepted by the {@code kernel} parameter. */
    static final String LINEAR = "linear";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.ofEnum("kernel", LINEAR, "kernel applied to each representation; linear CKA compares X X' with Y Y'",
                    LINEAR));

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
        return "Centered kernel alignment (Kornblith et al. 2019) between two stimulus-by-unit representations, 0 to 1";
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
        if (!LINEAR.equals(kernel)) {
            throw new InvalidParameterException("kernel", "unknown kernel '" + kernel + "'",
                    "valid kernels: " + LINEAR);
        }
        LinearCka.Result r = LinearCka.compute(x, y);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("hsic_xy", r.hsicXY());
        details.put("hsic_xx", r.hsicXX());
        details.put("hsic_yy", r.hsicYY());
        details.put("kernel", kernel);
        details.put("form", r.form() == LinearCka.Form.FEATURE ? "feature" : "gram");
        details.put("stimuli", x.rows());
        return new SimilarityResult(r.cka(), details);
    }
}
