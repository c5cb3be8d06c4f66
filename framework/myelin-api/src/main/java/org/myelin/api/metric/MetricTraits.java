package org.myelin.api.metric;

/**
 * What a metric promises, checked by the testkit's contract tests.
 *
 * @param symmetric {@code compare(x, y) == compare(y, x)}
 * @param distance smaller means more similar, and {@code compare(x, x) == 0}; otherwise a
 *                 similarity with {@code compare(x, x) == identityValue}
 * @param identityValue the value of {@code compare(x, x)}
 */
public record MetricTraits(boolean symmetric, boolean distance, double identityValue) {
}
