package org.myelin.neuron.lif.internal;

import java.util.HashMap;
import java.util.Map;

import org.myelin.api.neuron.NeuronModel;
import org.myelin.testkit.neuron.NeuronModelContract;

/**
 * alif in the setting of Bellec et al. 2018 (LSNN code): tau_m 20 ms with the input scaled by
 * 1 - exp(-dt/tau) (decay_input), subtract reset of the adaptive threshold at the next step,
 * gradient through the spikes' effect on the state (stop_z_gradients=False), tau_a 200 ms, beta 1.8.
 */
class AlifLsnnContractTest extends NeuronModelContract {

    @Override
    protected NeuronModel model() {
        return new AlifNeuronModel();
    }

    @Override
    protected Map<String, Object> parameters() {
        return Map.of("tau_ms", 20.0, "decay_input", true, "detach_reset", false, "tau_adapt_ms", 200.0, "beta_adapt", 1.8);
    }

    /** The finite-difference checks run on the detached twin (an attached reset is not a derivative of the forward). */
    @Override
    protected Map<String, Object> gradientCheckParameters() {
        Map<String, Object> p = new HashMap<>(parameters());
        p.put("detach_reset", true);
        return p;
    }

    /** The input is scaled by 1 - exp(-1/20) = 0.049, so a current of about 20 is needed to fire in one step. */
    @Override
    protected double inputScale() {
        return 20.0;
    }
}
