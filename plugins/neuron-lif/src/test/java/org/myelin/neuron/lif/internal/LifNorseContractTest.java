package org.myelin.neuron.lif.internal;

import java.util.Map;

import org.myelin.api.neuron.NeuronModel;
import org.myelin.testkit.neuron.NeuronModelContract;

/** Norse-style membrane: tau 10 ms, euler, input scaled by dt/tau, reset to 0 in the same step, superspike(100), reset not detached. */
class LifNorseContractTest extends NeuronModelContract {

    @Override
    protected NeuronModel model() {
        return new LifNeuronModel();
    }

    @Override
    protected Map<String, Object> parameters() {
        return Map.of("tau_ms", 10.0, "discretisation", "euler", "decay_input", true, "reset", "zero",
                "reset_timing", "same_step", "surrogate", "superspike", "detach_reset", false, "learn_threshold", true);
    }

    /** Norse differentiates through the reset; the finite-difference checks run on the detached twin. */
    @Override
    protected Map<String, Object> gradientCheckParameters() {
        Map<String, Object> p = new java.util.HashMap<>(parameters());
        p.put("detach_reset", true);
        return p;
    }

    /** With the input scaled by dt/tau = 0.1, a current of about 10 is needed to fire. */
    @Override
    protected double inputScale() {
        return 10.0;
    }
}
