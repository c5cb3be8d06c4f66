package org.myelin.core.readout;

import java.util.Objects;

import org.myelin.core.array.DoubleMatrix;
import org.myelin.core.linalg.Gemm;
import org.myelin.core.parallel.ParallelRows;

/**
 * A trained linear readout: class scores {@code X W + b} for features X (n x p), weights W
 * (p x classes) and bias b, with the loss it was trained on. Made by {@link SoftmaxRegression}
 * or {@link RidgeRegression}; used as a classifier and as a linear probe of a representation.
 */
public final class LinearReadout {

    private final DoubleMatrix weights;
    private final double[] bias;
    private final ReadoutLoss loss;

    /**
     * @param weights p x classes (kept, not copied)
     * @param bias one value per class (kept, not copied)
     * @param loss the loss the readout was trained on
     * @throws IllegalArgumentException when the bias length differs from the class count
     */
    public LinearReadout(DoubleMatrix weights, double[] bias, ReadoutLoss loss) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.bias = Objects.requireNonNull(bias, "bias");
        this.loss = Objects.requireNonNull(loss, "loss");
        if (bias.length != weights.cols()) {
            throw new IllegalArgumentException("bias has " + bias.length + " values for " + weights.cols() + " classes");
        }
    }

    /** @return the weights, p x classes (shared) */
    public DoubleMatrix weights() {
        return weights;
    }

    /** @return a copy of the bias, one value per class */
    public double[] bias() {
        return bias.clone();
    }

    /** @return the loss the readout was trained on */
    public ReadoutLoss loss() {
        return loss;
    }

    /** @return the number of input features p */
    public int features() {
        return weights.rows();
    }

    /** @return the number of classes */
    public int classes() {
        return weights.cols();
    }

    /**
     * @param x features, n x p
     * @param rows how to parallelise over samples
     * @return class scores, n x classes
     * @throws IllegalArgumentException when x does not have p columns
     */
    public DoubleMatrix scores(DoubleMatrix x, ParallelRows rows) {
        if (x.cols() != weights.rows()) {
            throw new IllegalArgumentException("features have " + x.cols() + " columns, the readout expects " + weights.rows());
        }
        DoubleMatrix s = Gemm.multiply(x, weights, null, rows);
        addBias(s.data(), bias);
        return s;
    }

    static void addBias(double[] scores, double[] bias) {
        int k = bias.length;
        for (int i = 0; i < scores.length; i++) {
            scores[i] += bias[i % k];
        }
    }

    /**
     * @param x features, n x p
     * @param rows how to parallelise over samples
     * @return the predicted class of each sample (largest score, first on ties)
     */
    public int[] predict(DoubleMatrix x, ParallelRows rows) {
        DoubleMatrix s = scores(x, rows);
        int[] out = new int[x.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Softmax.argmax(s.data(), i, classes());
        }
        return out;
    }

    /**
     * @param x features, n x p
     * @param labels the true class of each sample
     * @param rows how to parallelise over samples
     * @return the mean loss (of {@link #loss()}) and accuracy
     * @throws IllegalArgumentException when the label count differs from n or a label is out of range
     */
    public Evaluation evaluate(DoubleMatrix x, int[] labels, ParallelRows rows) {
        checkLabels(labels, x.rows(), classes());
        DoubleMatrix s = scores(x, rows);
        return new Evaluation(loss.of(s.data(), labels, classes()), Softmax.accuracy(s.data(), labels, classes()));
    }

    static void checkLabels(int[] labels, int n, int classes) {
        if (labels.length != n) {
            throw new IllegalArgumentException(labels.length + " labels for " + n + " samples");
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of sample " + i + " is outside [0, " + classes + ")");
            }
        }
    }
}
