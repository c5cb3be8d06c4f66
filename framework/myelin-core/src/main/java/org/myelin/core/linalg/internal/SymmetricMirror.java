package org.myelin.core.linalg.internal;

/**
 * Completes a symmetric matrix of which only the upper triangle was computed (BLAS {@code syrk}
 * writes one triangle). The copy runs over square tiles, so that both the rows read and the
 * columns written stay in cache; a plain double loop reads the upper triangle down its columns
 * and costs more than a 512 x 512 product's packing.
 */
final class SymmetricMirror {

    private static final int TILE = 32;

    private SymmetricMirror() {
    }

    /**
     * Sets {@code c[i][j] = c[j][i]} for every {@code i > j}.
     *
     * @param c the matrix, row-major
     * @param off index of element (0, 0)
     * @param ld row stride
     * @param n order
     */
    static void lowerFromUpper(double[] c, int off, int ld, int n) {
        for (int i0 = 0; i0 < n; i0 += TILE) {
            int i1 = Math.min(n, i0 + TILE);
            for (int j0 = 0; j0 <= i0; j0 += TILE) {
                int j1 = Math.min(n, j0 + TILE);
                for (int i = i0; i < i1; i++) {
                    int row = off + i * ld;
                    int end = Math.min(j1, i);
                    for (int j = j0; j < end; j++) {
                        c[row + j] = c[off + j * ld + i];
                    }
                }
            }
        }
    }
}
