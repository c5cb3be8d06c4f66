package org.myelin.runtime.internal.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.myelin.api.InvalidInputException;
import org.myelin.api.PluginKind;
import org.myelin.api.PluginUnavailableException;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.ParameterType;
import org.myelin.api.param.Parameters;
import org.myelin.runtime.internal.catalog.PluginCatalog;
import org.myelin.runtime.internal.json.JsonOut;
import org.myelin.runtime.internal.matrix.MatrixFiles;
import org.myelin.runtime.internal.matrix.NpyWriter;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * {@code myelin compare X Y --metric ID [--param k=v]... [--json] [--plan-out FILE] [--timing] [--repeat N] [--warmup W]}
 * and {@code myelin compare --batch PAIRS.jsonl [--out RESULTS.jsonl]}. X and Y are {@code .npy} or
 * {@code .csv} matrices, rows = stimuli, columns = units. {@code compute_s} excludes JVM start and
 * file reading; with {@code --repeat N} it is the median of N runs after one untimed warm-up run
 * (the protocol of the numpy peers), or after {@code W} with {@code --warmup W} (more warm-up
 * runs let the JIT compile the metric's loops before the timed runs, as JMH would). {@code --plan-out} switches on
 * a metric's {@code include_plan} parameter when it has one. In a batch, relative paths (x, y and
 * path parameters such as {@code conditions}) resolve against the pairs file's folder; one bad
 * line gives an {@code {"id", "error"}} line and the batch goes on.
 */
final class CompareCommand {

    static final String USAGE = String.join("\n",
            "myelin compare X Y --metric ID [--param k=v]... [--json] [--plan-out FILE] [--timing] [--repeat N] [--warmup W]",
            "myelin compare --batch PAIRS.jsonl [--out RESULTS.jsonl]");

    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("metric").hasArg().argName("ID").desc("metric plugin id (see 'myelin plugins')").get());
        o.addOption(Option.builder().longOpt("param").hasArg().argName("k=v").desc("metric parameter (repeatable)").get());
        o.addOption(Option.builder().longOpt("json").desc("print the result as JSON").get());
        o.addOption(Option.builder().longOpt("plan-out").hasArg().argName("FILE")
                .desc("write the matching / transport plan (details.transport_plan) to FILE (.npy or .csv)").get());
        o.addOption(Option.builder().longOpt("timing").desc("print compute time").get());
        o.addOption(Option.builder().longOpt("repeat").hasArg().argName("N").desc("compute N times after the untimed warm-up runs (--warmup), report the median time").get());
        o.addOption(Option.builder().longOpt("warmup").hasArg().argName("W").desc("untimed runs before the timed ones (default 1 with --repeat above 1, else 0)").get());
        o.addOption(Option.builder().longOpt("batch").hasArg().argName("PAIRS.jsonl")
                .desc("one comparison per line: {\"id\", \"x\", \"y\", \"metric\", \"params\"}").get());
        o.addOption(Option.builder().longOpt("out").hasArg().argName("RESULTS.jsonl").desc("batch results file (default stdout)").get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        return o;
    }

    static int run(Host host, CommandLine cl, Io io) throws IOException {
        if (cl.hasOption("batch")) {
            if (!cl.getArgList().isEmpty()) {
                throw new UsageException("--batch takes no X Y arguments; usage:\n" + USAGE);
            }
            return batch(host.catalog, Path.of(cl.getOptionValue("batch")), cl.getOptionValue("out"), io);
        }
        List<String> args = cl.getArgList();
        if (args.size() != 2 || !cl.hasOption("metric")) {
            throw new UsageException("compare needs two matrices and --metric; usage:\n" + USAGE);
        }
        int repeat = cl.hasOption("repeat") ? (int) RunCommand.parseLong(cl.getOptionValue("repeat"), "--repeat") : 1;
        if (repeat < 1) {
            throw new UsageException("--repeat needs a positive number");
        }
        int warmup = repeat > 1 ? 1 : 0;
        if (cl.hasOption("warmup")) {
            warmup = (int) RunCommand.parseLong(cl.getOptionValue("warmup"), "--warmup");
            if (warmup < 0) {
                throw new UsageException("--warmup needs 0 or a positive number");
            }
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        for (String kv : cl.getOptionValues("param") == null ? new String[0] : cl.getOptionValues("param")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--param needs key=value, got '" + kv + "'");
            }
            raw.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        Matrix x = load(Path.of(args.get(0)), "X");
        Matrix y = load(Path.of(args.get(1)), "Y");
        Map<String, Object> result = compare(host.catalog, cl.getOptionValue("metric"), x, y, raw, repeat, warmup, null,
                cl.hasOption("plan-out"));
        if (cl.hasOption("plan-out")) {
            writePlan(result, Path.of(cl.getOptionValue("plan-out")), io.err());
        }
        if (cl.hasOption("json")) {
            io.out().println(JsonOut.write(result, true));
        } else {
            io.out().println(result.get("metric") + " = " + fmt((Double) result.get("value")));
            if (cl.hasOption("timing") || repeat > 1) {
                @SuppressWarnings("unchecked")
                Map<String, Object> t = (Map<String, Object>) result.get("timing");
                io.out().println(String.format(Locale.ROOT, "compute %.6f s (median of %d after %d warm-up, min %.6f, max %.6f)",
                        (Double) t.get("compute_s"), repeat, warmup, (Double) t.get("min_s"), (Double) t.get("max_s")));
            }
        }
        return ExitCodes.OK;
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.10g", v) : Double.toString(v);
    }

    static Matrix load(Path file, String label) {
        Matrix m = MatrixFiles.read(file);
        int[] bad = m.firstNonFinite();
        if (bad != null) {
            throw new InvalidInputException(label + " (" + file + ")", "row " + bad[0] + ", column " + bad[1] + " is "
                    + m.get(bad[0], bad[1]) + " (rows and columns count from 0)", "remove or impute non-finite values");
        }
        if (m.rows() == 0 || m.cols() == 0) {
            throw new InvalidInputException(label + " (" + file + ")", "empty matrix " + m.rows() + " x " + m.cols(),
                    "give at least one stimulus and one unit");
        }
        return m;
    }

    /**
     * Runs one comparison.
     *
     * @param catalog the plugin catalog
     * @param metricId the metric plugin id
     * @param x first representation
     * @param y second representation
     * @param raw raw parameter values
     * @param repeat how many times to compute (the median time is reported); above 1, one untimed warm-up run comes first
     * @param base folder that relative path parameters resolve against ({@code null}: the working directory)
     * @param wantPlan switch on the metric's {@code include_plan} parameter, if it has one and it was not given
     * @return {@code metric, value, params, details, timing}
     */
    static Map<String, Object> compare(PluginCatalog catalog, String metricId, Matrix x, Matrix y, Map<String, Object> raw, int repeat,
            Path base, boolean wantPlan) {
        return compare(catalog, metricId, x, y, raw, repeat, repeat > 1 ? 1 : 0, base, wantPlan);
    }

    /**
     * Resolves the parameters, runs the comparison {@code warmup} times untimed and {@code repeat}
     * times timed, and returns the last result.
     *
     * @param catalog the plugin catalog
     * @param metricId the metric plugin id
     * @param x first representation
     * @param y second representation
     * @param raw raw parameter values
     * @param repeat how many timed runs (the median time is reported)
     * @param warmup how many untimed runs come first
     * @param base folder that relative path parameters resolve against ({@code null}: the working directory)
     * @param wantPlan switch on the metric's {@code include_plan} parameter, if it has one and it was not given
     * @return {@code metric, value, params, details, timing}
     */
    static Map<String, Object> compare(PluginCatalog catalog, String metricId, Matrix x, Matrix y, Map<String, Object> raw, int repeat,
            int warmup, Path base, boolean wantPlan) {
        if (x.rows() != y.rows()) {
            throw new InvalidInputException("X, Y", "X has " + x.rows() + " stimuli (rows) but Y has " + y.rows(),
                    "both representations must have one row per stimulus, in the same order");
        }
        try (PluginCatalog.Lease<SimilarityMetric> lease = catalog.acquire(PluginKind.METRIC, metricId, SimilarityMetric.class)) {
            SimilarityMetric metric = lease.service();
            Map<String, Object> given = new LinkedHashMap<>(raw);
            for (ParameterSpec p : metric.parameters()) {
                Object v = given.get(p.name());
                if (base != null && p.type() == ParameterType.PATH && v instanceof String && !((String) v).isEmpty()) {
                    given.put(p.name(), base.resolve((String) v).normalize().toString());
                }
                if (wantPlan && "include_plan".equals(p.name()) && p.type() == ParameterType.BOOLEAN && v == null) {
                    given.put(p.name(), Boolean.TRUE);
                }
            }
            Parameters params = Parameters.resolve(base == null ? "--param" : "params", metric.parameters(), given);
            double[] times = new double[repeat];
            SimilarityResult r = null;
            for (int i = 0; i < warmup; i++) {
                // untimed warm-up (JIT, native BLAS buffers and threads); the numpy peers do one
                metric.compare(x, y, params);
            }
            for (int i = 0; i < repeat; i++) {
                long t0 = System.nanoTime();
                r = metric.compare(x, y, params);
                times[i] = (System.nanoTime() - t0) / 1e9;
            }
            Arrays.sort(times);
            double median = repeat % 2 == 1 ? times[repeat / 2] : (times[repeat / 2 - 1] + times[repeat / 2]) / 2;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("metric", metricId);
            out.put("value", r.value());
            out.put("params", params.values());
            out.put("details", r.details());
            Map<String, Object> timing = new LinkedHashMap<>();
            timing.put("compute_s", median);
            timing.put("repeat", repeat);
            timing.put("warmup", warmup);
            timing.put("min_s", times[0]);
            timing.put("max_s", times[repeat - 1]);
            out.put("timing", timing);
            return out;
        }
    }

    private static void writePlan(Map<String, Object> result, Path file, PrintStream err) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) result.get("details");
        Object plan = details.get("transport_plan");
        if (plan == null) {
            plan = details.get("plan");
        }
        if (!(plan instanceof Matrix)) {
            throw new InvalidInputException("--plan-out", "metric '" + result.get("metric") + "' returns no plan",
                    "use it with soft-matching, partial-soft-matching, permutation or procrustes");
        }
        Matrix m = (Matrix) plan;
        if (file.toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            try (OutputStream out = Files.newOutputStream(file)) {
                NpyWriter.write(m, out);
            }
        } else {
            StringBuilder sb = new StringBuilder();
            for (int r = 0; r < m.rows(); r++) {
                for (int c = 0; c < m.cols(); c++) {
                    if (c > 0) {
                        sb.append(',');
                    }
                    sb.append(m.get(r, c));
                }
                sb.append('\n');
            }
            Files.writeString(file, sb);
        }
        err.println("plan (" + m.rows() + " x " + m.cols() + ") written to " + file);
    }

    @SuppressWarnings("unchecked")
    private static int batch(PluginCatalog catalog, Path pairs, String outFile, Io io) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(pairs, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(pairs.toString(), "file not found", "give a JSON-lines file of comparisons");
        }
        Path base = pairs.toAbsolutePath().getParent();
        Map<Path, Object> cache = new HashMap<>();
        PrintStream out = outFile == null ? io.out()
                : new PrintStream(Files.newOutputStream(Path.of(outFile)), true, StandardCharsets.UTF_8);
        int ok = 0;
        int failed = 0;
        try {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.isEmpty()) {
                    continue;
                }
                Object id = null;
                Map<String, Object> res = new LinkedHashMap<>();
                try {
                    Object doc = new Load(LoadSettings.builder().setLabel(pairs + ":" + (i + 1)).build()).loadFromString(line);
                    if (!(doc instanceof Map)) {
                        throw new InvalidInputException(pairs + ":" + (i + 1), "expected a JSON object", null);
                    }
                    Map<String, Object> m = (Map<String, Object>) doc;
                    id = m.get("id");
                    res.put("id", id);
                    String metric = str(m, "metric", pairs, i);
                    Matrix x = cached(cache, base.resolve(str(m, "x", pairs, i)), "x");
                    Matrix y = cached(cache, base.resolve(str(m, "y", pairs, i)), "y");
                    Map<String, Object> params = new LinkedHashMap<>();
                    Object p = m.get("params");
                    if (p instanceof Map) {
                        ((Map<String, Object>) p).forEach((k, v) -> params.put(k, v));
                    } else if (p != null) {
                        throw new InvalidInputException(pairs + ":" + (i + 1) + ": params", "expected an object", null);
                    }
                    Map<String, Object> r = compare(catalog, metric, x, y, params, 1, base, false);
                    res.put("value", r.get("value"));
                    res.put("details", r.get("details"));
                    res.put("timing", r.get("timing"));
                    ok++;
                } catch (InvalidInputException | PluginUnavailableException | YamlEngineException e) {
                    res.clear();
                    res.put("id", id);
                    res.put("error", e.getMessage());
                    failed++;
                } catch (RuntimeException e) {
                    res.clear();
                    res.put("id", id);
                    res.put("error", e.toString());
                    failed++;
                }
                out.println(JsonOut.write(res, false));
            }
        } finally {
            if (outFile != null) {
                out.close();
            }
        }
        io.err().println("compare --batch: " + ok + " computed, " + failed + " failed");
        return ExitCodes.OK;
    }

    private static String str(Map<String, Object> m, String key, Path file, int line) {
        Object v = m.get(key);
        if (!(v instanceof String) || ((String) v).isBlank()) {
            throw new InvalidInputException(file + ":" + (line + 1) + ": " + key, "missing or not a string",
                    "each line needs \"x\", \"y\" and \"metric\"");
        }
        return (String) v;
    }

    private static Matrix cached(Map<Path, Object> cache, Path file, String label) {
        Object v = cache.computeIfAbsent(file.normalize(), f -> {
            try {
                return load(f, label);
            } catch (InvalidInputException e) {
                return e;
            }
        });
        if (v instanceof InvalidInputException) {
            throw (InvalidInputException) v;
        }
        return (Matrix) v;
    }
}
