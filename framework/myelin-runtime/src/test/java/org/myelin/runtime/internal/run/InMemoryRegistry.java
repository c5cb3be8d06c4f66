package org.myelin.runtime.internal.run;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.myelin.api.registry.ExperimentRegistry;
import org.myelin.api.registry.ImportResult;
import org.myelin.api.registry.MetricPoint;
import org.myelin.api.registry.RegistryInfo;
import org.myelin.api.registry.RunExport;
import org.myelin.api.registry.RunQuery;
import org.myelin.api.registry.RunRecord;
import org.myelin.api.registry.RunStart;
import org.myelin.api.registry.RunStatus;
import org.myelin.api.run.ArtifactRecord;
import org.myelin.api.run.ArtifactStore;

/** A registry in memory, enough to test run orchestration without a database. */
final class InMemoryRegistry implements ExperimentRegistry {

    final Map<Long, RunRecord> runs = new LinkedHashMap<>();
    final Map<Long, List<MetricPoint>> metrics = new LinkedHashMap<>();
    final Map<Long, Map<String, byte[]>> files = new LinkedHashMap<>();
    private long next = 1;

    @Override
    public RegistryInfo info() {
        return new RegistryInfo("mem:", "embedded", 1, "memory", "/nowhere");
    }

    @Override
    public synchronized RunRecord startRun(RunStart s) {
        long id = next++;
        RunRecord r = new RunRecord(id, UUID.randomUUID().toString(), s.experiment(), RunStatus.RUNNING, null, null, s.parentRunId(),
                Instant.now(), null, Instant.now(), "host", ProcessHandle.current().pid(), s.seed(), s.seeds(), s.specHash(), s.specText(),
                new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(s.tags()), new LinkedHashMap<>(), s.bundles(),
                new ArrayList<>());
        runs.put(id, r);
        metrics.put(id, new ArrayList<>());
        files.put(id, new LinkedHashMap<>());
        return r;
    }

    @Override
    public synchronized void logParams(long runId, Map<String, String> params) {
        Map<String, String> p = runs.get(runId).params();
        params.forEach((k, v) -> {
            String old = p.putIfAbsent(k, v);
            if (old != null && !old.equals(v)) {
                throw new IllegalStateException("param " + k + " already " + old + ", not " + v);
            }
        });
    }

    @Override
    public synchronized void logMetrics(long runId, long step, Map<String, Double> values) {
        values.forEach((k, v) -> {
            metrics.get(runId).add(new MetricPoint(k, step, System.currentTimeMillis(), v));
            runs.get(runId).latestMetrics().put(k, v);
        });
    }

    @Override
    public synchronized void setTag(long runId, String key, String value) {
        runs.get(runId).tags().put(key, value);
    }

    @Override
    public synchronized void recordInputs(long runId, Map<String, String> sha256ByName) {
        runs.get(runId).inputs().putAll(sha256ByName);
    }

    @Override
    public ArtifactStore artifacts(long runId) {
        return new ArtifactStore() {
            @Override
            public ArtifactRecord write(String name, String mediaType, Content content) throws java.io.IOException {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                content.writeTo(out);
                synchronized (InMemoryRegistry.this) {
                    files.get(runId).put(name, out.toByteArray());
                    ArtifactRecord a = new ArtifactRecord(name, mediaType, out.size(), "");
                    runs.get(runId).artifacts().add(a);
                    return a;
                }
            }

            @Override
            public InputStream open(String name) throws java.io.IOException {
                byte[] b = files.get(runId).get(name);
                if (b == null) {
                    throw new FileNotFoundException(name);
                }
                return new ByteArrayInputStream(b);
            }

            @Override
            public List<ArtifactRecord> list() {
                return runs.get(runId).artifacts();
            }
        };
    }

    @Override
    public synchronized void finishRun(long runId, RunStatus status, String reason, String error) {
        RunRecord r = runs.get(runId);
        runs.put(runId, new RunRecord(r.id(), r.uid(), r.experiment(), status, reason, error, r.parentRunId(), r.startedAt(),
                Instant.now(), r.heartbeatAt(), r.ownerHost(), r.ownerPid(), r.seed(), r.seeds(), r.specHash(), r.specText(), r.params(),
                r.latestMetrics(), r.tags(), r.inputs(), r.bundles(), r.artifacts()));
    }

    @Override
    public void flush() {
    }

    @Override
    public synchronized Optional<RunRecord> findRun(long runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public synchronized List<RunRecord> listRuns(RunQuery query) {
        return new ArrayList<>(runs.values());
    }

    @Override
    public synchronized List<MetricPoint> metricHistory(long runId, String key) {
        return metrics.get(runId).stream().filter(p -> p.key().equals(key)).toList();
    }

    @Override
    public RunExport exportRun(long runId) {
        return new RunExport(runs.get(runId), metrics.get(runId));
    }

    @Override
    public ImportResult importRun(RunExport run) {
        throw new UnsupportedOperationException("import is tested with the real registry");
    }

    @Override
    public List<Long> markInterrupted() {
        return List.of();
    }
}
