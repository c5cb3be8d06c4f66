package org.myelin.runtime.internal.run;

import java.util.Map;

import org.myelin.api.registry.RunStatus;

/**
 * How a run ended, for the command line.
 *
 * @param runId registry id
 * @param uid global id
 * @param experiment experiment name
 * @param status terminal status
 * @param error error message, or {@code null}
 * @param exitCode the documented exit code
 * @param seconds wall time of the run
 * @param metrics final metrics
 * @param specHash hash of the canonical spec
 */
public record RunOutcome(long runId, String uid, String experiment, RunStatus status, String error, int exitCode, double seconds,
        Map<String, Double> metrics, String specHash) {
}
