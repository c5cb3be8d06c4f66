package org.myelin.neuron.rate.internal;

import java.util.Map;

import org.myelin.api.neuron.NeuronModel;
import org.myelin.testkit.neuron.NeuronModelContract;

/**
 * NeuronModelContract on relu with the default tau_ms = 100 ms (alpha = 0.01 at dt = 1 ms). The
 * contract starts the state near 0 and, at this alpha, it hardly moves; relu's kink at 0 would then
 * sit inside the finite-difference perturbation, so this configuration starts from x_init = 0.5,
 * where the check is exact; the zero branch is pinned by RateNeuronModelTest.
 */
class RateReluContractTest extends NeuronModelContract {

    @Override
    protected NeuronModel model() {
        return new RateNeuronModel();
    }

    @Override
    protected Map<String, Object> parameters() {
        return Map.of("activation", "relu", "x_init", 0.5);
    }
}
