package org.myelin.core.linalg;

/**
 * What linear CKA and other second-order comparisons need from two representations A (n x p)
 * and B (n x q) with the same rows: the column means, and the squared Frobenius norms of the
 * three centred cross products {@code ||Ac' Ac||_F^2}, {@code ||Ac' Bc||_F^2} and
 * {@code ||Bc' Bc||_F^2} (with {@code Ac = A - 1 meanA'}), from {@link Blas#centredCrossProducts}.
 *
 * <p>A non-finite value in A or B, or column sums that overflow, leave a non-finite value in
 * that matrix's means (and make the norms meaningless); callers check the means before using the
 * norms.
 *
 * @param meanA the p column means of A ({@link org.myelin.core.array.ColumnMeans} on the Java backend;
 *        BLAS sums under OpenBLAS, equal to rounding)
 * @param meanB the q column means of B
 * @param aa {@code ||Ac' Ac||_F^2}
 * @param ab {@code ||Ac' Bc||_F^2}
 * @param bb {@code ||Bc' Bc||_F^2}
 */
public record CentredCrossProducts(double[] meanA, double[] meanB, double aa, double ab, double bb) {

    /** @return whether both mean vectors are finite (no non-finite input, no overflow) */
    public boolean finite() {
        return finite(meanA) && finite(meanB);
    }

    /**
     * @param v values
     * @return whether every value is finite
     */
    static boolean finite(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * 0.0;
        }
        return s == 0.0;
    }
}
