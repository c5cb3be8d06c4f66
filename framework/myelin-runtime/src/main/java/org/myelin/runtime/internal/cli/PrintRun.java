package org.myelin.runtime.internal.cli;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

import org.myelin.api.registry.BundleRecord;
import org.myelin.api.registry.RunRecord;
import org.myelin.api.run.ArtifactRecord;

/** The human view of {@code myelin runs show}. */
final class PrintRun {

    private PrintRun() {
    }

    static void print(RunRecord r, PrintStream out) {
        out.println("run " + r.id() + "  " + r.status() + (r.statusReason() == null ? "" : " (" + r.statusReason() + ")"));
        out.println("  uid          " + r.uid());
        out.println("  experiment   " + r.experiment());
        out.println("  started      " + r.startedAt());
        out.println("  ended        " + (r.endedAt() == null ? "-" : r.endedAt()));
        out.println("  owner        pid " + r.ownerPid() + " on " + r.ownerHost());
        out.println("  seed         " + r.seed() + "  streams " + r.seeds());
        out.println("  spec hash    " + r.specHash());
        if (r.error() != null) {
            out.println("  error        " + r.error());
        }
        out.println("metrics (latest)");
        String metricRow = row(r.latestMetrics().keySet());
        r.latestMetrics().forEach((k, v) -> out.println(String.format(Locale.ROOT, metricRow, k,
                Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : Double.toString(v))));
        out.println("params");
        section(r.params(), out);
        if (!r.tags().isEmpty()) {
            out.println("tags");
            section(r.tags(), out);
        }
        if (!r.inputs().isEmpty()) {
            out.println("inputs (sha256)");
            section(r.inputs(), out);
        }
        if (!r.artifacts().isEmpty()) {
            out.println("artifacts");
            int width = r.artifacts().stream().mapToInt(a -> a.name().length()).max().orElse(0);
            for (ArtifactRecord a : r.artifacts()) {
                out.println(String.format(Locale.ROOT, "  %-" + width + "s  %10d bytes  %s", a.name(), a.bytes(), a.sha256()));
            }
        }
        out.println("bundles");
        for (BundleRecord b : r.bundles()) {
            out.println(String.format(Locale.ROOT, "  %-40s %-28s %s", b.symbolicName(), b.version(),
                    b.sha256().isEmpty() ? "-" : b.sha256().substring(0, Math.min(16, b.sha256().length()))));
        }
    }

    /** A key/value section with the values in one column, however long the keys. */
    private static void section(Map<String, String> values, PrintStream out) {
        String format = row(values.keySet());
        values.forEach((k, v) -> out.println(String.format(Locale.ROOT, format, k, v)));
    }

    private static String row(Collection<String> keys) {
        int width = Math.max(12, keys.stream().mapToInt(String::length).max().orElse(0));
        return "  %-" + width + "s  %s";
    }
}
