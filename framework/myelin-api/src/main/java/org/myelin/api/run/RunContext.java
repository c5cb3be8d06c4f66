package org.myelin.api.run;

import java.util.Map;

import org.myelin.api.RunCancelledException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a plugin sees of the run it works in. Logging calls only enqueue (they never block on
 * the database), so they are cheap enough for every training step. Plugins never get raw
 * paths to write to: files go through {@link #artifacts()}.
 */
@ProviderType
public interface RunContext {

    /** @return the registry id of the run, or {@code 0} when the work is not tracked (e.g. a one-off {@code compare}) */
    long runId();

    /**
     * Records a parameter of the run. Params are write-once: the same value again is accepted,
     * a different value for the same key is an error.
     *
     * @param key parameter name
     * @param value its value as text
     */
    void logParam(String key, String value);

    /**
     * Records one metric value. NaN and infinities are kept (flagged), never dropped.
     *
     * @param key metric name, e.g. {@code train_loss}
     * @param step step or epoch number
     * @param value the value
     */
    void logMetric(String key, long step, double value);

    /**
     * Records several metrics at the same step, committed together.
     *
     * @param step step or epoch number
     * @param values metric values by name
     */
    void logMetrics(long step, Map<String, Double> values);

    /**
     * Sets a tag (last writer wins).
     *
     * @param key tag name
     * @param value tag value
     */
    void setTag(String key, String value);

    /** @return where the run's files go */
    ArtifactStore artifacts();

    /** @return progress reporting (a bar on a terminal, log lines otherwise) */
    ProgressReporter progress();

    /**
     * Writes an informational line to the run's log (stderr of the host).
     *
     * @param message the line
     */
    void log(String message);

    /**
     * The seed of a named random stream ({@code model}, {@code data}, {@code driver}, ...),
     * derived from the run seed and the stream name, and recorded in the registry. The same
     * run seed always gives the same stream seeds.
     *
     * @param stream stream name
     * @return the seed
     */
    long seed(String stream);

    /** @return the number of worker threads plugin code may use for this run (at least 1) */
    int parallelism();

    /** @return whether the run was asked to stop */
    boolean isCancelled();

    /**
     * Throws when the run was asked to stop; call it between steps.
     *
     * @throws RunCancelledException when cancelled
     */
    default void throwIfCancelled() {
        if (isCancelled()) {
            throw new RunCancelledException("run cancelled");
        }
    }
}
