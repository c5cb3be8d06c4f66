package org.myelin.core.linalg;

/**
 * A thin singular value decomposition {@code A = U diag(s) Vt} of an m x n matrix, with
 * {@code r = min(m, n)}. All arrays are row-major.
 *
 * @param m rows of A
 * @param n columns of A
 * @param u the left singular vectors, m x r (column j belongs to {@code s[j]})
 * @param s the singular values, length r, descending and non-negative
 * @param vt the right singular vectors as rows, r x n (row j belongs to {@code s[j]})
 */
public record Svd(int m, int n, double[] u, double[] s, double[] vt) {

    /** @return {@code r = min(m, n)}, the number of singular values */
    public int rank() {
        return s.length;
    }
}
