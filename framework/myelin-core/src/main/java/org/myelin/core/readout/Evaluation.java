package org.myelin.core.readout;

/**
 * Loss and accuracy of a readout on one set of samples.
 *
 * @param loss the mean data loss of the readout's {@link ReadoutLoss}, without the weight penalty
 * @param accuracy the fraction of samples classified correctly, in [0, 1]
 */
public record Evaluation(double loss, double accuracy) {
}
