package org.myelin.neuron.lif.internal;

import java.util.Map;

import org.myelin.api.neuron.NeuronModel;
import org.myelin.testkit.neuron.NeuronModelContract;

/** SpikingJelly LIFNode: tau 2 steps, euler, decay_input, hard reset to v_reset, same step, >=, sigmoid(4). */
class LifSpikingJellyContractTest extends NeuronModelContract {

    @Override
    protected NeuronModel model() {
        return new LifNeuronModel();
    }

    @Override
    protected Map<String, Object> parameters() {
        return Map.of("tau_ms", 2.0, "discretisation", "euler", "decay_input", true, "reset", "zero", "v_reset", -0.2,
                "reset_timing", "same_step", "fire", "ge", "surrogate", "sigmoid", "slope", 4.0, "learn_beta", true);
    }
}
