package org.myelin.core.snn;

import java.util.Arrays;

/**
 * What one batch produced: the outputs (logits), the loss, which samples were classified
 * correctly, and per layer the spike totals and each sample's mean output per unit (its rate
 * representation). The engine owns and refills one instance; copy what you need to keep before
 * the next batch.
 */
public final class BatchResult {

    int batch;
    int outputRows;
    int outputs;
    int steps;
    float[] logits = new float[0];
    double[] rowLoss = new double[0];
    boolean[] correct = new boolean[0];
    double loss = Double.NaN;
    final double[] spikes;
    final float[][] activity;
    final int[] layerSizes;

    BatchResult(int[] layerSizes) {
        this.layerSizes = layerSizes.clone();
        this.spikes = new double[layerSizes.length];
        this.activity = new float[layerSizes.length][0];
    }

    void reset(int batch, int steps, int outputRows, int outputs) {
        this.batch = batch;
        this.steps = steps;
        this.outputRows = outputRows;
        this.outputs = outputs;
        if (logits.length < outputRows * outputs) {
            logits = new float[outputRows * outputs];
        }
        if (rowLoss.length < outputRows) {
            rowLoss = new double[outputRows];
            correct = new boolean[outputRows];
        }
        Arrays.fill(rowLoss, 0, outputRows, 0.0);
        Arrays.fill(correct, 0, outputRows, false);
        for (int l = 0; l < layerSizes.length; l++) {
            if (activity[l].length < batch * layerSizes[l]) {
                activity[l] = new float[batch * layerSizes[l]];
            }
        }
        Arrays.fill(spikes, 0.0);
        loss = Double.NaN;
    }

    /** @return the batch size */
    public int batch() {
        return batch;
    }

    /** @return time steps of the batch */
    public int steps() {
        return steps;
    }

    /** @return output rows: the batch size, or steps x batch for a per-step readout */
    public int outputRows() {
        return outputRows;
    }

    /** @return values per output row (the last layer's size) */
    public int outputs() {
        return outputs;
    }

    /** @return the outputs {@code [rows][outputs]} (row {@code t * B + b} for a per-step readout); longer than needed */
    public float[] logits() {
        return logits;
    }

    /** @return the mean loss over the batch (NaN when no targets were given) */
    public double loss() {
        return loss;
    }

    /** @return how many output rows with a positive weight were classified correctly (arg-max = label) */
    public int correctCount() {
        int n = 0;
        for (int r = 0; r < outputRows; r++) {
            if (correct[r]) {
                n++;
            }
        }
        return n;
    }

    /**
     * @param row an output row
     * @return whether its arg-max output equals its label
     */
    public boolean correct(int row) {
        return correct[row];
    }

    /**
     * @param layer layer index
     * @return the layer's summed output over the batch and all steps (its spike count for spiking layers)
     */
    public double spikes(int layer) {
        return spikes[layer];
    }

    /**
     * @param layer layer index
     * @return spikes (or output) per neuron per step over the batch
     */
    public double rate(int layer) {
        return spikes[layer] / ((double) batch * steps * layerSizes[layer]);
    }

    /**
     * @param layer layer index
     * @return each sample's mean output per unit over time, {@code [B][size]}; longer than needed
     */
    public float[] activity(int layer) {
        return activity[layer];
    }
}
