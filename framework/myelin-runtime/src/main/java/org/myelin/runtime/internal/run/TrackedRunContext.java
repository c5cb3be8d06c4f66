package org.myelin.runtime.internal.run;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.myelin.api.registry.ExperimentRegistry;
import org.myelin.api.run.ArtifactStore;
import org.myelin.api.run.ProgressReporter;
import org.myelin.api.run.RunContext;

/** The {@link RunContext} of a run recorded in the registry. */
final class TrackedRunContext implements RunContext {

    private final ExperimentRegistry registry;
    private final long runId;
    private final long runSeed;
    private final int parallelism;
    private final ProgressReporter progress;
    private final PrintStream log;
    private final AtomicBoolean cancelled;

    TrackedRunContext(ExperimentRegistry registry, long runId, long runSeed, int parallelism, ProgressReporter progress,
            PrintStream log, AtomicBoolean cancelled) {
        this.registry = registry;
        this.runId = runId;
        this.runSeed = runSeed;
        this.parallelism = parallelism;
        this.progress = progress;
        this.log = log;
        this.cancelled = cancelled;
    }

    @Override
    public long runId() {
        return runId;
    }

    @Override
    public void logParam(String key, String value) {
        registry.logParams(runId, Map.of(key, value));
    }

    @Override
    public void logMetric(String key, long step, double value) {
        registry.logMetrics(runId, step, Map.of(key, value));
    }

    @Override
    public void logMetrics(long step, Map<String, Double> values) {
        registry.logMetrics(runId, step, values);
    }

    @Override
    public void setTag(String key, String value) {
        registry.setTag(runId, key, value);
    }

    @Override
    public ArtifactStore artifacts() {
        return registry.artifacts(runId);
    }

    @Override
    public ProgressReporter progress() {
        return progress;
    }

    @Override
    public void log(String message) {
        log.println("[run " + runId + "] " + message);
        log.flush();
    }

    @Override
    public long seed(String stream) {
        long s = SeedStreams.seed(runSeed, stream);
        if (!SeedStreams.STANDARD.contains(stream)) {
            registry.logParams(runId, Map.of("seed." + stream, Long.toString(s)));
        }
        return s;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }
}
