package org.myelin.api.neuron;

/**
 * Buffers of one backward time step (layout: see {@link NeuronDynamics}). The forward values
 * are those the engine recorded for this step; gradient inputs are read, gradient outputs are
 * overwritten for rows {@code [fromRow, toRow)}, except {@code gradParams} which is accumulated.
 *
 * @param input the forward input current of this step
 * @param stateIn the forward state before this step
 * @param output the forward output of this step
 * @param gradOutput dL/d(output) of this step (from the layers above and the loss)
 * @param gradStateOut dL/d(state after this step), from step t+1; zeros at the last step
 * @param gradInput written: dL/d(input current)
 * @param gradStateIn written: dL/d(state before this step)
 * @param gradParams accumulated: one array per {@link NeuronDynamics#trainableParameters()} entry, same length as the values
 * @param fromRow first batch row
 * @param toRow one past the last batch row
 */
public record BackwardStep(float[] input, float[][] stateIn, float[] output, float[] gradOutput, float[][] gradStateOut,
        float[] gradInput, float[][] gradStateIn, float[][] gradParams, int fromRow, int toRow) {
}
