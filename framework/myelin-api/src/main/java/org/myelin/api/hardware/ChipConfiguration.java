package org.myelin.api.hardware;

import java.util.Map;

/**
 * An analog configuration in hardware units.
 *
 * @param perNeuron per-neuron values by analog parameter name, each of length {@code neuronCount}
 * @param global chip-wide settings by name
 */
public record ChipConfiguration(Map<String, double[]> perNeuron, Map<String, Double> global) {

    /** Copies the maps (not the arrays). */
    public ChipConfiguration {
        perNeuron = Map.copyOf(perNeuron);
        global = global == null ? Map.of() : Map.copyOf(global);
    }
}
