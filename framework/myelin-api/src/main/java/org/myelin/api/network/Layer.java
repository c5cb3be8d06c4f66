package org.myelin.api.network;

import java.util.Map;
import java.util.Objects;

import org.myelin.api.neuron.NeuronModel;
import org.myelin.api.param.Parameters;

/**
 * One layer of a network as the runtime resolved it from a spec: a population of
 * {@code size} neurons of one model, fed by the layer below (or the input).
 *
 * @param name layer name ({@code layer0}, ... unless the spec names it)
 * @param size number of neurons
 * @param neuronId the neuron model's id
 * @param model the resolved neuron model service
 * @param neuronParameters validated parameters for the model
 * @param options further layer options from the spec ({@code recurrent}, {@code dale}, {@code delays}, ...),
 *                interpreted by the learning rule, which validates them
 */
public record Layer(String name, int size, String neuronId, NeuronModel model, Parameters neuronParameters,
        Map<String, Object> options) {

    /** Checks the size and copies the options. */
    public Layer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        if (size < 1) {
            throw new IllegalArgumentException("layer '" + name + "' needs at least one neuron, got " + size);
        }
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
