package org.myelin.core.readout;

import org.myelin.core.array.DoubleMatrix;
import org.myelin.core.linalg.Cholesky;
import org.myelin.core.linalg.Gemm;
import org.myelin.core.parallel.ParallelRows;

/**
 * Closed-form ridge regression on one-hot targets: minimises
 * {@code 1/(2n) ||X W + b - Y||^2 + l2/2 ||W||^2}, the bias unpenalised. With centred X and Y
 * the weights solve {@code (Xc^T Xc + n l2 I) W = Xc^T Yc} (primal, p x p) when there are no
 * more features than samples, and otherwise {@code W = Xc^T A} with
 * {@code (Xc Xc^T + n l2 I) A = Yc} (dual, n x n) — the same solution, from the smaller system.
 * Both are solved with {@link Cholesky}; {@code b = mean(Y) - mean(X) W}.
 */
public final class RidgeRegression {

    private RidgeRegression() {
    }

    /**
     * @param x training features, n x p (n at least 1)
     * @param labels the class of each sample, in {@code [0, classes)}
     * @param classes number of classes (at least 2)
     * @param l2 penalty (at least 0; must be positive when the system is singular)
     * @param rows how to parallelise the products
     * @return the readout, trained on {@link ReadoutLoss#SQUARED_ERROR}
     * @throws IllegalArgumentException on bad shapes, labels or a singular unpenalised system
     */
    public static LinearReadout fit(DoubleMatrix x, int[] labels, int classes, double l2, ParallelRows rows) {
        if (classes < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classes);
        }
        if (!(l2 >= 0) || !Double.isFinite(l2)) {
            throw new IllegalArgumentException("l2 must be a finite number at least 0, got " + l2);
        }
        int n = x.rows();
        int p = x.cols();
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit a readout on zero samples");
        }
        LinearReadout.checkLabels(labels, n, classes);
        double[] meanX = new double[p];
        double[] xd = x.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                meanX[j] += xd[i * p + j];
            }
        }
        for (int j = 0; j < p; j++) {
            meanX[j] /= n;
        }
        double[] meanY = new double[classes];
        for (int label : labels) {
            meanY[label] += 1.0 / n;
        }
        DoubleMatrix xc = x.copy();
        double[] xcd = xc.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                xcd[i * p + j] -= meanX[j];
            }
        }
        DoubleMatrix yc = DoubleMatrix.zeros(n, classes);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < classes; k++) {
                yc.data()[i * classes + k] = (labels[i] == k ? 1.0 : 0.0) - meanY[k];
            }
        }
        double ridge = n * l2;
        DoubleMatrix w;
        if (p <= n) {
            DoubleMatrix a = Gemm.multiplyTransA(xc, xc, null, rows);
            addDiagonal(a, ridge);
            w = Cholesky.of(a).solve(Gemm.multiplyTransA(xc, yc, null, rows));
        } else {
            DoubleMatrix gram = Gemm.multiplyTransB(xc, xc, null, rows);
            addDiagonal(gram, ridge);
            DoubleMatrix dual = Cholesky.of(gram).solve(yc);
            w = Gemm.multiplyTransA(xc, dual, null, rows);
        }
        double[] bias = meanY.clone();
        double[] wd = w.data();
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < classes; k++) {
                bias[k] -= meanX[j] * wd[j * classes + k];
            }
        }
        return new LinearReadout(w, bias, ReadoutLoss.SQUARED_ERROR);
    }

    private static void addDiagonal(DoubleMatrix a, double value) {
        int n = a.rows();
        for (int i = 0; i < n; i++) {
            a.data()[i * n + i] += value;
        }
    }
}
