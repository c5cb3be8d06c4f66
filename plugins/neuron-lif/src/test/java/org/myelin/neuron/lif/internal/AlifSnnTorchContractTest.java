package org.myelin.neuron.lif.internal;

import java.util.Map;

import org.myelin.api.neuron.NeuronModel;
import org.myelin.testkit.neuron.NeuronModelContract;

/** alif with lif's defaults (snnTorch Leaky conventions, next-step subtract, detached) and a fast, strong adaptation. */
class AlifSnnTorchContractTest extends NeuronModelContract {

    @Override
    protected NeuronModel model() {
        return new AlifNeuronModel();
    }

    @Override
    protected Map<String, Object> parameters() {
        return Map.of("beta", 0.9, "tau_adapt_ms", 3.0, "beta_adapt", 1.8);
    }
}
