package org.myelin.metric.shape.internal;

import org.myelin.core.linalg.Lapack;
import org.myelin.core.linalg.SymmetricEigen;

/**
 * netrep's {@code utils.whiten} with {@code preserve_variance=True} (science/metrics.md section 2,
 * step 3): with {@code C = Xc' Xc = V diag(lam) V'} and lam clipped at 1e-7,
 * {@code d = alpha + (1 - alpha) lam^(-1/2)}, rescaled by
 * {@code sqrt(sum lam / sum(alpha^2 lam + 2 alpha (1-alpha) sqrt(lam) + (1-alpha)^2))}, and
 * {@code Z = V diag(d) V'}. For alpha above {@code 1 - 1e-7}, Z is the identity.
 *
 * @param z the p x p whitening matrix (symmetric), or {@code null} for the identity
 * @param transformedSquaredNorm {@code ||Xc Z||_F^2 = sum d_k^2 lam_k} (with the unclipped lam)
 */
record PartialWhitening(double[] z, double transformedSquaredNorm) {

    /** Eigenvalue floor of netrep's {@code eigval_tol}. */
    static final double EIGENVALUE_FLOOR = 1e-7;

    /**
     * @param covariance {@code Xc' Xc}, p x p
     * @param p order
     * @param alpha 1 = no whitening, 0 = full whitening
     * @param squaredNorm {@code ||Xc||_F^2}, returned unchanged when alpha is 1
     * @return the whitening
     */
    static PartialWhitening of(double[] covariance, int p, double alpha, double squaredNorm) {
        if (alpha > 1 - EIGENVALUE_FLOOR) {
            return new PartialWhitening(null, squaredNorm);
        }
        SymmetricEigen e = Lapack.symmetricEigen(covariance, p);
        double[] lam = e.values();
        double[] d = new double[p];
        double sumLam = 0;
        double newVar = 0;
        for (int k = 0; k < p; k++) {
            double l = Math.max(lam[k], EIGENVALUE_FLOOR);
            d[k] = alpha + (1 - alpha) / Math.sqrt(l);
            sumLam += l;
            newVar += alpha * alpha * l + 2 * alpha * (1 - alpha) * Math.sqrt(l) + (1 - alpha) * (1 - alpha);
        }
        double scale = Math.sqrt(sumLam / newVar);
        double norm = 0;
        for (int k = 0; k < p; k++) {
            d[k] *= scale;
            norm += d[k] * d[k] * lam[k];
        }
        double[] v = e.vectors();
        double[] vd = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < p; k++) {
                vd[i * p + k] = v[i * p + k] * d[k];
            }
        }
        double[] z = new double[p * p];
        org.myelin.core.linalg.Blas.dgemm(false, true, p, p, p, 1.0, vd, 0, p, v, 0, p, 0.0, z, 0, p);
        return new PartialWhitening(z, Math.max(0.0, norm));
    }
}
