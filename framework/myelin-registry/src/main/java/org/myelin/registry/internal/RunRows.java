package org.myelin.registry.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.myelin.api.registry.BundleRecord;
import org.myelin.api.registry.MetricPoint;
import org.myelin.api.registry.RunRecord;
import org.myelin.api.registry.RunStatus;
import org.myelin.api.run.ArtifactRecord;

/** Reads runs, their metrics and their filter rows from the schema (portable SQL). */
final class RunRows {

    private static final String RUN_COLUMNS = "r.run_id, r.run_uid, e.name, r.status, r.status_reason, r.error_message, "
            + "r.parent_run_id, r.started_at, r.ended_at, r.heartbeat_at, r.owner_host, r.owner_pid, r.seed, r.spec_hash, "
            + "r.spec_text FROM runs r JOIN experiments e ON e.experiment_id = r.experiment_id";

    private RunRows() {
    }

    static Optional<RunRecord> find(Connection c, long runId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + RUN_COLUMNS + " WHERE r.run_id = ?")) {
            p.setLong(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Long parent = rs.getLong(7);
                if (rs.wasNull()) {
                    parent = null;
                }
                long ended = rs.getLong(9);
                Instant endedAt = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
                return Optional.of(new RunRecord(rs.getLong(1), rs.getString(2), rs.getString(3), RunStatus.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6), parent, Instant.ofEpochMilli(rs.getLong(8)), endedAt,
                        Instant.ofEpochMilli(rs.getLong(10)), rs.getString(11), rs.getLong(12), rs.getLong(13),
                        seeds(c, runId), rs.getString(14), rs.getString(15),
                        strings(c, "SELECT param_key, param_value FROM params WHERE run_id = ? ORDER BY param_key", runId),
                        latest(c, runId),
                        strings(c, "SELECT tag_key, tag_value FROM tags WHERE run_id = ? ORDER BY tag_key", runId),
                        strings(c, "SELECT input_name, sha256 FROM inputs WHERE run_id = ? ORDER BY input_name", runId),
                        bundles(c, runId), artifacts(c, runId)));
            }
        }
    }

    static boolean exists(Connection c, long runId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM runs WHERE run_id = ?")) {
            p.setLong(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** @return the filter rows of every run, newest first */
    static List<RunFilter.Row> filterRows(Connection c) throws SQLException {
        Map<Long, Map<String, String>> params = grouped(c, "SELECT run_id, param_key, param_value FROM params");
        Map<Long, Map<String, String>> tags = grouped(c, "SELECT run_id, tag_key, tag_value FROM tags");
        Map<Long, Map<String, Double>> metrics = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT run_id, metric_key, metric_value, value_kind FROM latest_metrics");
                ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                metrics.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2),
                        MetricValues.valueOf(rs.getInt(4), rs.getDouble(3)));
            }
        }
        List<RunFilter.Row> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT r.run_id, r.status, e.name FROM runs r JOIN experiments e "
                + "ON e.experiment_id = r.experiment_id ORDER BY r.started_at DESC, r.run_id DESC");
                ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                out.add(new RunFilter.Row(id, rs.getString(2), rs.getString(3), params.getOrDefault(id, Map.of()),
                        metrics.getOrDefault(id, Map.of()), tags.getOrDefault(id, Map.of())));
            }
        }
        return out;
    }

    static List<MetricPoint> history(Connection c, long runId, String key) throws SQLException {
        String sql = "SELECT metric_key, step, logged_at, metric_value, value_kind FROM metrics WHERE run_id = ?"
                + (key == null ? "" : " AND metric_key = ?") + " ORDER BY step, logged_at, metric_id";
        List<MetricPoint> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, runId);
            if (key != null) {
                p.setString(2, key);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new MetricPoint(rs.getString(1), rs.getLong(2), rs.getLong(3),
                            MetricValues.valueOf(rs.getInt(5), rs.getDouble(4))));
                }
            }
        }
        return out;
    }

    static List<ArtifactRecord> artifacts(Connection c, long runId) throws SQLException {
        List<ArtifactRecord> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT artifact_path, media_type, size_bytes, sha256 FROM artifacts "
                + "WHERE run_id = ? ORDER BY artifact_path")) {
            p.setLong(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new ArtifactRecord(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static Map<String, Long> seeds(Connection c, long runId) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT stream_name, seed FROM seeds WHERE run_id = ? ORDER BY stream_name")) {
            p.setLong(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Double> latest(Connection c, long runId) throws SQLException {
        Map<String, Double> out = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT metric_key, metric_value, value_kind FROM latest_metrics "
                + "WHERE run_id = ? ORDER BY metric_key")) {
            p.setLong(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), MetricValues.valueOf(rs.getInt(3), rs.getDouble(2)));
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static List<BundleRecord> bundles(Connection c, long runId) throws SQLException {
        List<BundleRecord> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT symbolic_name, version, sha256 FROM bundles WHERE run_id = ? "
                + "ORDER BY ordinal")) {
            p.setLong(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new BundleRecord(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static Map<String, String> strings(Connection c, String sql, long runId) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<Long, Map<String, String>> grouped(Connection c, String sql) throws SQLException {
        Map<Long, Map<String, String>> out = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        return out;
    }
}
