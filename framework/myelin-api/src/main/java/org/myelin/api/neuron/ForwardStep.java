package org.myelin.api.neuron;

/**
 * Buffers of one forward time step (layout: see {@link NeuronDynamics}).
 *
 * @param input input current at this step, {@code batch * size}
 * @param stateIn state before the step, one array per state variable
 * @param stateOut state after the step (written); may not alias {@code stateIn}
 * @param output spikes (0/1) or rates (written), {@code batch * size}
 * @param fromRow first batch row to process
 * @param toRow one past the last batch row
 */
public record ForwardStep(float[] input, float[][] stateIn, float[][] stateOut, float[] output, int fromRow, int toRow) {
}
