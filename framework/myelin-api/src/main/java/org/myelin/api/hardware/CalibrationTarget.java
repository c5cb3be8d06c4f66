package org.myelin.api.hardware;

import java.util.Map;

/**
 * Target digital neuron parameters, per neuron, in model units (e.g. {@code tau_mem} in ms).
 *
 * @param perNeuron values by parameter name, each of length {@code neuronCount}
 */
public record CalibrationTarget(Map<String, double[]> perNeuron) {

    /** Copies the map. */
    public CalibrationTarget {
        perNeuron = Map.copyOf(perNeuron);
    }
}
