package org.myelin.neuron.lif.internal;

import java.util.ArrayList;
import java.util.List;

import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.api.neuron.NeuronModel;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code alif} neuron model: the adaptive LIF unit of Bellec et al. 2018 (LSNN), a
 * {@code lif} membrane whose threshold {@code A = threshold + beta_adapt a} rises by
 * {@code (1 - rho) beta_adapt} with every spike and relaxes with
 * {@code a[t] = rho a[t-1] + (1 - rho) z}, {@code rho = exp(-dt / tau_adapt_ms)}; equations in
 * {@link AlifDynamics}. It takes every membrane and spike convention of {@code lif} with the
 * same names and defaults (snnTorch {@code Leaky}); the LSNN setting is
 * {@code decay_input: true, tau_ms: 20, detach_reset: false}.
 */
@Component(service = NeuronModel.class, property = {"myelin.id=alif", "myelin.kind=neuron"})
public final class AlifNeuronModel implements NeuronModel {

    static final String TAU_ADAPT_MS = "tau_adapt_ms";
    static final String BETA_ADAPT = "beta_adapt";

    private static final List<ParameterSpec> PARAMETERS = parameterList();

    private static List<ParameterSpec> parameterList() {
        List<ParameterSpec> all = new ArrayList<>(LifSettings.SPECS);
        all.add(ParameterSpec.ofDouble(TAU_ADAPT_MS, 200.0, "ms", 1e-6, null,
                "time constant of the threshold adaptation; rho = exp(-dt / tau_adapt_ms)"));
        all.add(ParameterSpec.ofDouble(BETA_ADAPT, 1.8, "", 0.0, null,
                "adaptation strength: threshold = threshold + beta_adapt * a (1.8 in Bellec et al. 2018; 0 = plain lif)"));
        return List.copyOf(all);
    }

    /** Creates the component; DS calls this. */
    public AlifNeuronModel() {
        // stateless: every population gets its own AlifDynamics
    }

    @Override
    public String id() {
        return "alif";
    }

    @Override
    public String description() {
        return "Adaptive LIF (Bellec et al. 2018 LSNN): a lif membrane with a spike-triggered threshold that relaxes with tau_adapt_ms.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /**
     * Builds the dynamics with {@code rho = exp(-dtMs / tau_adapt_ms)}.
     *
     * @throws InvalidParameterException when euler discretisation would give a negative beta
     * @throws IllegalArgumentException for a non-positive size or time step
     */
    @Override
    public NeuronDynamics create(Parameters params, int size, double dtMs) {
        LifSettings s = LifSettings.of(params, size, dtMs);
        float rho = (float) Math.exp(-dtMs / params.getDouble(TAU_ADAPT_MS));
        return new AlifDynamics(size, s, rho, (float) params.getDouble(BETA_ADAPT));
    }
}
