package org.myelin.core.linalg;

/**
 * The eigen-decomposition {@code A = V diag(values) V^T} of a symmetric n x n matrix.
 *
 * @param n the order of A
 * @param values the eigenvalues, ascending
 * @param vectors the orthonormal eigenvectors, n x n row-major; column j ({@code vectors[i * n + j]} for i = 0..n-1) belongs to {@code values[j]}
 */
public record SymmetricEigen(int n, double[] values, double[] vectors) {
}
