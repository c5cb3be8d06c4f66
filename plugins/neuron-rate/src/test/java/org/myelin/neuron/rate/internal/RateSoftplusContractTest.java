package org.myelin.neuron.rate.internal;

import java.util.Map;

import org.myelin.api.neuron.NeuronModel;
import org.myelin.testkit.neuron.NeuronModelContract;

/** NeuronModelContract on softplus with beta 2, alpha = 0.5; the finite-difference checks are exact since there is no threshold. */
class RateSoftplusContractTest extends NeuronModelContract {

    @Override
    protected NeuronModel model() {
        return new RateNeuronModel();
    }

    @Override
    protected Map<String, Object> parameters() {
        return Map.of("activation", "softplus", "beta", 2.0, "tau_ms", 2.0);
    }
}
