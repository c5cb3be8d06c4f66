package org.myelin.runtime.internal.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.myelin.api.InvalidInputException;
import org.myelin.api.registry.BundleRecord;
import org.myelin.api.registry.MetricPoint;
import org.myelin.api.registry.RunExport;
import org.myelin.api.registry.RunRecord;
import org.myelin.api.registry.RunStatus;
import org.myelin.api.run.ArtifactRecord;

/**
 * Converts runs to and from the plain maps written as JSON by {@code runs show --json} and
 * {@code runs export}. Non-finite metric values are written as the strings NaN, Infinity, -Infinity.
 */
final class RunJson {

    private RunJson() {
    }

    static Map<String, Object> toMap(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("uid", r.uid());
        m.put("experiment", r.experiment());
        m.put("status", r.status().name());
        m.put("status_reason", r.statusReason());
        m.put("error", r.error());
        m.put("parent_run_id", r.parentRunId());
        m.put("started_at", str(r.startedAt()));
        m.put("ended_at", str(r.endedAt()));
        m.put("heartbeat_at", str(r.heartbeatAt()));
        m.put("owner_host", r.ownerHost());
        m.put("owner_pid", r.ownerPid());
        m.put("seed", r.seed());
        m.put("seeds", r.seeds());
        m.put("spec_hash", r.specHash());
        m.put("params", r.params());
        m.put("metrics", r.latestMetrics());
        m.put("tags", r.tags());
        m.put("inputs", r.inputs());
        List<Object> bundles = new ArrayList<>();
        for (BundleRecord b : r.bundles()) {
            bundles.add(Map.of("symbolic_name", b.symbolicName(), "version", b.version(), "sha256", b.sha256()));
        }
        m.put("bundles", bundles);
        List<Object> artifacts = new ArrayList<>();
        for (ArtifactRecord a : r.artifacts()) {
            artifacts.add(Map.of("name", a.name(), "media_type", a.mediaType(), "bytes", a.bytes(), "sha256", a.sha256()));
        }
        m.put("artifacts", artifacts);
        m.put("spec", r.specText());
        return m;
    }

    static Map<String, Object> toMap(RunExport e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", toMap(e.run()));
        List<Object> metrics = new ArrayList<>(e.metrics().size());
        for (MetricPoint p : e.metrics()) {
            List<Object> row = new ArrayList<>(4);
            row.add(p.key());
            row.add(p.step());
            row.add(p.timestampMillis());
            row.add(p.value());
            metrics.add(row);
        }
        m.put("metric_columns", List.of("key", "step", "timestamp_ms", "value"));
        m.put("metrics", metrics);
        return m;
    }

    @SuppressWarnings("unchecked")
    static RunExport fromMap(Object o, String where) {
        try {
            Map<String, Object> m = (Map<String, Object>) o;
            Map<String, Object> r = (Map<String, Object>) m.get("run");
            List<MetricPoint> metrics = new ArrayList<>();
            for (Object row : (List<Object>) m.getOrDefault("metrics", List.of())) {
                List<Object> l = (List<Object>) row;
                metrics.add(new MetricPoint((String) l.get(0), num(l.get(1)).longValue(), num(l.get(2)).longValue(), dbl(l.get(3))));
            }
            List<BundleRecord> bundles = new ArrayList<>();
            for (Object b : (List<Object>) r.getOrDefault("bundles", List.of())) {
                Map<String, Object> bm = (Map<String, Object>) b;
                bundles.add(new BundleRecord((String) bm.get("symbolic_name"), (String) bm.get("version"), (String) bm.get("sha256")));
            }
            List<ArtifactRecord> artifacts = new ArrayList<>();
            for (Object a : (List<Object>) r.getOrDefault("artifacts", List.of())) {
                Map<String, Object> am = (Map<String, Object>) a;
                artifacts.add(new ArtifactRecord((String) am.get("name"), (String) am.get("media_type"), num(am.get("bytes")).longValue(),
                        (String) am.get("sha256")));
            }
            Map<String, Long> seeds = new LinkedHashMap<>();
            ((Map<String, Object>) r.getOrDefault("seeds", Map.of())).forEach((k, v) -> seeds.put(k, num(v).longValue()));
            Map<String, Double> latest = new LinkedHashMap<>();
            ((Map<String, Object>) r.getOrDefault("metrics", Map.of())).forEach((k, v) -> latest.put(k, dbl(v)));
            RunRecord rec = new RunRecord(num(r.get("id")).longValue(), (String) r.get("uid"), (String) r.get("experiment"),
                    RunStatus.valueOf((String) r.get("status")), (String) r.get("status_reason"), (String) r.get("error"),
                    r.get("parent_run_id") == null ? null : num(r.get("parent_run_id")).longValue(), inst(r.get("started_at")),
                    inst(r.get("ended_at")), inst(r.get("heartbeat_at")), (String) r.get("owner_host"), num(r.get("owner_pid")).longValue(),
                    num(r.get("seed")).longValue(), seeds, (String) r.get("spec_hash"), (String) r.get("spec"),
                    strMap(r.get("params")), latest, strMap(r.get("tags")), strMap(r.get("inputs")), bundles, artifacts);
            if (rec.uid() == null || rec.uid().isBlank()) {
                throw new IllegalArgumentException("run.uid is missing");
            }
            return new RunExport(rec, metrics);
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new InvalidInputException(where, "not a run exported by 'myelin runs export': " + e.getMessage(),
                    "export runs with 'myelin runs export --out FILE' and import that file");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> strMap(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o != null) {
            ((Map<String, Object>) o).forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
        }
        return out;
    }

    private static Number num(Object o) {
        if (o instanceof Number) {
            return (Number) o;
        }
        return Long.parseLong(String.valueOf(o));
    }

    private static double dbl(Object o) {
        if (o instanceof Number) {
            return ((Number) o).doubleValue();
        }
        return Double.parseDouble(String.valueOf(o));
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }

    private static Instant inst(Object o) {
        return o == null ? null : Instant.parse(o.toString());
    }
}
