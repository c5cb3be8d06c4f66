package org.myelin.core.snn;

import java.util.Objects;

import org.myelin.api.neuron.NeuronDynamics;

/**
 * One layer of an {@link SnnNetwork}: a population with its dynamics and the engine's options.
 *
 * @param name layer name, e.g. {@code layer0}
 * @param dynamics the population's dynamics (from the layer's neuron model)
 * @param options projections, masks and noise
 */
public record LayerSpec(String name, NeuronDynamics dynamics, LayerOptions options) {

    /** Requires every field. */
    public LayerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(options, "options");
    }

    /** @return the number of neurons */
    public int size() {
        return dynamics.size();
    }
}
