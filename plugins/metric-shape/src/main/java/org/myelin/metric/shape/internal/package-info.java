/**
 * Generalized shape metrics (Williams, Kunz, Kornblith, Linderman, NeurIPS 2021; netrep) as two
 * metric plugins of one bundle: {@code procrustes} (partial whitening from Procrustes to
 * CCA-type, science/metrics.md section 2) and {@code permutation} (optimal unit permutation by an
 * exact assignment solver). Private to the bundle.
 */
package org.myelin.metric.shape.internal;
