package org.myelin.core.readout;

import org.myelin.core.array.DoubleMatrix;
import org.myelin.core.linalg.Gemm;
import org.myelin.core.parallel.ParallelRows;

/**
 * Multinomial logistic regression trained full-batch with Adam: minimises the mean
 * cross-entropy of {@code softmax(X W + b)} plus {@code l2/2 ||W||^2} (bias unpenalised).
 * The weights start at zero, and the problem is convex, so the fit is deterministic and
 * independent of any random seed; one epoch is one full-batch Adam step.
 *
 * @param epochs number of full-batch steps (at least 1)
 * @param learningRate Adam step size (positive)
 * @param l2 weight penalty (at least 0)
 */
public record SoftmaxRegression(int epochs, double learningRate, double l2) {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    /**
     * Checks the settings.
     *
     * @param epochs number of full-batch steps (at least 1)
     * @param learningRate Adam step size (positive)
     * @param l2 weight penalty (at least 0)
     */
    public SoftmaxRegression {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive finite number, got " + learningRate);
        }
        if (!(l2 >= 0) || !Double.isFinite(l2)) {
            throw new IllegalArgumentException("l2 must be a finite number at least 0, got " + l2);
        }
    }

    /**
     * Fits the readout.
     *
     * @param x training features, n x p (n at least 1), ideally standardised
     * @param labels the class of each sample, in {@code [0, classes)}
     * @param classes number of classes (at least 2)
     * @param listener told about every epoch; may throw to stop
     * @param rows how to parallelise the products
     * @return the readout after {@link #epochs()} steps, trained on {@link ReadoutLoss#CROSS_ENTROPY}
     * @throws IllegalArgumentException on bad shapes or labels
     */
    public LinearReadout fit(DoubleMatrix x, int[] labels, int classes, EpochListener listener, ParallelRows rows) {
        if (classes < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classes);
        }
        int n = x.rows();
        int p = x.cols();
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit a readout on zero samples");
        }
        LinearReadout.checkLabels(labels, n, classes);
        DoubleMatrix w = DoubleMatrix.zeros(p, classes);
        double[] b = new double[classes];
        double[] wd = w.data();
        double[] mw = new double[wd.length];
        double[] vw = new double[wd.length];
        double[] mb = new double[classes];
        double[] vb = new double[classes];
        DoubleMatrix scores = DoubleMatrix.zeros(n, classes);
        DoubleMatrix grad = DoubleMatrix.zeros(p, classes);
        double[] sd = scores.data();
        double[] gd = grad.data();
        double[] gb = new double[classes];
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Gemm.multiply(x, w, scores, rows);
            LinearReadout.addBias(sd, b);
            double accuracy = Softmax.accuracy(sd, labels, classes);
            Softmax.inPlace(sd, n, classes);
            double loss = Softmax.crossEntropy(sd, labels, classes);
            // scores now hold dLoss/dScores = (P - Y) / n
            java.util.Arrays.fill(gb, 0.0);
            for (int i = 0; i < n; i++) {
                sd[i * classes + labels[i]] -= 1.0;
                for (int k = 0; k < classes; k++) {
                    sd[i * classes + k] /= n;
                    gb[k] += sd[i * classes + k];
                }
            }
            Gemm.multiplyTransA(x, scores, grad, rows);
            double c1 = 1 - Math.pow(BETA1, epoch);
            double c2 = 1 - Math.pow(BETA2, epoch);
            for (int i = 0; i < wd.length; i++) {
                double g = gd[i] + l2 * wd[i];
                mw[i] = BETA1 * mw[i] + (1 - BETA1) * g;
                vw[i] = BETA2 * vw[i] + (1 - BETA2) * g * g;
                wd[i] -= learningRate * (mw[i] / c1) / (Math.sqrt(vw[i] / c2) + EPSILON);
            }
            for (int k = 0; k < classes; k++) {
                double g = gb[k];
                mb[k] = BETA1 * mb[k] + (1 - BETA1) * g;
                vb[k] = BETA2 * vb[k] + (1 - BETA2) * g * g;
                b[k] -= learningRate * (mb[k] / c1) / (Math.sqrt(vb[k] / c2) + EPSILON);
            }
            listener.epochFinished(epoch, new Evaluation(loss, accuracy));
        }
        return new LinearReadout(w, b, ReadoutLoss.CROSS_ENTROPY);
    }
}
