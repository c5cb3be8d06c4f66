package org.myelin.core.snn;

import java.util.Locale;

import org.myelin.api.InvalidInputException;

/**
 * How the last layer becomes the network's output (the logits). "Membrane" is the layer's first
 * state variable after each step (the LIF membrane {@code U[t]}); "output" is what the layer
 * emits (spikes or rates).
 */
public enum Readout {
    /** {@code sum_t U[t]} (fixtures/bptt, peers W1/W2). */
    SUM_MEMBRANE("sum_membrane"),
    /** {@code mean_t U[t]}. */
    MEAN_MEMBRANE("mean_membrane"),
    /** {@code max_t U[t]}; the gradient flows to the first step that attains the maximum. */
    MAX_MEMBRANE("max_membrane"),
    /** {@code sum_t S[t]}: spike counts (the gradient flows through the surrogate). */
    SPIKE_COUNT("spike_count"),
    /** {@code U[T-1]}. */
    LAST_MEMBRANE("last_membrane"),
    /** {@code U[t]} at every step: one output per step, for per-step losses with a mask (cognitive tasks). */
    MEMBRANE_PER_STEP("membrane_per_step");

    private final String word;

    Readout(String word) {
        this.word = word;
    }

    /** @return the spec word, e.g. {@code sum_membrane} */
    public String word() {
        return word;
    }

    /** @return whether there is one output per time step instead of one per sample */
    public boolean perStep() {
        return this == MEMBRANE_PER_STEP;
    }

    /**
     * @param text the spec word
     * @param input names the input in the error message, e.g. {@code train.params.readout}
     * @return the readout
     * @throws InvalidInputException listing the valid words
     */
    public static Readout parse(String text, String input) {
        for (Readout r : values()) {
            if (r.word.equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new InvalidInputException(input, "unknown readout '" + text + "'",
                "valid: sum_membrane, mean_membrane, max_membrane, spike_count, last_membrane, membrane_per_step");
    }
}
