package org.myelin.runtime.internal.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.myelin.api.InvalidInputException;
import org.myelin.api.registry.ExperimentRegistry;
import org.myelin.api.registry.ImportResult;
import org.myelin.api.registry.RunQuery;
import org.myelin.api.registry.RunRecord;
import org.myelin.runtime.internal.json.JsonOut;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** {@code myelin runs list|show|compare|export|import}. */
final class RunsCommand {

    static final String USAGE = String.join("\n",
            "myelin runs list [--filter EXPR] [--limit N] [--json]",
            "myelin runs show ID [--json]",
            "myelin runs compare ID ID... [--json]",
            "myelin runs export [ID...] [--filter EXPR] [--format json|csv] [--out FILE]",
            "myelin runs import FILE");

    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("json").desc("print JSON").get());
        o.addOption(Option.builder().longOpt("filter").hasArg().argName("EXPR")
                .desc("e.g. \"status IN (FINISHED, FAILED) AND metrics.test_accuracy >= 0.85\"").get());
        o.addOption(Option.builder().longOpt("limit").hasArg().argName("N").desc("at most N runs, newest first").get());
        o.addOption(Option.builder().longOpt("format").hasArg().argName("json|csv").desc("export format (default json)").get());
        o.addOption(Option.builder().longOpt("out").hasArg().argName("FILE").desc("write the export to FILE instead of stdout").get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        return o;
    }

    static int run(Host host, CommandLine cl, Io io) throws IOException {
        List<String> args = cl.getArgList();
        if (args.isEmpty()) {
            throw new UsageException("runs needs a sub-command; usage:\n" + USAGE);
        }
        String sub = args.get(0);
        List<String> rest = args.subList(1, args.size());
        ExperimentRegistry registry = host.registry();
        switch (sub) {
            case "list":
                return list(registry, cl, io);
            case "show":
                if (rest.size() != 1) {
                    throw new UsageException("runs show takes one run id; usage: myelin runs show ID [--json]");
                }
                return show(registry, id(rest.get(0)), cl.hasOption("json"), io);
            case "compare":
                if (rest.size() < 2) {
                    throw new UsageException("runs compare needs at least two run ids; usage: myelin runs compare ID ID... [--json]");
                }
                return compare(registry, rest, cl.hasOption("json"), io);
            case "export":
                return export(registry, rest, cl, io);
            case "import":
                if (rest.size() != 1) {
                    throw new UsageException("runs import takes one file; usage: myelin runs import FILE");
                }
                return importRuns(registry, Path.of(rest.get(0)), cl.hasOption("json"), io);
            default:
                throw new UsageException("unknown runs sub-command '" + sub + "'; usage:\n" + USAGE);
        }
    }

    private static long id(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("a run id is a number, got '" + s + "' (see 'myelin runs list')");
        }
    }

    private static RunRecord find(ExperimentRegistry registry, long id) {
        return registry.findRun(id).orElseThrow(() -> new InvalidInputException("run " + id, "no such run",
                "see 'myelin runs list' for the ids"));
    }

    private static List<RunRecord> query(ExperimentRegistry registry, CommandLine cl) {
        int limit = cl.hasOption("limit") ? (int) RunCommand.parseLong(cl.getOptionValue("limit"), "--limit") : 0;
        try {
            return registry.listRuns(new RunQuery(cl.getOptionValue("filter"), limit));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--filter", e.getMessage(),
                    "e.g. --filter \"status = FINISHED AND metrics.test_accuracy > 0.8\"");
        }
    }

    private static int list(ExperimentRegistry registry, CommandLine cl, Io io) {
        List<RunRecord> runs = query(registry, cl);
        if (cl.hasOption("json")) {
            List<Object> out = new ArrayList<>();
            for (RunRecord r : runs) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", r.id());
                m.put("uid", r.uid());
                m.put("experiment", r.experiment());
                m.put("status", r.status().name());
                m.put("status_reason", r.statusReason());
                m.put("started_at", r.startedAt() == null ? null : r.startedAt().toString());
                m.put("ended_at", r.endedAt() == null ? null : r.endedAt().toString());
                m.put("seed", r.seed());
                m.put("spec_hash", r.specHash());
                m.put("metrics", r.latestMetrics());
                out.add(m);
            }
            io.out().println(JsonOut.write(Map.of("runs", out), true));
            return ExitCodes.OK;
        }
        if (runs.isEmpty()) {
            io.out().println("no runs recorded yet (start one with: myelin run examples/quickstart.yaml)");
            return ExitCodes.OK;
        }
        Table t = new Table("ID", "EXPERIMENT", "STATUS", "STARTED", "DURATION", "METRICS");
        for (RunRecord r : runs) {
            String duration = r.endedAt() == null || r.startedAt() == null ? ""
                    : String.format(Locale.ROOT, "%.1f s", (r.endedAt().toEpochMilli() - r.startedAt().toEpochMilli()) / 1000.0);
            StringBuilder metrics = new StringBuilder();
            r.latestMetrics().entrySet().stream().limit(4).forEach(e -> metrics.append(e.getKey()).append('=')
                    .append(fmt(e.getValue())).append(' '));
            t.row(r.id(), r.experiment(), r.status(), r.startedAt() == null ? "" : r.startedAt().toString().replace('T', ' ')
                    .replaceAll("\\.\\d+Z$", "Z"), duration, metrics.toString().trim());
        }
        t.print(io.out());
        return ExitCodes.OK;
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : Double.toString(v);
    }

    private static int show(ExperimentRegistry registry, long id, boolean json, Io io) {
        RunRecord r = find(registry, id);
        if (json) {
            io.out().println(JsonOut.write(RunJson.toMap(r), true));
            return ExitCodes.OK;
        }
        PrintRun.print(r, io.out());
        return ExitCodes.OK;
    }

    private static int compare(ExperimentRegistry registry, List<String> ids, boolean json, Io io) {
        List<RunRecord> runs = new ArrayList<>();
        for (String s : ids) {
            runs.add(find(registry, id(s)));
        }
        TreeSet<String> paramKeys = new TreeSet<>();
        TreeSet<String> metricKeys = new TreeSet<>();
        for (RunRecord r : runs) {
            paramKeys.addAll(r.params().keySet());
            metricKeys.addAll(r.latestMetrics().keySet());
        }
        Map<String, List<String>> differing = new LinkedHashMap<>();
        for (String k : paramKeys) {
            List<String> vals = new ArrayList<>();
            for (RunRecord r : runs) {
                vals.add(r.params().getOrDefault(k, "-"));
            }
            if (vals.stream().distinct().count() > 1) {
                differing.put(k, vals);
            }
        }
        Map<String, List<Double>> metrics = new LinkedHashMap<>();
        for (String k : metricKeys) {
            List<Double> vals = new ArrayList<>();
            for (RunRecord r : runs) {
                vals.add(r.latestMetrics().get(k));
            }
            metrics.put(k, vals);
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            List<Long> runIds = new ArrayList<>();
            runs.forEach(r -> runIds.add(r.id()));
            m.put("runs", runIds);
            m.put("differing_params", differing);
            m.put("metrics", metrics);
            io.out().println(JsonOut.write(m, true));
            return ExitCodes.OK;
        }
        String[] header = new String[runs.size() + 1];
        header[0] = "";
        for (int i = 0; i < runs.size(); i++) {
            header[i + 1] = "run " + runs.get(i).id();
        }
        Table t = new Table(header);
        Object[] status = new Object[runs.size() + 1];
        status[0] = "status";
        for (int i = 0; i < runs.size(); i++) {
            status[i + 1] = runs.get(i).status();
        }
        t.row(status);
        differing.forEach((k, vals) -> {
            Object[] row = new Object[vals.size() + 1];
            row[0] = k;
            for (int i = 0; i < vals.size(); i++) {
                row[i + 1] = vals.get(i);
            }
            t.row(row);
        });
        metrics.forEach((k, vals) -> {
            Object[] row = new Object[vals.size() + 1];
            row[0] = "metrics." + k;
            for (int i = 0; i < vals.size(); i++) {
                row[i + 1] = vals.get(i) == null ? "-" : fmt(vals.get(i));
            }
            t.row(row);
        });
        t.print(io.out());
        if (differing.isEmpty()) {
            io.out().println("(all params are equal)");
        }
        return ExitCodes.OK;
    }

    private static int export(ExperimentRegistry registry, List<String> ids, CommandLine cl, Io io) throws IOException {
        List<RunRecord> runs = new ArrayList<>();
        if (ids.isEmpty()) {
            runs.addAll(query(registry, cl));
        } else {
            for (String s : ids) {
                runs.add(find(registry, id(s)));
            }
        }
        String format = cl.getOptionValue("format", "json").toLowerCase(Locale.ROOT);
        String text;
        if (format.equals("json")) {
            List<Object> out = new ArrayList<>();
            for (RunRecord r : runs) {
                out.add(RunJson.toMap(registry.exportRun(r.id())));
            }
            text = JsonOut.write(Map.of("format", "myelin-runs", "version", 1, "runs", out), true);
        } else if (format.equals("csv")) {
            text = Csv.runs(runs);
        } else {
            throw new UsageException("--format is json or csv, got '" + format + "'");
        }
        if (cl.hasOption("out")) {
            Path out = Path.of(cl.getOptionValue("out"));
            Path tmp = out.resolveSibling(out.getFileName() + ".part");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(text);
                w.write('\n');
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            io.err().println("exported " + runs.size() + " runs to " + out);
        } else {
            io.out().println(text);
        }
        return ExitCodes.OK;
    }

    @SuppressWarnings("unchecked")
    private static int importRuns(ExperimentRegistry registry, Path file, boolean json, Io io) throws IOException {
        Object doc;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            doc = new Load(LoadSettings.builder().setLabel(file.toString()).setCodePointLimit(Integer.MAX_VALUE).build())
                    .loadFromReader(r);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), "file not found", "give a file written by 'myelin runs export --out FILE'");
        } catch (YamlEngineException e) {
            throw new InvalidInputException(file.toString(), "not valid JSON: " + e.getMessage(), null);
        }
        if (!(doc instanceof Map) || !"myelin-runs".equals(((Map<String, Object>) doc).get("format"))) {
            throw new InvalidInputException(file.toString(), "not a Myelin run export (no \"format\": \"myelin-runs\")",
                    "give a file written by 'myelin runs export --out FILE'");
        }
        List<Object> runs = (List<Object>) ((Map<String, Object>) doc).getOrDefault("runs", List.of());
        List<Object> results = new ArrayList<>();
        int created = 0;
        for (int i = 0; i < runs.size(); i++) {
            ImportResult res = registry.importRun(RunJson.fromMap(runs.get(i), file + ": runs[" + i + "]"));
            created += res.created() ? 1 : 0;
            results.add(Map.of("uid", res.uid(), "id", res.localId(), "created", res.created()));
        }
        if (json) {
            io.out().println(JsonOut.write(Map.of("imported", results), true));
        } else {
            io.out().println("imported " + created + " new runs, " + (runs.size() - created) + " already present (from " + file + ")");
        }
        return ExitCodes.OK;
    }
}
