package org.myelin.runtime.internal.run;

import org.myelin.api.metric.SimilarityMetric;
import org.myelin.api.param.Parameters;
import org.myelin.runtime.internal.spec.ExperimentSpec;

/**
 * A comparison of the spec's {@code compare:} block, resolved and validated before the run starts.
 *
 * @param ref the spec entry
 * @param metric the metric plugin
 * @param params validated metric parameters
 */
record PreparedComparison(ExperimentSpec.CompareRef ref, SimilarityMetric metric, Parameters params) {
}
