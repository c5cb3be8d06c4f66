package org.myelin.learning.readout.internal;

import java.util.List;
import java.util.Map;

import org.myelin.api.network.Layer;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;

/**
 * How one reservoir layer's fixed random weights are drawn. The train parameters give the
 * defaults; a layer may override any of them with a layer option of the same name
 * ({@code - { name: r, size: 300, neuron: lif, input_scale: 2.0 }}).
 *
 * @param inputScale standard deviation of the input weights times the square root of the fan-in
 * @param recurrentScale approximate spectral radius of the recurrent weights; 0 for none
 * @param connectivity probability of each recurrent connection
 * @param bias constant input current added at every step
 */
record ReservoirSettings(double inputScale, double recurrentScale, double connectivity, double bias) {

    static final ParameterSpec INPUT_SCALE = ParameterSpec.ofDouble("input_scale", 1.0, "", 0.0, 1e6,
            "input weights are Gaussian with standard deviation input_scale / sqrt(fan-in)");
    static final ParameterSpec RECURRENT_SCALE = ParameterSpec.ofDouble("recurrent_scale", 0.0, "", 0.0, 1e3,
            "approximate spectral radius of the sparse Gaussian recurrent weights (circular law); 0 = no recurrence");
    static final ParameterSpec CONNECTIVITY = ParameterSpec.ofDouble("connectivity", 0.1, "", 0.0, 1.0,
            "probability of each recurrent connection (no self-connections)");
    static final ParameterSpec BIAS = ParameterSpec.ofDouble("bias", 0.0, "", -1e6, 1e6,
            "constant input current added to every neuron at every step, in units of the model's input");

    /**
     * @param p validated parameters holding the four reservoir values
     * @return the settings
     */
    static ReservoirSettings of(Parameters p) {
        return new ReservoirSettings(p.getDouble(INPUT_SCALE.name()), p.getDouble(RECURRENT_SCALE.name()),
                p.getDouble(CONNECTIVITY.name()), p.getDouble(BIAS.name()));
    }

    /**
     * Validates a layer's options against the reservoir parameters, these settings being the defaults.
     *
     * @param layer the layer
     * @param index its position in the network
     * @return the layer's effective settings
     * @throws org.myelin.api.param.InvalidParameterException naming {@code model.layers[i].option} for an unknown or bad option
     */
    ReservoirSettings forLayer(Layer layer, int index) {
        Map<String, Object> options = layer.options();
        if (options.isEmpty()) {
            return this;
        }
        List<ParameterSpec> withDefaults = List.of(
                ParameterSpec.ofDouble(INPUT_SCALE.name(), inputScale, "", INPUT_SCALE.min(), INPUT_SCALE.max(), INPUT_SCALE.doc()),
                ParameterSpec.ofDouble(RECURRENT_SCALE.name(), recurrentScale, "", RECURRENT_SCALE.min(), RECURRENT_SCALE.max(),
                        RECURRENT_SCALE.doc()),
                ParameterSpec.ofDouble(CONNECTIVITY.name(), connectivity, "", CONNECTIVITY.min(), CONNECTIVITY.max(), CONNECTIVITY.doc()),
                ParameterSpec.ofDouble(BIAS.name(), bias, "", BIAS.min(), BIAS.max(), BIAS.doc()));
        return of(Parameters.resolve("model.layers[" + index + "]", withDefaults, options));
    }
}
