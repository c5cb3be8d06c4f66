package org.myelin.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.api.registry.ImportResult;
import org.myelin.api.registry.MetricPoint;
import org.myelin.api.registry.RunExport;
import org.myelin.api.registry.RunQuery;
import org.myelin.api.registry.RunRecord;
import org.myelin.api.registry.RunStatus;
import org.myelin.api.run.ArtifactRecord;
import org.myelin.api.run.ArtifactStore;

class SqlRegistryTest {

    @TempDir
    Path data;

    private SqlRegistry registry;

    @BeforeEach
    void open() {
        registry = Registries.embedded(data);
    }

    @AfterEach
    void close() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void startRunRecordsSpecSeedsBundlesTagsAndOwner() {
        RunRecord r = registry.startRun(Registries.start("exp-a"));
        assertEquals(1, r.id());
        assertEquals(RunStatus.RUNNING, r.status());
        assertEquals("exp-a", r.experiment());
        assertEquals(36, r.uid().length());
        assertEquals(42L, r.seed());
        assertEquals(Map.of("data", 7L, "init", 8L), r.seeds());
        assertEquals("myelin-api", r.bundles().get(0).symbolicName());
        assertEquals("cd".repeat(32), r.bundles().get(0).sha256());
        assertEquals("test", r.tags().get("purpose"));
        assertEquals(ProcessHandle.current().pid(), r.ownerPid());
        assertEquals("{\"experiment\":\"exp-a\"}", r.specText());
        assertTrue(Files.isDirectory(data.resolve("runs/1")));
        assertEquals("embedded", registry.info().access());
        assertEquals(1, registry.info().schemaVersion());
        assertTrue(registry.info().database().startsWith("H2 2.4.240"), registry.info().database());
    }

    @Test
    void paramsAreWriteOnce() {
        long id = registry.startRun(Registries.start("e")).id();
        registry.logParams(id, Map.of("lr", "0.001", "epochs", "10"));
        registry.logParams(id, Map.of("lr", "0.001"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> registry.logParams(id, Map.of("lr", "0.01")));
        assertTrue(e.getMessage().contains("'lr'") && e.getMessage().contains("'0.001'") && e.getMessage().contains("'0.01'"),
                e.getMessage());
        assertEquals(Map.of("lr", "0.001", "epochs", "10"), registry.findRun(id).orElseThrow().params());
    }

    @Test
    void nanAndInfinitiesRoundTripAndLatestIsHighestStep() {
        long id = registry.startRun(Registries.start("e")).id();
        registry.logMetrics(id, 2, Map.of("loss", Double.NaN, "up", Double.POSITIVE_INFINITY, "down", Double.NEGATIVE_INFINITY));
        registry.logMetrics(id, 1, Map.of("loss", 0.5));
        registry.logMetrics(id, 0, Map.of("acc", 0.25));
        registry.logMetrics(id, 3, Map.of("acc", 0.75));
        registry.flush();
        List<MetricPoint> loss = registry.metricHistory(id, "loss");
        assertEquals(List.of(1L, 2L), loss.stream().map(MetricPoint::step).collect(Collectors.toList()));
        assertEquals(0.5, loss.get(0).value());
        assertTrue(Double.isNaN(loss.get(1).value()));
        Map<String, Double> latest = registry.findRun(id).orElseThrow().latestMetrics();
        assertTrue(Double.isNaN(latest.get("loss")), "latest loss is the step-2 NaN");
        assertEquals(Double.POSITIVE_INFINITY, latest.get("up"));
        assertEquals(Double.NEGATIVE_INFINITY, latest.get("down"));
        assertEquals(0.75, latest.get("acc"));
    }

    @Test
    void historyIsOrderedByStepThenTime() throws Exception {
        long id = registry.startRun(Registries.start("e")).id();
        for (int step : new int[] {5, 1, 3}) {
            registry.logMetrics(id, step, Map.of("x", (double) step));
        }
        registry.logMetrics(id, 3, Map.of("x", 33.0));
        registry.flush();
        List<MetricPoint> h = registry.metricHistory(id, "x");
        assertEquals(List.of(1.0, 3.0, 33.0, 5.0), h.stream().map(MetricPoint::value).collect(Collectors.toList()));
        assertTrue(h.get(1).timestampMillis() <= h.get(2).timestampMillis());
        assertEquals(5.0, registry.findRun(id).orElseThrow().latestMetrics().get("x"));
    }

    @Test
    void flushCommitsManyStepsInBatchesAndTagsLastWriterWins() throws Exception {
        long id = registry.startRun(Registries.start("e")).id();
        long t0 = System.nanoTime();
        int steps = 4_000;
        for (int s = 0; s < steps; s++) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (int k = 0; k < 5; k++) {
                m.put("m" + k, s + k / 10.0);
            }
            registry.logMetrics(id, s, m);
        }
        registry.setTag(id, "phase", "one");
        registry.setTag(id, "phase", "two");
        registry.flush();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("registry writer: %d metric rows committed in %.2f s (%.0f rows/s)%n", steps * 5, seconds,
                steps * 5 / seconds);
        assertEquals(steps, registry.metricHistory(id, "m3").size());
        assertEquals(steps - 1 + 0.3, registry.findRun(id).orElseThrow().latestMetrics().get("m3"), 1e-9);
        assertEquals("two", registry.findRun(id).orElseThrow().tags().get("phase"));
        assertEquals(steps * 5L, registry.committedMetricRows());
    }

    @Test
    void metricsOfAnUnknownRunAreReportedAtFlushWithoutLosingOthers() {
        long id = registry.startRun(Registries.start("e")).id();
        registry.logMetrics(id, 0, Map.of("ok", 1.0));
        registry.logMetrics(999, 0, Map.of("lost", 1.0));
        IllegalStateException e = assertThrows(IllegalStateException.class, registry::flush);
        assertTrue(e.getMessage().contains("run 999"), e.getMessage());
        assertEquals(1, registry.metricHistory(id, "ok").size());
        registry.flush();
    }

    @Test
    void finishRunRecordsStatusReasonAndEnd() {
        long id = registry.startRun(Registries.start("e")).id();
        registry.finishRun(id, RunStatus.FAILED, "error", "java.lang.IllegalStateException: boom");
        RunRecord r = registry.findRun(id).orElseThrow();
        assertEquals(RunStatus.FAILED, r.status());
        assertEquals("error", r.statusReason());
        assertEquals("java.lang.IllegalStateException: boom", r.error());
        assertNotNull(r.endedAt());
        assertThrows(IllegalArgumentException.class, () -> registry.finishRun(id, RunStatus.RUNNING, null, null));
        assertThrows(IllegalArgumentException.class, () -> registry.finishRun(77, RunStatus.FINISHED, null, null));
    }

    @Test
    void filterLanguageSelectsRuns() {
        long a = registry.startRun(Registries.start("alpha")).id();
        long b = registry.startRun(Registries.start("beta")).id();
        long c = registry.startRun(Registries.start("alpha")).id();
        registry.logParams(a, Map.of("lr", "0.001"));
        registry.logParams(b, Map.of("lr", "0.01"));
        registry.logParams(c, Map.of("lr", "0.1"));
        registry.logMetrics(a, 1, Map.of("acc", 0.9));
        registry.logMetrics(b, 1, Map.of("acc", 0.8));
        registry.logMetrics(c, 1, Map.of("acc", Double.NaN));
        registry.setTag(b, "kind", "baseline");
        registry.finishRun(a, RunStatus.FINISHED, null, null);
        registry.finishRun(b, RunStatus.FAILED, "error", "x");
        registry.flush();
        assertEquals(List.of(c, b, a), ids("", 0));
        assertEquals(List.of(c), ids("", 1));
        assertEquals(List.of(b, a), ids("status IN (FINISHED, failed)", 0));
        assertEquals(List.of(a), ids("status = FINISHED AND metrics.acc >= 0.85", 0));
        assertEquals(List.of(b, a), ids("metrics.acc > 0.5 AND (experiment = alpha OR tags.kind = 'baseline')", 0));
        assertEquals(List.of(c, a), ids("experiment = alpha AND (metrics.acc != 0.8 OR id = 2)", 0));
        assertEquals(List.of(b), ids("params.lr > 0.005 and params.lr < 0.05", 0));
        assertEquals(List.of(c, b), ids("id IN (2, 3)", 0));
        assertEquals(List.of(c), ids("status = RUNNING OR id = 99", 0));
        assertEquals(List.of(), ids("tags.missing = x", 0));
    }

    @Test
    void badFilterNamesThePosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.listRuns(new RunQuery("status = FINISHED AND", 0)));
        assertTrue(e.getMessage().contains("position 22"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> registry.listRuns(new RunQuery("colour = red", 0)));
        assertTrue(e.getMessage().contains("position 1") && e.getMessage().contains("unknown field 'colour'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> registry.listRuns(new RunQuery("status = DONE", 0)));
        assertTrue(e.getMessage().contains("position 10") && e.getMessage().contains("unknown status"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> registry.listRuns(new RunQuery("(id = 1 OR id = 2", 0)));
        assertTrue(e.getMessage().contains("position 18") && e.getMessage().contains("')'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> registry.listRuns(new RunQuery("id IN (1 2)", 0)));
        assertTrue(e.getMessage().contains("position 10"), e.getMessage());
    }

    @Test
    void artifactsAreHashedAndCannotEscapeTheRunFolder() throws Exception {
        long id = registry.startRun(Registries.start("e")).id();
        ArtifactStore store = registry.artifacts(id);
        byte[] content = "weights".getBytes(StandardCharsets.UTF_8);
        ArtifactRecord rec = store.write("weights/best.npy", "application/x-npy", out -> out.write(content));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertEquals(new ArtifactRecord("weights/best.npy", "application/x-npy", 7, expected), rec);
        assertEquals(List.of(rec), registry.findRun(id).orElseThrow().artifacts());
        assertEquals(List.of(rec), store.list());
        try (InputStream in = store.open("weights/best.npy")) {
            assertEquals("weights", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(Files.exists(data.resolve("runs/" + id + "/weights/best.npy")));
        for (String bad : List.of("../escape.txt", "a/../../escape.txt", "/etc/passwd", "a\\b", "a//b", "x\0y", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store.write(bad, "text/plain", out -> out.write(1)), bad);
            assertTrue(e.getMessage().contains("run folder") || e.getMessage().contains("empty"), e.getMessage());
        }
        Path outside = Files.createDirectories(data.resolve("outside"));
        Files.createSymbolicLink(data.resolve("runs/" + id + "/link"), outside);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.write("link/evil.txt", "text/plain", out -> out.write(1)));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertFalse(Files.exists(outside.resolve("evil.txt")));
        assertEquals(1, store.list().size());
        assertThrows(IOException.class, () -> store.open("missing.txt"));
    }

    @Test
    void markInterruptedCatchesADeadOwnerAndKeepsItsMetrics() throws Exception {
        long id = registry.startRun(Registries.start("e")).id();
        long mine = registry.startRun(Registries.start("e")).id();
        registry.logMetrics(id, 1, Map.of("loss", 0.3));
        registry.flush();
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long deadPid = p.pid();
        try (Connection c = Registries.H2.create(connectorUrl(), RegistryConnector.EMBEDDED_USER, "").getConnection();
                Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE runs SET owner_pid = " + deadPid + ", owner_started_at = NULL WHERE run_id = " + id));
        }
        OwnerProcess.release(registry.findRun(id).orElseThrow().uid());
        assertEquals(List.of(id), registry.markInterrupted());
        RunRecord r = registry.findRun(id).orElseThrow();
        assertEquals(RunStatus.INTERRUPTED, r.status());
        assertEquals("owner-died", r.statusReason());
        assertNotNull(r.endedAt());
        assertEquals(0.3, r.latestMetrics().get("loss"));
        assertEquals(1, registry.metricHistory(id, "loss").size());
        assertEquals(RunStatus.RUNNING, registry.findRun(mine).orElseThrow().status());
        assertEquals(List.of(), registry.markInterrupted());
    }

    @Test
    void expiredLeaseOnAnotherHostIsInterrupted() throws Exception {
        long id = registry.startRun(Registries.start("e")).id();
        try (Connection c = Registries.H2.create(connectorUrl(), RegistryConnector.EMBEDDED_USER, "").getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE runs SET owner_host = 'elsewhere', lease_until = 1 WHERE run_id = " + id);
        }
        OwnerProcess.release(registry.findRun(id).orElseThrow().uid());
        assertEquals(List.of(id), registry.markInterrupted());
    }

    @Test
    void heartbeatExtendsTheLease() throws Exception {
        long id = registry.startRun(Registries.start("e")).id();
        long before = registry.findRun(id).orElseThrow().heartbeatAt().toEpochMilli();
        Thread.sleep(20);
        registry.heartbeat();
        assertTrue(registry.findRun(id).orElseThrow().heartbeatAt().toEpochMilli() > before);
    }

    @Test
    void exportThenImportIsIdempotentByUid(@TempDir Path other) {
        long id = registry.startRun(Registries.start("e")).id();
        registry.logParams(id, Map.of("lr", "0.5"));
        registry.logMetrics(id, 0, Map.of("loss", 1.0));
        registry.logMetrics(id, 1, Map.of("loss", Double.NaN));
        registry.recordInputs(id, Map.of("train.h5", "ef".repeat(32)));
        registry.finishRun(id, RunStatus.FINISHED, null, null);
        registry.flush();
        RunExport export = registry.exportRun(id);
        assertEquals(2, export.metrics().size());
        SqlRegistry target = Registries.embedded(other);
        try {
            target.startRun(Registries.start("local"));
            ImportResult first = target.importRun(export);
            assertTrue(first.created());
            assertEquals(2, first.localId());
            ImportResult again = target.importRun(export);
            assertFalse(again.created());
            assertEquals(first.localId(), again.localId());
            assertEquals(2, target.listRuns(RunQuery.all()).size());
            RunRecord imported = target.findRun(first.localId()).orElseThrow();
            assertEquals(export.run().uid(), imported.uid());
            assertEquals(RunStatus.FINISHED, imported.status());
            assertEquals(Map.of("lr", "0.5"), imported.params());
            assertEquals(Map.of("train.h5", "ef".repeat(32)), imported.inputs());
            assertEquals(export.run().seeds(), imported.seeds());
            assertEquals(export.run().bundles(), imported.bundles());
            assertEquals(export.run().specHash(), imported.specHash());
            assertEquals(Long.toString(id), imported.tags().get("myelin.imported_from_id"));
            assertTrue(Double.isNaN(imported.latestMetrics().get("loss")));
            assertEquals(export.metrics(), target.exportRun(first.localId()).metrics());
            assertEquals(0, registry.importRun(export).localId() - id, "importing into the source finds the run itself");
        } finally {
            target.close();
        }
    }

    @Test
    void existingDatabaseReopensWithItsRunsAndIsNotMigratedAgain() throws Exception {
        long id = registry.startRun(Registries.start("e")).id();
        registry.logMetrics(id, 0, Map.of("loss", 2.0));
        registry.finishRun(id, RunStatus.FINISHED, null, null);
        registry.close();
        registry = Registries.embedded(data);
        assertEquals(1, registry.info().schemaVersion());
        assertEquals(2.0, registry.findRun(id).orElseThrow().latestMetrics().get("loss"));
        try (Connection c = Registries.H2.create(connectorUrl(), RegistryConnector.EMBEDDED_USER, "").getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM schema_history")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT meta_value FROM meta WHERE meta_key = 'database_version'")) {
                rs.next();
                assertEquals("H2 2.4.240", rs.getString(1));
            }
        }
    }

    @Test
    void closingMarksOwnRunningRunsAndReleasesTheLock() {
        long id = registry.startRun(Registries.start("e")).id();
        registry.close();
        assertFalse(Files.exists(data.resolve("registry/registry.lock.json")));
        registry = Registries.embedded(data);
        RunRecord r = registry.findRun(id).orElseThrow();
        assertEquals(RunStatus.INTERRUPTED, r.status());
        assertEquals("registry-stopped", r.statusReason());
        assertNull(registry.findRun(99).orElse(null));
    }

    private List<Long> ids(String filter, int limit) {
        return registry.listRuns(new RunQuery(filter, limit)).stream().map(RunRecord::id).collect(Collectors.toList());
    }

    private String connectorUrl() {
        return "jdbc:h2:file:" + data.resolve("registry/registry") + ";WRITE_DELAY=0";
    }
}
