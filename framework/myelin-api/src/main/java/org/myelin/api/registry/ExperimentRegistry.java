package org.myelin.api.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.myelin.api.run.ArtifactStore;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The experiment registry: experiments, runs, params, metrics, tags, artifacts and the record
 * needed to reproduce a run. Metric and tag logging only enqueue: one writer thread per process
 * commits them in batches, so callers never wait on the database. Runs started by this process
 * get heartbeats; runs whose owner died are marked INTERRUPTED at start-up.
 */
@ProviderType
public interface ExperimentRegistry {

    /** @return where the registry lives */
    RegistryInfo info();

    /**
     * Starts a run: records the spec, seeds and bundle set, and creates its folder.
     * Committed durably before it returns.
     *
     * @param start what to record
     * @return the new run (status RUNNING)
     */
    RunRecord startRun(RunStart start);

    /**
     * Records params. Write-once: the same value again is accepted; a different value for a key
     * that is already set throws {@link IllegalStateException} naming the key and both values.
     *
     * @param runId run id
     * @param params params by name
     */
    void logParams(long runId, Map<String, String> params);

    /**
     * Enqueues metric values of one step; they are committed together.
     *
     * @param runId run id
     * @param step step or epoch
     * @param values values by metric name (NaN and infinities kept)
     */
    void logMetrics(long runId, long step, Map<String, Double> values);

    /**
     * Sets a tag (last writer wins).
     *
     * @param runId run id
     * @param key tag name
     * @param value tag value
     */
    void setTag(long runId, String key, String value);

    /**
     * Records digests of the run's input files (datasets).
     *
     * @param runId run id
     * @param sha256ByName hex SHA-256 by file name
     */
    void recordInputs(long runId, Map<String, String> sha256ByName);

    /**
     * @param runId run id
     * @return the run's artifact store (files under {@code data/runs/<id>/})
     */
    ArtifactStore artifacts(long runId);

    /**
     * Ends a run after committing everything logged for it. Committed durably before it returns.
     *
     * @param runId run id
     * @param status a terminal status
     * @param reason short reason ({@code cancelled}, {@code error}, ...), or {@code null}
     * @param error error message for FAILED, or {@code null}
     */
    void finishRun(long runId, RunStatus status, String reason, String error);

    /** Blocks until everything enqueued so far is committed. */
    void flush();

    /**
     * @param runId run id
     * @return the run, if it exists
     */
    Optional<RunRecord> findRun(long runId);

    /**
     * @param query filter and limit
     * @return matching runs, newest first
     * @throws IllegalArgumentException when the filter does not parse, naming the position
     */
    List<RunRecord> listRuns(RunQuery query);

    /**
     * @param runId run id
     * @param key metric name
     * @return the metric's history ordered by step, then time
     */
    List<MetricPoint> metricHistory(long runId, String key);

    /**
     * @param runId run id
     * @return the run with its whole metric history
     * @throws IllegalArgumentException when the run does not exist
     */
    RunExport exportRun(long runId);

    /**
     * Imports a run exported from any registry. Idempotent: a run whose uid is present is skipped.
     *
     * @param run the exported run
     * @return the outcome
     */
    ImportResult importRun(RunExport run);

    /**
     * Marks RUNNING runs whose owner is gone (same host and PID not alive, or heartbeat older
     * than the lease) as INTERRUPTED with reason {@code owner-died}. Runs at start-up and periodically.
     *
     * @return ids of the runs marked
     */
    List<Long> markInterrupted();
}
