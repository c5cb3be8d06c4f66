package org.myelin.api.registry;

import java.util.List;

/**
 * A run with its whole metric history, as exported and imported.
 *
 * @param run the run record (ids of the source registry)
 * @param metrics every logged metric value
 */
public record RunExport(RunRecord run, List<MetricPoint> metrics) {

    /** Copies the list. */
    public RunExport {
        metrics = List.copyOf(metrics);
    }
}
