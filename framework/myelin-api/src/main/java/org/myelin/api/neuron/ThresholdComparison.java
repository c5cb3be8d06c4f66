package org.myelin.api.neuron;

/** How the membrane is compared with the threshold to emit a spike. */
public enum ThresholdComparison {
    /** Spike when {@code v > threshold} (snnTorch, Norse). */
    GT,
    /** Spike when {@code v >= threshold} (SpikingJelly). */
    GE
}
