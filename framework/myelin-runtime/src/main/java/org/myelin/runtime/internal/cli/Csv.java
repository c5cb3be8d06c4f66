package org.myelin.runtime.internal.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.myelin.api.registry.RunRecord;

/** CSV export: one row per run, columns for status, seed, every param and every latest metric. */
final class Csv {

    private Csv() {
    }

    static String runs(List<RunRecord> runs) {
        TreeSet<String> params = new TreeSet<>();
        TreeSet<String> metrics = new TreeSet<>();
        for (RunRecord r : runs) {
            params.addAll(r.params().keySet());
            metrics.addAll(r.latestMetrics().keySet());
        }
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("id", "uid", "experiment", "status", "started_at", "ended_at", "seed", "spec_hash"));
        params.forEach(p -> header.add("params." + p));
        metrics.forEach(m -> header.add("metrics." + m));
        line(sb, header);
        for (RunRecord r : runs) {
            List<String> row = new ArrayList<>(List.of(Long.toString(r.id()), r.uid(), r.experiment(), r.status().name(),
                    String.valueOf(r.startedAt()), r.endedAt() == null ? "" : r.endedAt().toString(), Long.toString(r.seed()), r.specHash()));
            params.forEach(p -> row.add(r.params().getOrDefault(p, "")));
            metrics.forEach(m -> row.add(r.latestMetrics().containsKey(m) ? Double.toString(r.latestMetrics().get(m)) : ""));
            line(sb, row);
        }
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        sb.append('\n');
    }
}
