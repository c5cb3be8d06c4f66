/**
 * Contract tests for similarity metric plugins. A plugin's test class extends
 * {@link org.myelin.testkit.metric.SimilarityMetricContract}, returns its metric from
 * {@code metric()} and, where the defaults do not suit, the raw parameter values from
 * {@code parameters()}; JUnit 5 then runs every promise of
 * {@link org.myelin.api.metric.SimilarityMetric} and {@link org.myelin.api.metric.MetricTraits}
 * against it: symmetry, the identity value, rejection of NaN, infinities and mismatched
 * stimulus counts with messages that name the row and column, determinism, and well-formed
 * parameter descriptions.
 */
@Export
@Version("1.0.0")
package org.myelin.testkit.metric;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
