package org.myelin.core.linalg;

/**
 * {@code A'B} of two representations with the same rows, and the column sums of squares of both
 * (the squared norms of their columns), from {@link Blas#crossProductWithSquares}: what a
 * squared-Euclidean or cosine distance between the columns needs.
 *
 * <p>A non-finite value in A or B, or squares that overflow, leave a non-finite sum of squares in
 * that matrix's column (and make the product meaningless); callers check the sums first.
 *
 * @param product row-major p x q {@code A'B}
 * @param squaresA the p column sums of squares of A, summed in blocks as
 *        {@link org.myelin.core.array.ColumnMeans#sumsOfSquares} does
 * @param squaresB the q column sums of squares of B
 */
public record CrossProduct(double[] product, double[] squaresA, double[] squaresB) {
}
