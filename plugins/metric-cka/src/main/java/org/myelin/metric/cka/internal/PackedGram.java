package org.myelin.metric.cka.internal;

import java.util.stream.IntStream;

/**
 * A symmetric n x n gram stored as its diagonal and its strict upper triangle (i &lt; j,
 * row-major, {@code n(n-1)/2} values): half the memory of the full matrix, and the kernel of the
 * RBF variant is evaluated once per stimulus pair.
 *
 * @param n order
 * @param diagonal the n diagonal entries
 * @param upper the strict upper triangle, row i starting at {@link #rowStart(int, int)}
 */
record PackedGram(int n, double[] diagonal, double[] upper) {

    /**
     * @param i row
     * @param n order
     * @return index of entry (i, i+1) in the packed upper triangle
     */
    static int rowStart(int i, int n) {
        return (int) ((long) i * (2L * n - i - 1) / 2);
    }

    /**
     * @param n order
     * @return {@code n(n-1)/2}
     * @throws org.myelin.api.InvalidInputException when that does not fit in one array
     */
    static int pairs(int n) {
        long pairs = (long) n * (n - 1) / 2;
        if (pairs > Integer.MAX_VALUE - 8) {
            throw new org.myelin.api.InvalidInputException("x, y", n + " stimuli give " + pairs
                    + " stimulus pairs, more than one array holds", "compare at most 65535 stimuli");
        }
        return (int) pairs;
    }

    /**
     * @param full a symmetric n x n matrix, row-major
     * @param n order
     * @return its packed form
     */
    static PackedGram of(double[] full, int n) {
        double[] diag = new double[n];
        double[] upper = new double[pairs(n)];
        IntStream.range(0, n).parallel().forEach(i -> {
            diag[i] = full[i * n + i];
            System.arraycopy(full, i * n + i + 1, upper, rowStart(i, n), n - i - 1);
        });
        return new PackedGram(n, diag, upper);
    }

    /**
     * Row sums of the full matrix, {@code diagonal_i + sum_{j>i} upper_ij + sum_{j<i} upper_ji}.
     * Rows are split into a fixed number of blocks of about equal work, each block adds its
     * column contributions into its own array, and the blocks are added in order: the result does
     * not depend on the number of threads.
     *
     * @return the n row sums
     */
    double[] rowSums() {
        int blocks = Math.min(BLOCKS, Math.max(1, n));
        int[] bounds = blockBounds(blocks);
        double[][] columnParts = new double[blocks][];
        double[] rowParts = new double[n];
        IntStream.range(0, blocks).parallel().forEach(b -> {
            double[] col = new double[n];
            for (int i = bounds[b]; i < bounds[b + 1]; i++) {
                int at = rowStart(i, n);
                double s = 0;
                for (int j = i + 1; j < n; j++, at++) {
                    double v = upper[at];
                    s += v;
                    col[j] += v;
                }
                rowParts[i] = s;
            }
            columnParts[b] = col;
        });
        double[] sums = new double[n];
        for (int i = 0; i < n; i++) {
            sums[i] = diagonal[i] + rowParts[i];
        }
        for (double[] col : columnParts) {
            for (int i = 0; i < n; i++) {
                sums[i] += col[i];
            }
        }
        return sums;
    }

    /** Number of row blocks for the deterministic parallel passes. */
    static final int BLOCKS = 16;

    /**
     * Row block boundaries with about equal numbers of upper-triangle entries per block.
     *
     * @param blocks number of blocks
     * @return {@code blocks + 1} ascending row indices from 0 to n
     */
    int[] blockBounds(int blocks) {
        int[] bounds = new int[blocks + 1];
        long total = (long) n * (n - 1) / 2;
        int row = 0;
        for (int b = 1; b < blocks; b++) {
            long target = total * b / blocks;
            while (row < n && rowStart(row, n) < target) {
                row++;
            }
            bounds[b] = row;
        }
        bounds[blocks] = n;
        return bounds;
    }
}
