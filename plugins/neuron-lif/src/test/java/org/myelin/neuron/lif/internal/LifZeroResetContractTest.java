package org.myelin.neuron.lif.internal;

import java.util.Map;

import org.myelin.api.neuron.NeuronModel;
import org.myelin.testkit.neuron.NeuronModelContract;

/** snnTorch reset_mechanism="zero" at the next step with exact tau, triangle surrogate and learned beta. */
class LifZeroResetContractTest extends NeuronModelContract {

    @Override
    protected NeuronModel model() {
        return new LifNeuronModel();
    }

    @Override
    protected Map<String, Object> parameters() {
        return Map.of("tau_ms", 8.0, "reset", "zero", "surrogate", "triangle", "slope", 0.5, "learn_beta", true, "learn_threshold", true);
    }
}
