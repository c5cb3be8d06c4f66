/**
 * Dense linear algebra on row-major arrays. {@link org.myelin.core.linalg.Blas} (sgemm, dgemm,
 * dsyrk, cross products) and {@link org.myelin.core.linalg.Lapack} (SVD, symmetric eigen and eigenvalues, Cholesky solve) are
 * facades over OpenBLAS (the {@code myelin-openblas} bundle, when present and working) or a
 * pure-Java backend that is bit-identical for any thread count; {@code -Dmyelin.blas} forces
 * the choice. {@link org.myelin.core.linalg.Gemm} and {@link org.myelin.core.linalg.Cholesky}
 * work on {@code org.myelin.core.array} matrices in plain Java, skipping zero entries of the
 * left operand so that spike inputs are cheap.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.4.0")
package org.myelin.core.linalg;
