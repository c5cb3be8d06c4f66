package org.myelin.learning.readout.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntPredicate;

import org.myelin.api.run.ArtifactStore;
import org.myelin.api.run.ProgressReporter;
import org.myelin.api.run.RunContext;

/**
 * An in-memory run for the tests: records metrics and progress, derives stream seeds from a
 * run seed, and can be cancelled at a chosen epoch (through the metrics the rule logs).
 */
final class RecordingContext implements RunContext {

    /** One logged metric value. */
    record Point(String key, long step, double value) {
    }

    private final long seed;
    private final int threads;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final IntPredicate cancelAtStep;
    final List<Point> metrics = new ArrayList<>();
    final Map<String, Long> progress = new LinkedHashMap<>();
    final List<String> lines = new ArrayList<>();

    RecordingContext(long seed, int threads) {
        this(seed, threads, step -> false);
    }

    RecordingContext(long seed, int threads, IntPredicate cancelAtStep) {
        this.seed = seed;
        this.threads = threads;
        this.cancelAtStep = cancelAtStep;
    }

    void cancel() {
        cancelled.set(true);
    }

    @Override
    public long runId() {
        return 0;
    }

    @Override
    public void logParam(String key, String value) {
        // params are not checked by these tests
    }

    @Override
    public synchronized void logMetric(String key, long step, double value) {
        metrics.add(new Point(key, step, value));
        if (cancelAtStep.test((int) step)) {
            cancelled.set(true);
        }
    }

    @Override
    public void logMetrics(long step, Map<String, Double> values) {
        new java.util.TreeMap<>(values).forEach((k, v) -> logMetric(k, step, v));
    }

    @Override
    public void setTag(String key, String value) {
        // tags are not checked by these tests
    }

    @Override
    public ArtifactStore artifacts() {
        throw new UnsupportedOperationException("the readout rule writes no artifacts itself");
    }

    @Override
    public ProgressReporter progress() {
        return (name, total, unit) -> new ProgressReporter.Task() {
            @Override
            public void advance(long units) {
                synchronized (progress) {
                    progress.merge(name, units, Long::sum);
                }
            }

            @Override
            public void status(String text) {
                // status text is for people
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }

    @Override
    public void log(String message) {
        lines.add(message);
    }

    @Override
    public long seed(String stream) {
        return seed * 31 + stream.hashCode();
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * @param key metric name
     * @return the values logged under the key, in step order
     */
    List<Double> series(String key) {
        List<Double> out = new ArrayList<>();
        for (Point p : metrics) {
            if (p.key().equals(key)) {
                out.add(p.value());
            }
        }
        return out;
    }
}
