package org.myelin.api.registry;

/**
 * One logged metric value. NaN and infinities are kept as they were logged.
 *
 * @param key metric name
 * @param step step or epoch
 * @param timestampMillis wall-clock time of logging (ms since the epoch)
 * @param value the value
 */
public record MetricPoint(String key, long step, long timestampMillis, double value) {
}
