package org.myelin.learning.readout.internal;

import java.util.List;

import org.myelin.core.array.DoubleMatrix;

/**
 * The reservoir's response to one split.
 *
 * @param perLayer features of each layer, samples x features, in layer order
 * @param labels the class of each sample
 * @param spikes total output (spikes) of all layers over every sample's own steps
 * @param neuronSteps total neurons x steps those outputs were summed over
 */
record ReservoirFeatures(List<DoubleMatrix> perLayer, int[] labels, double spikes, double neuronSteps) {

    /** @return all layers' features side by side, samples x (sum of feature counts) */
    DoubleMatrix concatenated() {
        if (perLayer.size() == 1) {
            return perLayer.get(0);
        }
        int n = labels.length;
        int total = 0;
        for (DoubleMatrix m : perLayer) {
            total += m.cols();
        }
        DoubleMatrix out = DoubleMatrix.zeros(n, total);
        int offset = 0;
        for (DoubleMatrix m : perLayer) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(m.data(), i * m.cols(), out.data(), i * total + offset, m.cols());
            }
            offset += m.cols();
        }
        return out;
    }
}
