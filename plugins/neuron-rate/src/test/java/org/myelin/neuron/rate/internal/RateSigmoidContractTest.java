package org.myelin.neuron.rate.internal;

import java.util.Map;

import org.myelin.api.neuron.NeuronModel;
import org.myelin.testkit.neuron.NeuronModelContract;

/** NeuronModelContract on sigmoid(7.5 x) as in Tolmachev &amp; Engel 2025, alpha = 0.1; the finite-difference checks are exact since there is no threshold. */
class RateSigmoidContractTest extends NeuronModelContract {

    @Override
    protected NeuronModel model() {
        return new RateNeuronModel();
    }

    @Override
    protected Map<String, Object> parameters() {
        return Map.of("activation", "sigmoid", "slope", 7.5, "tau_ms", 10.0);
    }
}
