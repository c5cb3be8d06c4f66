package org.myelin.api.neuron;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The per-step dynamics of a population of {@link #size()} neurons over a batch, with the
 * vector-Jacobian products that BPTT needs.
 *
 * <p>Layout: every per-neuron array is batch-major, {@code a[b * size + j]} for batch row
 * {@code b} and neuron {@code j}. State variables are numbered in {@link #stateNames()} order
 * and held as one array each. Every call works on the batch rows {@code [fromRow, toRow)} only
 * and touches nothing outside them, so the engine may call it from several threads on
 * disjoint row ranges. Implementations keep no per-call mutable state.
 */
@ConsumerType
public interface NeuronDynamics {

    /** @return the number of neurons */
    int size();

    /** @return names of the state variables, e.g. {@code ["v"]} or {@code ["v", "i"]} */
    List<String> stateNames();

    /** @return whether the output is a spike (0/1); {@code false} for rate units */
    boolean spiking();

    /** @return the conventions of a spiking model; empty for rate units */
    Optional<NeuronConventions> conventions();

    /**
     * Writes the initial state (e.g. {@code v = v_reset}) into rows {@code [fromRow, toRow)}.
     *
     * @param state one array per state variable
     * @param fromRow first batch row
     * @param toRow one past the last batch row
     */
    void initState(float[][] state, int fromRow, int toRow);

    /**
     * Advances one time step.
     *
     * @param step input current, state before and after, output
     */
    void forward(ForwardStep step);

    /**
     * Back-propagates one time step: from the gradient of the loss with respect to this step's
     * output and its state after the step, computes the gradients with respect to the input
     * current and the state before the step, and accumulates parameter gradients.
     *
     * @param step the forward values of this step and the gradient buffers
     */
    void backward(BackwardStep step);

    /**
     * @return names of parameters that can be trained (e.g. {@code beta}, {@code threshold});
     *         empty when the model has none
     */
    default List<String> trainableParameters() {
        return List.of();
    }

    /**
     * The live values of a trainable parameter: length {@link #size()} (per neuron) or 1 (shared).
     * An optimiser may update the returned array in place.
     *
     * @param name one of {@link #trainableParameters()}
     * @return the values
     * @throws IllegalArgumentException for an unknown name
     */
    default float[] parameterValues(String name) {
        throw new IllegalArgumentException("no trainable parameter '" + name + "'");
    }
}
