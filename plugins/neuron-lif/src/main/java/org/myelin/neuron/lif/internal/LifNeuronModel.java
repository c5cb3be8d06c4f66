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
 * The {@code lif} neuron model: a current-based leaky integrate-and-fire neuron with one state
 * variable (the membrane {@code v}) whose conventions are all explicit parameters, so that it can
 * reproduce snnTorch {@code Leaky}, SpikingJelly {@code LIFNode} and the membrane equation of
 * Norse {@code lif_feed_forward_step} (science/snn.md section 0; equations in {@link LifDynamics}).
 *
 * <p>The defaults are those of snnTorch {@code snn.Leaky}: subtract reset applied at the next
 * step, {@code >} comparison, threshold 1, ATan surrogate with alpha 2, reset detached. So
 * {@code neuron: lif, params: {beta: 0.9}} behaves like {@code snn.Leaky(beta=0.9)}.
 */
@Component(service = NeuronModel.class, property = {"myelin.id=lif", "myelin.kind=neuron"})
public final class LifNeuronModel implements NeuronModel {

    static final String BETA = LifSettings.BETA;
    static final String THRESHOLD = LifSettings.THRESHOLD;
    static final String LEARN_BETA = "learn_beta";
    static final String LEARN_THRESHOLD = "learn_threshold";

    private static final List<ParameterSpec> PARAMETERS = parameterList();

    private static List<ParameterSpec> parameterList() {
        List<ParameterSpec> all = new ArrayList<>(LifSettings.SPECS);
        all.add(ParameterSpec.ofBoolean(LEARN_BETA, false, "make beta one trainable value shared by the population"));
        all.add(ParameterSpec.ofBoolean(LEARN_THRESHOLD, false, "make the threshold one trainable value shared by the population"));
        return List.copyOf(all);
    }

    /** Creates the component; DS calls this. */
    public LifNeuronModel() {
        // stateless: every population gets its own LifDynamics
    }

    @Override
    public String id() {
        return "lif";
    }

    @Override
    public String description() {
        return "Leaky integrate-and-fire neuron with explicit snnTorch/Norse/SpikingJelly conventions (leak, reset, timing, >/>=, surrogate).";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    /**
     * Builds the dynamics. When {@code tau_ms > 0}, beta is derived from {@code dtMs}.
     *
     * @throws InvalidParameterException when euler discretisation would give a negative beta
     * @throws IllegalArgumentException for a non-positive size or time step
     */
    @Override
    public NeuronDynamics create(Parameters params, int size, double dtMs) {
        LifSettings s = LifSettings.of(params, size, dtMs);
        return new LifDynamics(size, s.beta(), s.threshold(), s.vReset(), s.leak(), s.reset(), s.timing(), s.fire(),
                s.detachReset(), s.decayInput(), s.surrogate(), params.getBoolean(LEARN_BETA), params.getBoolean(LEARN_THRESHOLD));
    }
}
