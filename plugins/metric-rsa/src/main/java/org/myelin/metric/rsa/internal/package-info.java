/**
 * Representational similarity analysis (rsatoolbox definitions, science/metrics.md section 3)
 * as the {@code rsa} metric plugin: RDMs (euclidean, correlation, crossnobis) of two
 * stimulus-by-unit representations and their comparison (Spearman, Pearson, cosine, whitened
 * cosine, Kendall tau-a and tau-b, rho-a). Private to the bundle.
 */
package org.myelin.metric.rsa.internal;
