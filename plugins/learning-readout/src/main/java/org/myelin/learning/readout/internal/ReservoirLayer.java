package org.myelin.learning.readout.internal;

import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.core.random.RandomStream;

/**
 * One fixed random layer of the reservoir: its neuron dynamics, input weights from the layer
 * below (or the data) and optional recurrent weights, all float32 and row-major
 * ({@code w[from * size + to]}), so that a row of spikes times the matrix is the input current.
 *
 * @param name layer name, used for the representation
 * @param dynamics the population's dynamics
 * @param inputSize fan-in: channels of the data for the first layer, the size of the layer below otherwise
 * @param inputWeights {@code inputSize x size}
 * @param recurrentWeights {@code size x size}, or {@code null} without recurrence
 * @param bias constant input current per step
 */
record ReservoirLayer(String name, NeuronDynamics dynamics, int inputSize, float[] inputWeights, float[] recurrentWeights,
        float bias) {

    /** @return the number of neurons */
    int size() {
        return dynamics.size();
    }

    /**
     * Draws the weights. Input weights: Gaussian, standard deviation {@code inputScale / sqrt(inputSize)}.
     * Recurrent weights: each connection {@code i -> j} ({@code i != j}) present with probability
     * {@code connectivity}, Gaussian with standard deviation {@code recurrentScale / sqrt(connectivity * size)},
     * so that the spectral radius is close to {@code recurrentScale} (circular law).
     *
     * @param name layer name
     * @param dynamics the dynamics
     * @param inputSize fan-in
     * @param settings scales and connectivity
     * @param random this layer's stream (children {@code input} and {@code recurrent} are used)
     * @return the layer
     */
    static ReservoirLayer draw(String name, NeuronDynamics dynamics, int inputSize, ReservoirSettings settings, RandomStream random) {
        int size = dynamics.size();
        float[] in = random.child("input").fillGaussian(new float[Math.multiplyExact(inputSize, size)], 0.0,
                settings.inputScale() / Math.sqrt(inputSize));
        float[] rec = null;
        double expectedFanIn = settings.connectivity() * size;
        if (settings.recurrentScale() > 0 && expectedFanIn > 0) {
            RandomStream r = random.child("recurrent");
            double std = settings.recurrentScale() / Math.sqrt(expectedFanIn);
            rec = new float[Math.multiplyExact(size, size)];
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    boolean connected = r.nextBernoulli(settings.connectivity());
                    double w = r.nextGaussian();
                    if (connected && i != j) {
                        rec[i * size + j] = (float) (std * w);
                    }
                }
            }
        }
        return new ReservoirLayer(name, dynamics, inputSize, in, rec, (float) settings.bias());
    }
}
