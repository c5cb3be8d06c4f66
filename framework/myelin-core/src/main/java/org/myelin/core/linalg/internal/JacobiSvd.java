package org.myelin.core.linalg.internal;

import org.myelin.core.linalg.Svd;

/**
 * The thin SVD by one-sided (Hestenes) Jacobi rotations: pairs of columns of A are rotated
 * until all are orthogonal to working precision; their norms are then the singular values, the
 * normalised columns the left vectors and the accumulated rotations the right vectors. It is
 * slow (about ten sweeps of {@code 6 m n^2} flops) but accurate to a few ulps relative to the
 * largest singular value. Columns are kept as contiguous rows internally.
 */
final class JacobiSvd {

    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_SWEEPS = 80;

    private JacobiSvd() {
    }

    /**
     * @param a m x n row-major (not modified)
     * @param m rows
     * @param n columns
     * @return the thin SVD
     */
    static Svd of(double[] a, int m, int n) {
        if (m >= n) {
            return tall(a, m, n, false);
        }
        double[] t = new double[n * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                t[j * m + i] = a[i * n + j];
            }
        }
        // A^T = U' S V'^T, so A = V' S U'^T: U = V', Vt = U'^T
        Svd s = tall(t, n, m, true);
        return new Svd(m, n, s.vt(), s.s(), s.u());
    }

    /**
     * The SVD of a tall matrix (m >= n). With {@code swapped} the factors come back in the layout
     * the caller of a transposed problem needs: {@code u} holds U'^T (n x m) in the u slot and V'
     * (n x n, columns = right vectors) in the vt slot.
     */
    private static Svd tall(double[] a, int m, int n, boolean swapped) {
        // w[j] = column j of A, contiguous; v[j] = column j of V, contiguous
        double[] w = new double[n * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                w[j * m + i] = a[i * n + j];
            }
        }
        double[] v = new double[n * n];
        for (int j = 0; j < n; j++) {
            v[j * n + j] = 1.0;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotated |= rotate(w, v, m, n, p, q);
                }
            }
            if (!rotated) {
                break;
            }
        }
        double[] s = new double[n];
        for (int j = 0; j < n; j++) {
            s[j] = Math.sqrt(dot(w, j * m, w, j * m, m));
        }
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(s[y], s[x]));
        double smax = n == 0 ? 0.0 : s[order[0]];
        double[] sorted = new double[n];
        double[] uCols = new double[n * m];
        double[] vCols = new double[n * n];
        for (int r = 0; r < n; r++) {
            int j = order[r];
            sorted[r] = s[j];
            System.arraycopy(v, j * n, vCols, r * n, n);
            if (s[j] > 0.0 && s[j] > smax * EPS * m) {
                for (int i = 0; i < m; i++) {
                    uCols[r * m + i] = w[j * m + i] / s[j];
                }
            } else {
                complete(uCols, r, m);
            }
        }
        if (swapped) {
            // u slot: U'^T = uCols as rows (n x m); vt slot: V' with columns = right vectors (n x n)
            double[] vMat = new double[n * n];
            for (int r = 0; r < n; r++) {
                for (int i = 0; i < n; i++) {
                    vMat[i * n + r] = vCols[r * n + i];
                }
            }
            return new Svd(m, n, uCols, sorted, vMat);
        }
        double[] u = new double[m * n];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < m; i++) {
                u[i * n + r] = uCols[r * m + i];
            }
        }
        return new Svd(m, n, u, sorted, vCols);
    }

    private static boolean rotate(double[] w, double[] v, int m, int n, int p, int q) {
        int po = p * m;
        int qo = q * m;
        double alpha = 0.0;
        double beta = 0.0;
        double gamma = 0.0;
        for (int i = 0; i < m; i++) {
            double x = w[po + i];
            double y = w[qo + i];
            alpha += x * x;
            beta += y * y;
            gamma += x * y;
        }
        if (gamma == 0.0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) {
            return false;
        }
        double zeta = (beta - alpha) / (2.0 * gamma);
        double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1.0 + zeta * zeta));
        if (zeta == 0.0) {
            t = 1.0;
        }
        double cs = 1.0 / Math.sqrt(1.0 + t * t);
        double sn = cs * t;
        for (int i = 0; i < m; i++) {
            double x = w[po + i];
            double y = w[qo + i];
            w[po + i] = cs * x - sn * y;
            w[qo + i] = sn * x + cs * y;
        }
        int pv = p * n;
        int qv = q * n;
        for (int i = 0; i < n; i++) {
            double x = v[pv + i];
            double y = v[qv + i];
            v[pv + i] = cs * x - sn * y;
            v[qv + i] = sn * x + cs * y;
        }
        return true;
    }

    /**
     * Fills column r of U (stored as row r of {@code cols}) with a unit vector orthogonal to
     * columns 0..r-1, for a singular value that is zero to working precision.
     */
    private static void complete(double[] cols, int r, int m) {
        for (int e = 0; e < m; e++) {
            int o = r * m;
            java.util.Arrays.fill(cols, o, o + m, 0.0);
            cols[o + e] = 1.0;
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < r; j++) {
                    double d = dot(cols, j * m, cols, o, m);
                    for (int i = 0; i < m; i++) {
                        cols[o + i] -= d * cols[j * m + i];
                    }
                }
            }
            double norm = Math.sqrt(dot(cols, o, cols, o, m));
            if (norm > 0.5) {
                for (int i = 0; i < m; i++) {
                    cols[o + i] /= norm;
                }
                return;
            }
        }
    }

    private static double dot(double[] x, int xo, double[] y, int yo, int len) {
        double s = 0.0;
        for (int i = 0; i < len; i++) {
            s += x[xo + i] * y[yo + i];
        }
        return s;
    }
}
