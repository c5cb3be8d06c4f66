/**
 * Deterministic data parallelism: {@link org.myelin.core.parallel.ParallelRows} cuts a row range into contiguous chunks and runs them on a supplied executor. Results do not depend on the thread count as long as each row is computed independently, which every kernel in Myelin core guarantees.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.myelin.core.parallel;
