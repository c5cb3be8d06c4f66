package org.myelin.learning.bptt.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.myelin.api.run.ArtifactRecord;
import org.myelin.api.run.ArtifactStore;
import org.myelin.api.run.ProgressReporter;
import org.myelin.api.run.RunContext;

/**
 * An in-memory run: metrics, artifacts written to a temporary folder, stream seeds derived from
 * a run seed, and cancellation after a chosen number of progress units.
 */
final class TestRun implements RunContext {

    final Map<String, List<Double>> metrics = new LinkedHashMap<>();
    final Path folder;
    final AtomicBoolean cancelled = new AtomicBoolean();
    final AtomicInteger advanced = new AtomicInteger();
    private final long seed;
    private final int threads;
    private final int cancelAfterUnits;

    TestRun(Path folder, long seed, int threads, int cancelAfterUnits) {
        this.folder = folder;
        this.seed = seed;
        this.threads = threads;
        this.cancelAfterUnits = cancelAfterUnits;
    }

    @Override
    public long runId() {
        return 0;
    }

    @Override
    public void logParam(String key, String value) {
        // not checked
    }

    @Override
    public synchronized void logMetric(String key, long step, double value) {
        metrics.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    @Override
    public void logMetrics(long step, Map<String, Double> values) {
        values.forEach((k, v) -> logMetric(k, step, v));
    }

    @Override
    public void setTag(String key, String value) {
        // not checked
    }

    @Override
    public ArtifactStore artifacts() {
        return new ArtifactStore() {
            @Override
            public ArtifactRecord write(String name, String mediaType, Content content) throws IOException {
                Path f = folder.resolve(name);
                Files.createDirectories(f.getParent());
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                content.writeTo(bytes);
                Files.write(f, bytes.toByteArray());
                return new ArtifactRecord(name, mediaType, bytes.size(), "");
            }

            @Override
            public InputStream open(String name) throws IOException {
                return new ByteArrayInputStream(Files.readAllBytes(folder.resolve(name)));
            }

            @Override
            public List<ArtifactRecord> list() {
                return List.of();
            }
        };
    }

    @Override
    public ProgressReporter progress() {
        return (name, total, unit) -> new ProgressReporter.Task() {
            @Override
            public void advance(long units) {
                if (advanced.addAndGet((int) units) >= cancelAfterUnits) {
                    cancelled.set(true);
                }
            }

            @Override
            public void status(String text) {
                // not shown
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }

    @Override
    public void log(String message) {
        // quiet
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

}
