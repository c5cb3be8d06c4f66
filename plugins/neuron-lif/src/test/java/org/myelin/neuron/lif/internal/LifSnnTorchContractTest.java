package org.myelin.neuron.lif.internal;

import java.util.Map;

import org.myelin.api.neuron.NeuronModel;
import org.myelin.testkit.neuron.NeuronModelContract;

/** snnTorch Leaky defaults (subtract, next step, >, atan(2), detached) with learned beta and threshold. */
class LifSnnTorchContractTest extends NeuronModelContract {

    @Override
    protected NeuronModel model() {
        return new LifNeuronModel();
    }

    @Override
    protected Map<String, Object> parameters() {
        return Map.of("beta", 0.9, "learn_beta", true, "learn_threshold", true);
    }
}
