package org.myelin.neuron.lif.internal;

import java.util.Map;

import org.myelin.api.neuron.NeuronModel;
import org.myelin.testkit.neuron.NeuronModelContract;

/** alif on SpikingJelly conventions: tau 2 steps (euler), decay_input, fire on >=, hard reset in the same step, sigmoid(4). */
class AlifSpikingJellyContractTest extends NeuronModelContract {

    @Override
    protected NeuronModel model() {
        return new AlifNeuronModel();
    }

    @Override
    protected Map<String, Object> parameters() {
        return Map.of("tau_ms", 2.0, "discretisation", "euler", "decay_input", true, "fire", "ge", "reset", "zero",
                "reset_timing", "same_step", "surrogate", "sigmoid", "slope", 4.0, "tau_adapt_ms", 5.0, "beta_adapt", 0.5);
    }

    /** The input is scaled by 1/2, so a current of about 2 is needed to fire. */
    @Override
    protected double inputScale() {
        return 2.0;
    }
}
