package org.myelin.core.readout;

/**
 * Row-wise softmax and the losses and scores of a classifier, on flat row-major arrays of class
 * scores ({@code rows x classes}).
 */
public final class Softmax {

    private Softmax() {
    }

    /**
     * Replaces each row of scores by its softmax, subtracting the row maximum first so that large
     * scores do not overflow.
     *
     * @param scores row-major scores, modified in place
     * @param rows number of rows
     * @param classes number of columns
     */
    public static void inPlace(double[] scores, int rows, int classes) {
        for (int i = 0; i < rows; i++) {
            int o = i * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, scores[o + k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                double e = Math.exp(scores[o + k] - max);
                scores[o + k] = e;
                sum += e;
            }
            for (int k = 0; k < classes; k++) {
                scores[o + k] /= sum;
            }
        }
    }

    /**
     * Mean cross-entropy {@code -mean_i log p[i, y_i]} in nats, with probabilities floored at
     * {@code 1e-300} so a confident mistake gives a large finite loss.
     *
     * @param probabilities row-major class probabilities
     * @param labels the true class of each row
     * @param classes number of columns
     * @return the mean cross-entropy (0 for no rows)
     */
    public static double crossEntropy(double[] probabilities, int[] labels, int classes) {
        if (labels.length == 0) {
            return 0;
        }
        double s = 0;
        for (int i = 0; i < labels.length; i++) {
            s -= Math.log(Math.max(probabilities[i * classes + labels[i]], 1e-300));
        }
        return s / labels.length;
    }

    /**
     * @param scores row-major scores or probabilities
     * @param row the row
     * @param classes number of columns
     * @return the column of the largest score (the first on ties)
     */
    public static int argmax(double[] scores, int row, int classes) {
        int o = row * classes;
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (scores[o + k] > scores[o + best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * @param scores row-major scores or probabilities
     * @param labels the true class of each row
     * @param classes number of columns
     * @return the fraction of rows whose largest score is the true class (0 for no rows)
     */
    public static double accuracy(double[] scores, int[] labels, int classes) {
        if (labels.length == 0) {
            return 0;
        }
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            if (argmax(scores, i, classes) == labels[i]) {
                right++;
            }
        }
        return (double) right / labels.length;
    }
}
