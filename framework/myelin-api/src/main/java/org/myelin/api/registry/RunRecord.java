package org.myelin.api.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.myelin.api.run.ArtifactRecord;

/**
 * A run as the registry holds it.
 *
 * @param id local numeric id (what {@code myelin runs show ID} takes)
 * @param uid globally unique id, kept across export and import
 * @param experiment experiment name
 * @param status status
 * @param statusReason short machine-readable reason for a terminal status ({@code owner-died}, {@code cancelled}, ...), or {@code null}
 * @param error the error message of a FAILED run, or {@code null}
 * @param parentRunId parent run id, or {@code null}
 * @param startedAt start time
 * @param endedAt end time, or {@code null} while running
 * @param heartbeatAt last heartbeat of the owner
 * @param ownerHost host name of the owner process
 * @param ownerPid PID of the owner process
 * @param seed run seed
 * @param seeds seeds of named random streams
 * @param specHash hex SHA-256 of the canonical spec
 * @param specText the canonical spec
 * @param params params (write-once)
 * @param latestMetrics last value of every metric (by highest step)
 * @param tags tags
 * @param inputs SHA-256 of input files (datasets) by name
 * @param bundles the bundle set the run executed with
 * @param artifacts stored artifacts
 */
public record RunRecord(long id, String uid, String experiment, RunStatus status, String statusReason, String error,
        Long parentRunId, Instant startedAt, Instant endedAt, Instant heartbeatAt, String ownerHost, long ownerPid,
        long seed, Map<String, Long> seeds, String specHash, String specText, Map<String, String> params,
        Map<String, Double> latestMetrics, Map<String, String> tags, Map<String, String> inputs,
        List<BundleRecord> bundles, List<ArtifactRecord> artifacts) {
}
