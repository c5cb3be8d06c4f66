package org.myelin.api.hardware;

import java.util.Map;

/**
 * A probe of selected neurons.
 *
 * @param neurons neuron indices to record
 * @param durationMs probe duration in (biological) milliseconds
 * @param stimulus stimulus settings by name (e.g. {@code current} in LSB, {@code spike_rate_hz})
 */
public record ProbeRequest(int[] neurons, double durationMs, Map<String, Double> stimulus) {

    /** Copies the stimulus map. */
    public ProbeRequest {
        stimulus = stimulus == null ? Map.of() : Map.copyOf(stimulus);
    }
}
