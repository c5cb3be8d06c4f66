package org.myelin.api.hardware;

import java.util.List;

import org.myelin.api.param.ParameterSpec;

/**
 * What a chip is and accepts.
 *
 * @param family chip family, e.g. {@code analog-accelerated}
 * @param serial chip serial
 * @param neuronCount number of neurons on the chip
 * @param inputCount number of input channels
 * @param analogParameters per-neuron analog parameters in hardware units (name, unit, range)
 * @param speedup how much faster than biological time the chip runs (1 for real time)
 * @param simulated whether this is a simulated twin
 */
public record ChipDescription(String family, String serial, int neuronCount, int inputCount,
        List<ParameterSpec> analogParameters, double speedup, boolean simulated) {

    /** Copies the list. */
    public ChipDescription {
        analogParameters = List.copyOf(analogParameters);
    }
}
