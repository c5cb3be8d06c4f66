package org.myelin.core.readout;

/** The data loss a linear readout is trained on and evaluated with. */
public enum ReadoutLoss {
    /** Mean cross-entropy of the softmax of the scores, in nats (multinomial logistic regression). */
    CROSS_ENTROPY,
    /** Half the mean squared error between the scores and one-hot targets, summed over classes (ridge regression). */
    SQUARED_ERROR;

    /**
     * @param scores row-major class scores (not modified)
     * @param labels the true class of each row
     * @param classes number of columns
     * @return the mean loss (0 for no rows)
     */
    public double of(double[] scores, int[] labels, int classes) {
        if (labels.length == 0) {
            return 0;
        }
        if (this == CROSS_ENTROPY) {
            double[] p = scores.clone();
            Softmax.inPlace(p, labels.length, classes);
            return Softmax.crossEntropy(p, labels, classes);
        }
        double s = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int k = 0; k < classes; k++) {
                double d = scores[i * classes + k] - (labels[i] == k ? 1.0 : 0.0);
                s += d * d;
            }
        }
        return 0.5 * s / labels.length;
    }
}
