/**
 * JMH benchmarks of the dense kernels of {@code org.myelin.core.linalg} on each backend (pure
 * Java and OpenBLAS) and thread count, and {@link org.myelin.benchmarks.DenseTable}, which runs
 * them and prints the GFLOP/s table of benchmarks/README.md.
 */
package org.myelin.benchmarks;
