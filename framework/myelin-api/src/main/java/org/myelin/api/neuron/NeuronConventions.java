package org.myelin.api.neuron;

import java.util.Objects;

/**
 * The conventions a spiking neuron model follows, declared explicitly so that results from
 * snnTorch, Norse and SpikingJelly can be reproduced (science/snn.md section 0.5).
 *
 * @param leak leak discretisation
 * @param reset reset mechanism
 * @param resetTiming when the reset applies
 * @param threshold spike comparison
 * @param detachReset whether the reset term is excluded from the gradient
 * @param decayInput whether the input is scaled by the leak factor (SpikingJelly {@code decay_input})
 * @param surrogate surrogate derivative used in the backward pass
 */
public record NeuronConventions(LeakDiscretisation leak, ResetMechanism reset, ResetTiming resetTiming,
        ThresholdComparison threshold, boolean detachReset, boolean decayInput, Surrogate surrogate) {

    /** Requires every field. */
    public NeuronConventions {
        Objects.requireNonNull(leak, "leak");
        Objects.requireNonNull(reset, "reset");
        Objects.requireNonNull(resetTiming, "resetTiming");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(surrogate, "surrogate");
    }
}
