package org.myelin.api.registry;

/**
 * Which runs to list.
 *
 * <p>The filter is a small expression language over run fields: {@code status}, {@code experiment},
 * {@code id}, {@code params.NAME}, {@code metrics.NAME} (latest value), {@code tags.NAME}; operators
 * {@code = != < <= > >=} and {@code IN (a, b)}; combined with {@code AND}, {@code OR} and parentheses.
 * Example: {@code status IN (FINISHED, FAILED) AND metrics.test_accuracy >= 0.85}.
 *
 * @param filter the filter expression, or {@code null}/empty for all runs
 * @param limit maximum number of runs (newest first); {@code 0} for no limit
 */
public record RunQuery(String filter, int limit) {

    /** @return a query for every run */
    public static RunQuery all() {
        return new RunQuery(null, 0);
    }
}
