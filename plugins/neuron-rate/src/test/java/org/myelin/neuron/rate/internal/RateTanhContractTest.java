package org.myelin.neuron.rate.internal;

import java.util.Map;

import org.myelin.api.neuron.NeuronModel;
import org.myelin.testkit.neuron.NeuronModelContract;

/** NeuronModelContract on tanh, alpha = 0.25, starting from x = 0.2; the finite-difference checks are exact since there is no threshold. */
class RateTanhContractTest extends NeuronModelContract {

    @Override
    protected NeuronModel model() {
        return new RateNeuronModel();
    }

    @Override
    protected Map<String, Object> parameters() {
        return Map.of("activation", "tanh", "tau_ms", 4.0, "x_init", 0.2);
    }
}
