/**
 * Dense linear algebra on the matrices of {@code org.myelin.core.array}: matrix products in plain Java (cache-friendly i-k-j loops, parallel over output rows, bit-identical for any thread count) and a Cholesky solver for symmetric positive definite systems. Operations take an optional output argument and return it, so callers can reuse buffers. A native BLAS backend can later replace the loops behind the same methods.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.myelin.core.linalg;
