package org.myelin.runtime.internal.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.myelin.api.registry.ExperimentRegistry;
import org.myelin.runtime.internal.json.JsonOut;
import org.myelin.runtime.internal.run.ExperimentRunner;
import org.myelin.runtime.internal.run.RunOutcome;
import org.myelin.runtime.internal.spec.ExperimentSpec;
import org.myelin.runtime.internal.spec.SpecNode;
import org.myelin.runtime.internal.spec.SpecOverrides;
import org.myelin.runtime.internal.spec.SpecParser;
import org.myelin.runtime.internal.spec.SpecReader;

/** {@code myelin run SPEC [--set key=value]... [--seed N] [--threads N] [--json]}. */
final class RunCommand {

    static final String USAGE = "myelin run SPEC [--set key=value]... [--seed N] [--threads N] [--json]";

    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("set").hasArg().argName("key=value")
                .desc("override a spec value by path, e.g. train.params.lr=5e-4 (repeatable)").get());
        o.addOption(Option.builder().longOpt("seed").hasArg().argName("N").desc("run seed (overrides the spec's seed)").get());
        o.addOption(Option.builder().longOpt("threads").hasArg().argName("N").desc("worker threads (default: the spec's, else all cores)").get());
        o.addOption(Option.builder().longOpt("json").desc("print the result as JSON on stdout").get());
        o.addOption(Option.builder().longOpt("validate").desc("check the spec and its plugins, record nothing").get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        return o;
    }

    static int run(Host host, CommandLine cl, Io io, AtomicBoolean cancelled) {
        List<String> args = cl.getArgList();
        if (args.size() != 1) {
            throw new UsageException(args.isEmpty() ? "run needs a spec file; usage: " + USAGE
                    : "run takes one spec file, got " + args.size() + " arguments " + args + "; usage: " + USAGE);
        }
        boolean json = cl.hasOption("json");
        Path file = Path.of(args.get(0));
        SpecNode root = SpecParser.parseFile(file);
        List<String> sets = cl.getOptionValues("set") == null ? List.of() : List.of(cl.getOptionValues("set"));
        if (cl.hasOption("seed")) {
            sets = new java.util.ArrayList<>(sets);
            sets.add("seed=" + parseLong(cl.getOptionValue("seed"), "--seed"));
        }
        SpecOverrides.apply(root, sets);
        ExperimentSpec spec = SpecReader.read(file, root);
        int threads = cl.hasOption("threads") ? (int) parseLong(cl.getOptionValue("threads"), "--threads") : 0;
        return execute(host, spec, threads, null, json, io, cancelled);
    }

    static int execute(Host host, ExperimentSpec spec, int threads, Long parentRunId, boolean json, Io io, AtomicBoolean cancelled) {
        ExperimentRegistry registry = host.registry();
        ExperimentRunner runner = new ExperimentRunner(host.context, host.catalog, registry, io.err(), io.terminal(), cancelled);
        RunOutcome outcome = runner.run(spec, threads, parentRunId, run -> {
            (json ? io.err() : io.out()).println("run " + run.id() + " started (experiment " + run.experiment() + ", seed "
                    + run.seed() + ", spec " + run.specHash().substring(0, 12) + ")");
            (json ? io.err() : io.out()).flush();
        });
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run_id", outcome.runId());
            m.put("uid", outcome.uid());
            m.put("experiment", outcome.experiment());
            m.put("status", outcome.status().name());
            m.put("error", outcome.error());
            m.put("duration_s", Math.round(outcome.seconds() * 1000) / 1000.0);
            m.put("spec_hash", outcome.specHash());
            m.put("metrics", outcome.metrics());
            m.putAll(outcome.metrics());
            io.out().println(JsonOut.write(m, true));
        } else {
            io.out().println(String.format(Locale.ROOT, "run %d %s in %.1f s (experiment %s)", outcome.runId(), outcome.status(),
                    outcome.seconds(), outcome.experiment()));
            if (outcome.error() != null) {
                io.out().println("  error: " + outcome.error());
            }
            Table t = new Table("metric", "value");
            outcome.metrics().forEach((k, v) -> {
                if (spec.evaluate().isEmpty() || spec.evaluate().contains(k)) {
                    t.row(k, String.format(Locale.ROOT, "%.4f", v));
                }
            });
            if (!t.isEmpty()) {
                t.print(io.out());
            }
            io.out().println("details: myelin runs show " + outcome.runId());
        }
        return outcome.exitCode();
    }

    static long parseLong(String v, String option) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, got '" + v + "'");
        }
    }
}
