package org.myelin.core.linalg.internal;

import org.myelin.core.linalg.Svd;

/**
 * The thin SVD by one-sided (Hestenes) Jacobi rotations: pairs of columns of A are rotated
 * until all are orthogonal to working precision; their norms are then the singular values, the
 * normalised columns the left vectors and the accumulated rotations the right vectors. It is
 * slow (about ten sweeps of {@code 6 m n^2} flops) but accurate to a few ulps relative to the
 * largest singular value. Columns are kept as contiguous rows internally. The pairs are visited
 * in round-robin order, whose rounds are disjoint pairs that run in parallel on the backend's
 * pool; the result is bit-identical for every thread count.
 */
final class JacobiSvd {

    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_SWEEPS = 80;
    /** Rounds with fewer multiply-adds than this run in the calling thread. */
    private static final long PARALLEL_WORK = 1L << 15;

    private JacobiSvd() {
    }

    /**
     * @param a m x n row-major (not modified)
     * @param m rows
     * @param n columns
     * @param pool runs the disjoint rotations of one round in parallel
     * @param own the calling thread's scratch arrays (unused here, required by the pool)
     * @return the thin SVD
     */
    static Svd of(double[] a, int m, int n, RowBlockPool pool, PackBuffers own) {
        if (m >= n) {
            return tall(a, m, n, false, pool, own);
        }
        double[] t = new double[n * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                t[j * m + i] = a[i * n + j];
            }
        }
        // A^T = U' S V'^T, so A = V' S U'^T: U = V', Vt = U'^T
        Svd s = tall(t, n, m, true, pool, own);
        return new Svd(m, n, s.vt(), s.s(), s.u());
    }

    /**
     * The SVD of a tall matrix (m >= n). With {@code swapped} the factors come back in the layout
     * the caller of a transposed problem needs: {@code u} holds U'^T (n x m) in the u slot and V'
     * (n x n, columns = right vectors) in the vt slot.
     */
    private static Svd tall(double[] a, int m, int n, boolean swapped, RowBlockPool pool, PackBuffers own) {
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
        int[][] rounds = rounds(n);
        double[] norms = new double[n];
        Rotations rotations = new Rotations(w, v, norms, m, n);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            for (int j = 0; j < n; j++) {
                norms[j] = dot(w, j * m, w, j * m, m);
            }
            rotations.rotated = 0;
            for (int[] round : rounds) {
                rotations.round = round;
                int pairs = round.length / 2;
                long work = (long) pairs * (m + n);
                if (work < PARALLEL_WORK || pool.parallelism() == 1 || !pool.tryRun(pairs, false, rotations, own)) {
                    rotations.run(0, pairs, own);
                }
            }
            if (rotations.rotated == 0) {
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

    /**
     * The round-robin ("tournament") orderings of all column pairs: n - 1 rounds (n rounded up
     * to even) of disjoint pairs, so the rotations of a round can run in any order or in
     * parallel and give the same result. A pair with the padding column n is left out.
     */
    static int[][] rounds(int n) {
        int players = n + (n & 1);
        int[] ring = new int[players];
        for (int i = 0; i < players; i++) {
            ring[i] = i;
        }
        int[][] out = new int[Math.max(players - 1, 0)][];
        for (int r = 0; r < players - 1; r++) {
            int[] pairs = new int[players];
            int count = 0;
            for (int k = 0; k < players / 2; k++) {
                int p = ring[k];
                int q = ring[players - 1 - k];
                if (p < n && q < n) {
                    pairs[count++] = Math.min(p, q);
                    pairs[count++] = Math.max(p, q);
                }
            }
            out[r] = java.util.Arrays.copyOf(pairs, count);
            // keep ring[0] fixed, rotate the rest by one
            int last = ring[players - 1];
            System.arraycopy(ring, 1, ring, 2, players - 2);
            ring[1] = last;
        }
        return out;
    }

    /** The rotations of one round: pair k of {@code round} is columns {@code round[2k]}, {@code round[2k + 1]}. */
    private static final class Rotations implements RowBlockPool.RowTask {
        private final double[] w;
        private final double[] v;
        private final double[] norms;
        private final int m;
        private final int n;
        volatile int[] round;
        volatile int rotated;

        Rotations(double[] w, double[] v, double[] norms, int m, int n) {
            this.w = w;
            this.v = v;
            this.norms = norms;
            this.m = m;
            this.n = n;
        }

        @Override
        public void run(int from, int to, PackBuffers buffers) {
            int[] pairs = round;
            int count = 0;
            for (int k = from; k < to; k++) {
                if (rotate(w, v, norms, m, n, pairs[2 * k], pairs[2 * k + 1])) {
                    count++;
                }
            }
            if (count > 0) {
                synchronized (this) {
                    rotated += count;
                }
            }
        }
    }

    /**
     * Rotates columns p and q so that they become orthogonal, unless they already are to working
     * precision. The squared norms are updated in closed form ({@code alpha - t gamma},
     * {@code beta + t gamma}) and recomputed at each sweep.
     */
    private static boolean rotate(double[] w, double[] v, double[] norms, int m, int n, int p, int q) {
        int po = p * m;
        int qo = q * m;
        double alpha = norms[p];
        double beta = norms[q];
        double gamma = dot(w, po, w, qo, m);
        if (gamma == 0.0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) {
            return false;
        }
        double zeta = (beta - alpha) / (2.0 * gamma);
        double t = zeta == 0.0 ? 1.0 : Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1.0 + zeta * zeta));
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
        norms[p] = Math.max(alpha - t * gamma, 0.0);
        norms[q] = beta + t * gamma;
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

    /** A dot product with four partial sums (a fixed order, so the result is reproducible). */
    private static double dot(double[] x, int xo, double[] y, int yo, int len) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            s0 += x[xo + i] * y[yo + i];
            s1 += x[xo + i + 1] * y[yo + i + 1];
            s2 += x[xo + i + 2] * y[yo + i + 2];
            s3 += x[xo + i + 3] * y[yo + i + 3];
        }
        for (; i < len; i++) {
            s0 += x[xo + i] * y[yo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
