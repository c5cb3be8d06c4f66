package org.myelin.core.readout;

import org.myelin.core.array.DoubleMatrix;

/**
 * Z-scoring of feature columns with statistics of the training set: {@code (x - mean) / std},
 * with the population standard deviation (divided by n). A column that is constant in the
 * training set (standard deviation below {@code 1e-12 * max(1, |mean|)}, e.g. a neuron that
 * never spiked) keeps scale 1, so it becomes 0 in training and stays finite elsewhere.
 */
public final class Standardizer {

    private final double[] mean;
    private final double[] scale;

    private Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * Computes column means and standard deviations (two passes, in double).
     *
     * @param train training features, n x p with n at least 1
     * @return the standardiser
     * @throws IllegalArgumentException when there are no rows or a value is not finite
     */
    public static Standardizer fit(DoubleMatrix train) {
        int n = train.rows();
        int p = train.cols();
        if (n == 0) {
            throw new IllegalArgumentException("cannot standardise with statistics of zero samples");
        }
        int[] bad = train.firstNonFinite();
        if (bad != null) {
            throw new IllegalArgumentException("feature " + bad[1] + " of sample " + bad[0] + " is " + train.get(bad[0], bad[1]));
        }
        double[] x = train.data();
        double[] mean = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                mean[j] += x[i * p + j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        double[] var = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double d = x[i * p + j] - mean[j];
                var[j] += d * d;
            }
        }
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            double std = Math.sqrt(var[j] / n);
            scale[j] = std > 1e-12 * Math.max(1.0, Math.abs(mean[j])) ? std : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    /** @return the number of feature columns */
    public int features() {
        return mean.length;
    }

    /** @return a copy of the column means */
    public double[] mean() {
        return mean.clone();
    }

    /** @return a copy of the column scales (standard deviations, 1 for constant columns) */
    public double[] scale() {
        return scale.clone();
    }

    /**
     * @param x features with {@link #features()} columns (not modified)
     * @return the standardised features, as a new matrix
     * @throws IllegalArgumentException when the column count differs
     */
    public DoubleMatrix apply(DoubleMatrix x) {
        if (x.cols() != mean.length) {
            throw new IllegalArgumentException("features have " + x.cols() + " columns, the standardiser was fitted on " + mean.length);
        }
        DoubleMatrix out = x.copy();
        double[] d = out.data();
        int p = mean.length;
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < p; j++) {
                d[i * p + j] = (d[i * p + j] - mean[j]) / scale[j];
            }
        }
        return out;
    }
}
