package org.myelin.registry.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.myelin.api.registry.BundleRecord;
import org.myelin.api.registry.ExperimentRegistry;
import org.myelin.api.registry.ImportResult;
import org.myelin.api.registry.MetricPoint;
import org.myelin.api.registry.RegistryInfo;
import org.myelin.api.registry.RegistryUnavailableException;
import org.myelin.api.registry.RunExport;
import org.myelin.api.registry.RunQuery;
import org.myelin.api.registry.RunRecord;
import org.myelin.api.registry.RunStart;
import org.myelin.api.registry.RunStatus;
import org.myelin.api.run.ArtifactRecord;
import org.myelin.api.run.ArtifactStore;

/**
 * The registry over any JDBC database with the Myelin schema, independent of OSGi: the DS
 * component wraps it, tests construct it directly. All database work runs on one
 * {@link RegistryWriter} thread. Runs started here get a heartbeat every
 * {@value #HEARTBEAT_SECONDS} s extending a lease of {@value #LEASE_SECONDS} s; every
 * {@value #SWEEP_SECONDS} s (and at start) runs whose owner died are marked INTERRUPTED.
 * Run-state changes (start, finish, params, inputs, artifacts, imports) are committed and, on H2,
 * followed by {@code CHECKPOINT SYNC} before the call returns.
 */
final class SqlRegistry implements ExperimentRegistry, AutoCloseable {

    static final int HEARTBEAT_SECONDS = 5;
    static final int LEASE_SECONDS = 30;
    static final int SWEEP_SECONDS = 60;
    static final String OWNER_DIED = "owner-died";

    private static final System.Logger LOG = System.getLogger(SqlRegistry.class.getName());

    private final RegistryConnector connector;
    private final Path runsDir;
    private final RegistryWriter writer;
    private final int schemaVersion;
    private final String database;
    private final Map<Long, String> ownedRuns = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private volatile boolean checkpoints;

    /**
     * Opens the registry: connects, migrates the schema, marks runs of dead owners and starts the
     * heartbeat.
     *
     * @param connector where the database is
     * @param runsDir folder of the run folders ({@code data/runs})
     * @param migrations the migrations to apply
     * @throws RegistryUnavailableException when the database cannot be opened
     */
    SqlRegistry(RegistryConnector connector, Path runsDir, Migrations migrations) {
        this.connector = connector;
        this.runsDir = runsDir.toAbsolutePath().normalize();
        Connection c = null;
        try {
            c = connector.open();
            schemaVersion = migrations.migrate(c);
            DatabaseMetaData md = c.getMetaData();
            String version = md.getDatabaseProductVersion();
            database = md.getDatabaseProductName() + " " + (version.contains(" ") ? version.substring(0, version.indexOf(' ')) : version);
            checkpoints = connector.isH2();
            if (connector.holder() || !connector.isH2()) {
                Migrations.putMeta(c, "database_version", database);
                c.commit();
            }
        } catch (SQLException e) {
            closeQuietly(c);
            connector.release();
            throw new RegistryUnavailableException("cannot open the registry at " + describeLocation() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            connector.release();
            throw e;
        }
        writer = new RegistryWriter(connector::open, c);
        List<Long> marked = markInterrupted();
        if (!marked.isEmpty()) {
            LOG.log(Level.INFO, "marked runs {0} INTERRUPTED: their owner process is gone", marked);
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "myelin-registry-heartbeat");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::heartbeatQuietly, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::sweepQuietly, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    private String describeLocation() {
        return connector.url().isEmpty() ? connector.embeddedUrl() : connector.url();
    }

    @Override
    public RegistryInfo info() {
        return new RegistryInfo(connector.url(), connector.access(), schemaVersion, database, runsDir.toString());
    }

    /** @return metric rows committed by this instance */
    long committedMetricRows() {
        return writer.committedRows();
    }

    @Override
    public RunRecord startRun(RunStart start) {
        Objects.requireNonNull(start, "start");
        requireText(start.experiment(), "experiment", 250);
        String uid = UUID.randomUUID().toString();
        long id = writer.call(c -> {
            long now = System.currentTimeMillis();
            long experimentId = experimentId(c, start.experiment(), now);
            long runId;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO runs (run_uid, experiment_id, status, parent_run_id, "
                    + "started_at, heartbeat_at, lease_until, owner_host, owner_pid, owner_started_at, seed, spec_hash, spec_text) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, uid);
                p.setLong(2, experimentId);
                p.setString(3, RunStatus.RUNNING.name());
                setNullableLong(p, 4, start.parentRunId());
                p.setLong(5, now);
                p.setLong(6, now);
                p.setLong(7, now + LEASE_SECONDS * 1000L);
                p.setString(8, OwnerProcess.host());
                p.setLong(9, OwnerProcess.pid());
                setNullableLong(p, 10, OwnerProcess.startedAt());
                p.setLong(11, start.seed());
                p.setString(12, start.specHash());
                p.setString(13, start.specText());
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    runId = keys.getLong(1);
                }
            }
            insertDetails(c, runId, start.seeds(), start.bundles(), Map.of());
            for (Map.Entry<String, String> t : start.tags().entrySet()) {
                RegistryWriter.putTag(c, runId, t.getKey(), t.getValue());
            }
            c.commit();
            OwnerProcess.own(uid);
            ownedRuns.put(runId, uid);
            checkpoint(c);
            return runId;
        });
        try {
            Files.createDirectories(runDir(id));
        } catch (IOException e) {
            throw new RegistryUnavailableException("run " + id + " was recorded but its folder " + runDir(id)
                    + " cannot be created: " + e.getMessage(), e);
        }
        writer.call(c -> {
            maintainShare(c);
            return null;
        });
        return findRun(id).orElseThrow();
    }

    @Override
    public void logParams(long runId, Map<String, String> params) {
        Objects.requireNonNull(params, "params");
        params.forEach((k, v) -> {
            requireText(k, "param name", 250);
            Objects.requireNonNull(v, () -> "value of param " + k);
        });
        if (params.isEmpty()) {
            return;
        }
        writer.call(c -> {
            requireRun(c, runId);
            Map<String, String> existing = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT param_key, param_value FROM params WHERE run_id = ?")) {
                p.setLong(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        existing.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            List<Map.Entry<String, String>> fresh = new ArrayList<>();
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(params).entrySet()) {
                String old = existing.get(e.getKey());
                if (old == null) {
                    fresh.add(e);
                } else if (!old.equals(e.getValue())) {
                    throw new IllegalStateException("param '" + e.getKey() + "' of run " + runId + " is already '" + old
                            + "' and cannot be changed to '" + e.getValue() + "' (params are write-once; log a new key or start a new run)");
                }
            }
            if (fresh.isEmpty()) {
                return null;
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO params (run_id, param_key, param_value) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> e : fresh) {
                    p.setLong(1, runId);
                    p.setString(2, e.getKey());
                    p.setString(3, e.getValue());
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
            checkpoint(c);
            return null;
        });
    }

    @Override
    public void logMetrics(long runId, long step, Map<String, Double> values) {
        Objects.requireNonNull(values, "values");
        values.forEach((k, v) -> {
            requireText(k, "metric name", 250);
            Objects.requireNonNull(v, () -> "value of metric " + k);
        });
        if (!values.isEmpty()) {
            writer.enqueueMetrics(runId, step, values);
        }
    }

    @Override
    public void setTag(long runId, String key, String value) {
        requireText(key, "tag name", 250);
        Objects.requireNonNull(value, () -> "value of tag " + key);
        writer.enqueueTag(runId, key, value);
    }

    @Override
    public void recordInputs(long runId, Map<String, String> sha256ByName) {
        Objects.requireNonNull(sha256ByName, "sha256ByName");
        if (sha256ByName.isEmpty()) {
            return;
        }
        writer.call(c -> {
            requireRun(c, runId);
            for (Map.Entry<String, String> e : sha256ByName.entrySet()) {
                requireText(e.getKey(), "input name", 1000);
                upsert(c, "UPDATE inputs SET sha256 = ? WHERE run_id = ? AND input_name = ?",
                        "INSERT INTO inputs (sha256, run_id, input_name) VALUES (?, ?, ?)", e.getValue(), runId, e.getKey());
            }
            c.commit();
            checkpoint(c);
            return null;
        });
    }

    @Override
    public ArtifactStore artifacts(long runId) {
        writer.call(c -> {
            requireRun(c, runId);
            return null;
        });
        return new RunArtifactStore(runId, runDir(runId), this::registerArtifact,
                () -> writer.call(c -> RunRows.artifacts(c, runId)));
    }

    private void registerArtifact(long runId, ArtifactRecord a) {
        writer.call(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM artifacts WHERE run_id = ? AND artifact_path = ?")) {
                d.setLong(1, runId);
                d.setString(2, a.name());
                d.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO artifacts (run_id, artifact_path, media_type, size_bytes, "
                    + "sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, runId);
                p.setString(2, a.name());
                p.setString(3, a.mediaType());
                p.setLong(4, a.bytes());
                p.setString(5, a.sha256());
                p.setLong(6, System.currentTimeMillis());
                p.executeUpdate();
            }
            c.commit();
            checkpoint(c);
            return null;
        });
    }

    @Override
    public void finishRun(long runId, RunStatus status, String reason, String error) {
        Objects.requireNonNull(status, "status");
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("finishRun needs a terminal status (FINISHED, FAILED, KILLED, INTERRUPTED), got " + status);
        }
        writer.call(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE runs SET status = ?, status_reason = ?, error_message = ?, "
                    + "ended_at = ? WHERE run_id = ?")) {
                p.setString(1, status.name());
                p.setString(2, reason);
                p.setString(3, error);
                p.setLong(4, System.currentTimeMillis());
                p.setLong(5, runId);
                if (p.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no run " + runId + " in the registry");
                }
            }
            c.commit();
            checkpoint(c);
            String uid = ownedRuns.remove(runId);
            if (uid != null) {
                OwnerProcess.release(uid);
            }
            maintainShare(c);
            return null;
        });
    }

    @Override
    public void flush() {
        writer.flush();
    }

    @Override
    public Optional<RunRecord> findRun(long runId) {
        return writer.call(c -> RunRows.find(c, runId));
    }

    @Override
    public List<RunRecord> listRuns(RunQuery query) {
        Predicate<RunFilter.Row> filter = RunFilter.parse(query == null ? null : query.filter());
        int limit = query == null ? 0 : query.limit();
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (no limit) or positive, got " + limit);
        }
        return writer.call(c -> {
            List<RunRecord> out = new ArrayList<>();
            for (RunFilter.Row row : RunRows.filterRows(c)) {
                if (filter.test(row)) {
                    RunRows.find(c, row.id()).ifPresent(out::add);
                    if (limit > 0 && out.size() >= limit) {
                        break;
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<MetricPoint> metricHistory(long runId, String key) {
        Objects.requireNonNull(key, "key");
        return writer.call(c -> RunRows.history(c, runId, key));
    }

    @Override
    public RunExport exportRun(long runId) {
        return writer.call(c -> {
            RunRecord run = RunRows.find(c, runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId
                    + " in the registry (see 'myelin runs list')"));
            return new RunExport(run, RunRows.history(c, runId, null));
        });
    }

    @Override
    public ImportResult importRun(RunExport export) {
        Objects.requireNonNull(export, "export");
        RunRecord r = export.run();
        requireText(r.uid(), "run uid", 64);
        requireText(r.experiment(), "experiment", 250);
        Objects.requireNonNull(r.status(), "status");
        Objects.requireNonNull(r.startedAt(), "startedAt");
        return writer.call(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT run_id FROM runs WHERE run_uid = ?")) {
                p.setString(1, r.uid());
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        return new ImportResult(r.uid(), rs.getLong(1), false);
                    }
                }
            }
            long experimentId = experimentId(c, r.experiment(), System.currentTimeMillis());
            long heartbeat = r.heartbeatAt() == null ? r.startedAt().toEpochMilli() : r.heartbeatAt().toEpochMilli();
            long runId;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO runs (run_uid, experiment_id, status, status_reason, "
                    + "error_message, parent_run_id, started_at, ended_at, heartbeat_at, lease_until, owner_host, owner_pid, seed, "
                    + "spec_hash, spec_text) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, r.uid());
                p.setLong(2, experimentId);
                p.setString(3, r.status().name());
                p.setString(4, r.statusReason());
                p.setString(5, r.error());
                p.setLong(6, r.startedAt().toEpochMilli());
                setNullableLong(p, 7, r.endedAt() == null ? null : r.endedAt().toEpochMilli());
                p.setLong(8, heartbeat);
                p.setLong(9, heartbeat + LEASE_SECONDS * 1000L);
                p.setString(10, r.ownerHost() == null ? "" : r.ownerHost());
                p.setLong(11, r.ownerPid());
                p.setLong(12, r.seed());
                p.setString(13, r.specHash() == null ? "" : r.specHash());
                p.setString(14, r.specText() == null ? "" : r.specText());
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    runId = keys.getLong(1);
                }
            }
            Map<String, String> tags = new LinkedHashMap<>(r.tags());
            tags.put("myelin.imported_from_id", Long.toString(r.id()));
            if (r.parentRunId() != null) {
                // local ids do not carry across registries; keep the source's for the record
                tags.put("myelin.imported_parent_id", Long.toString(r.parentRunId()));
            }
            insertDetails(c, runId, r.seeds(), r.bundles(), r.inputs());
            for (Map.Entry<String, String> t : tags.entrySet()) {
                RegistryWriter.putTag(c, runId, t.getKey(), t.getValue());
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO params (run_id, param_key, param_value) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> e : r.params().entrySet()) {
                    p.setLong(1, runId);
                    p.setString(2, e.getKey());
                    p.setString(3, e.getValue());
                    p.addBatch();
                }
                p.executeBatch();
            }
            importMetrics(c, runId, export.metrics(), r.latestMetrics());
            long now = System.currentTimeMillis();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO artifacts (run_id, artifact_path, media_type, size_bytes, "
                    + "sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (ArtifactRecord a : r.artifacts()) {
                    p.setLong(1, runId);
                    p.setString(2, a.name());
                    p.setString(3, a.mediaType());
                    p.setLong(4, a.bytes());
                    p.setString(5, a.sha256());
                    p.setLong(6, now);
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
            checkpoint(c);
            return new ImportResult(r.uid(), runId, true);
        });
    }

    private static void importMetrics(Connection c, long runId, List<MetricPoint> points, Map<String, Double> latest)
            throws SQLException {
        Map<String, MetricPoint> last = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO metrics (run_id, metric_key, step, logged_at, metric_value, "
                + "value_kind) VALUES (?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (MetricPoint m : points) {
                p.setLong(1, runId);
                p.setString(2, m.key());
                p.setLong(3, m.step());
                p.setLong(4, m.timestampMillis());
                RegistryWriter.setValue(p, 5, m.value());
                p.setInt(6, MetricValues.kindOf(m.value()));
                p.addBatch();
                if (++n % RegistryWriter.FLUSH_ROWS == 0) {
                    p.executeBatch();
                }
                MetricPoint have = last.get(m.key());
                if (have == null || have.step() <= m.step()) {
                    last.put(m.key(), m);
                }
            }
            p.executeBatch();
        }
        for (MetricPoint m : last.values()) {
            RegistryWriter.putLatest(c, runId, m.key(), m.step(), m.timestampMillis(), m.value());
        }
        for (Map.Entry<String, Double> e : latest.entrySet()) {
            if (!last.containsKey(e.getKey())) {
                RegistryWriter.putLatest(c, runId, e.getKey(), 0, System.currentTimeMillis(), e.getValue());
            }
        }
    }

    @Override
    public List<Long> markInterrupted() {
        return writer.call(c -> {
            long now = System.currentTimeMillis();
            List<Long> dead = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT run_id, run_uid, owner_host, owner_pid, owner_started_at, "
                    + "lease_until FROM runs WHERE status = ?")) {
                p.setString(1, RunStatus.RUNNING.name());
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        if (OwnerProcess.ownedHere(rs.getString(2))) {
                            continue;
                        }
                        long started = rs.getLong(5);
                        Long ownerStart = rs.wasNull() ? null : started;
                        boolean sameHost = OwnerProcess.host().equals(rs.getString(3));
                        boolean leaseExpired = rs.getLong(6) < now;
                        if (leaseExpired || sameHost && !OwnerProcess.alive(rs.getLong(4), ownerStart)) {
                            dead.add(rs.getLong(1));
                        }
                    }
                }
            }
            if (dead.isEmpty()) {
                return dead;
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE runs SET status = ?, status_reason = ?, ended_at = heartbeat_at "
                    + "WHERE run_id = ? AND status = ?")) {
                for (long id : dead) {
                    u.setString(1, RunStatus.INTERRUPTED.name());
                    u.setString(2, OWNER_DIED);
                    u.setLong(3, id);
                    u.setString(4, RunStatus.RUNNING.name());
                    u.addBatch();
                }
                u.executeBatch();
            }
            c.commit();
            checkpoint(c);
            return dead;
        });
    }

    /** Extends the lease of this process's running runs, in its own short transaction. */
    void heartbeat() {
        writer.call(c -> {
            if (!ownedRuns.isEmpty()) {
                long now = System.currentTimeMillis();
                try (PreparedStatement p = c.prepareStatement("UPDATE runs SET heartbeat_at = ?, lease_until = ? "
                        + "WHERE run_id = ? AND status = ?")) {
                    for (long id : ownedRuns.keySet()) {
                        p.setLong(1, now);
                        p.setLong(2, now + LEASE_SECONDS * 1000L);
                        p.setLong(3, id);
                        p.setString(4, RunStatus.RUNNING.name());
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                c.commit();
            }
            maintainShare(c);
            return null;
        });
    }

    /**
     * Shares the embedded file while a run of ours is in progress (or a share client is still
     * connected), and stops sharing otherwise. Runs on the writer thread.
     */
    private void maintainShare(Connection c) throws SQLException {
        if (!connector.holder() || connector.shareMode() != RegistryConnector.Share.LOOPBACK) {
            return;
        }
        LoopbackShare share = connector.loopback();
        if (!ownedRuns.isEmpty() && !share.running()) {
            if (share.start(c)) {
                connector.writeLock();
            }
        } else if (ownedRuns.isEmpty() && share.running() && LoopbackShare.otherSessions(c) == 0) {
            share.stop(c);
            connector.writeLock();
        }
    }

    private void heartbeatQuietly() {
        try {
            heartbeat();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "registry heartbeat failed: {0}", e.getMessage());
        }
    }

    private void sweepQuietly() {
        try {
            List<Long> marked = markInterrupted();
            if (!marked.isEmpty()) {
                LOG.log(Level.INFO, "marked runs {0} INTERRUPTED: their owner process is gone", marked);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "registry sweep failed: {0}", e.getMessage());
        }
    }

    private void checkpoint(Connection c) {
        if (!checkpoints) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            // e.g. an external H2 server where this user is not admin: commits are still durable to its policy
            checkpoints = false;
            LOG.log(Level.WARNING, "CHECKPOINT SYNC not available ({0}); relying on the database's own durability", e.getMessage());
        }
    }

    private Path runDir(long runId) {
        return runsDir.resolve(Long.toString(runId));
    }

    private static long experimentId(Connection c, String name, long now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT experiment_id FROM experiments WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO experiments (name, created_at) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, name);
            p.setLong(2, now);
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertDetails(Connection c, long runId, Map<String, Long> seeds, List<BundleRecord> bundles,
            Map<String, String> inputs) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO seeds (run_id, stream_name, seed) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Long> s : seeds.entrySet()) {
                p.setLong(1, runId);
                p.setString(2, s.getKey());
                p.setLong(3, s.getValue());
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO bundles (run_id, ordinal, symbolic_name, version, sha256) "
                + "VALUES (?, ?, ?, ?, ?)")) {
            int i = 0;
            for (BundleRecord b : bundles) {
                p.setLong(1, runId);
                p.setInt(2, i++);
                p.setString(3, b.symbolicName());
                p.setString(4, b.version());
                p.setString(5, b.sha256() == null ? "" : b.sha256());
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO inputs (run_id, input_name, sha256) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> e : inputs.entrySet()) {
                p.setLong(1, runId);
                p.setString(2, e.getKey());
                p.setString(3, e.getValue());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private static void upsert(Connection c, String update, String insert, String value, long runId, String key)
            throws SQLException {
        try (PreparedStatement u = c.prepareStatement(update)) {
            u.setString(1, value);
            u.setLong(2, runId);
            u.setString(3, key);
            if (u.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement i = c.prepareStatement(insert)) {
            i.setString(1, value);
            i.setLong(2, runId);
            i.setString(3, key);
            i.executeUpdate();
        }
    }

    private static void requireRun(Connection c, long runId) throws SQLException {
        if (!RunRows.exists(c, runId)) {
            throw new IllegalArgumentException("no run " + runId + " in the registry (see 'myelin runs list')");
        }
    }

    private static void setNullableLong(PreparedStatement p, int index, Long v) throws SQLException {
        if (v == null) {
            p.setNull(index, java.sql.Types.BIGINT);
        } else {
            p.setLong(index, v);
        }
    }

    private static void requireText(String s, String what, int max) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (s.length() > max) {
            throw new IllegalArgumentException(what + " '" + s.substring(0, 40) + "...' is " + s.length()
                    + " characters long; at most " + max + " are allowed");
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // failing open: the original error matters
            }
        }
    }

    /**
     * Stops the heartbeat, commits what is enqueued, marks this instance's still-running runs
     * INTERRUPTED ({@code registry-stopped}), stops sharing and, for the embedded file, runs
     * {@code SHUTDOWN} (not left to H2's JVM shutdown hook, which lives in a bundle that may
     * already be gone).
     */
    @Override
    public void close() {
        timer.shutdownNow();
        writer.close(c -> {
            if (!ownedRuns.isEmpty()) {
                try (PreparedStatement p = c.prepareStatement("UPDATE runs SET status = ?, status_reason = ?, ended_at = ? "
                        + "WHERE run_id = ? AND status = ?")) {
                    for (long id : ownedRuns.keySet()) {
                        p.setString(1, RunStatus.INTERRUPTED.name());
                        p.setString(2, "registry-stopped");
                        p.setLong(3, System.currentTimeMillis());
                        p.setLong(4, id);
                        p.setString(5, RunStatus.RUNNING.name());
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                c.commit();
                ownedRuns.values().forEach(OwnerProcess::release);
                ownedRuns.clear();
            }
            if (connector.holder()) {
                connector.loopback().stop(null);
                try (Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
            return null;
        });
        connector.release();
    }
}
