package org.myelin.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the dense benchmarks through JMH and prints the Markdown table of benchmarks/README.md:
 * GFLOP/s (median of the measured iterations) per kernel and size for java and openblas at
 * 1 and 2 threads, SVD as seconds per call, plus the load average before and after.
 *
 * <p>Arguments: optional regular expressions of benchmarks to run (default: all of
 * {@code GemmBenchmark}, {@code GramBenchmark}, {@code SvdBenchmark}); {@code -p name=v1,v2}
 * restricts a parameter as in JMH.
 */
public final class DenseTable {

    private DenseTable() {
    }

    /**
     * @param args benchmark regexes and {@code -p name=values} restrictions
     * @throws RunnerException when JMH fails
     * @throws IOException when /proc/loadavg cannot be read
     */
    public static void main(String[] args) throws RunnerException, IOException {
        ChainedOptionsBuilder options = new OptionsBuilder().shouldDoGC(true);
        List<String> includes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-p") && i + 1 < args.length) {
                String[] kv = args[++i].split("=", 2);
                options.param(kv[0], kv[1].split(","));
            } else {
                includes.add(args[i]);
            }
        }
        if (includes.isEmpty()) {
            includes.add("GemmBenchmark|GramBenchmark|SvdBenchmark");
        }
        for (String include : includes) {
            options.include(include);
        }
        String before = load();
        Collection<RunResult> results = new Runner(options.build()).run();
        String after = load();
        // row label -> column label -> cell
        Map<String, Map<String, String>> table = new TreeMap<>(DenseTable::byKernelThenSize);
        for (RunResult r : results) {
            if (r.getParams().getParam("backend") == null) {
                // not a dense kernel (SnnStepBenchmark): JMH's own table above has its scores
                continue;
            }
            String name = r.getParams().getBenchmark();
            String method = name.substring(name.lastIndexOf('.') + 1);
            String column = r.getParams().getParam("backend") + ", " + r.getParams().getParam("threads") + " thr";
            double millis = r.getPrimaryResult().getStatistics().getPercentile(50);
            String row;
            String cell;
            if (method.equals("svd")) {
                int n = Integer.parseInt(r.getParams().getParam("n"));
                row = "svd " + n + "x" + n + " (s)";
                cell = String.format("%.2f", millis / 1e3);
            } else if (method.equals("dsyrk")) {
                double flops = (double) GramBenchmark.SAMPLES * GramBenchmark.FEATURES * (GramBenchmark.FEATURES + 1);
                row = "dsyrk Gram " + GramBenchmark.SAMPLES + "x" + GramBenchmark.FEATURES;
                cell = String.format("%.1f", flops / (millis * 1e6));
            } else {
                int n = Integer.parseInt(r.getParams().getParam("n"));
                row = method + " " + n;
                cell = String.format("%.1f", 2.0 * n * n * n / (millis * 1e6));
            }
            table.computeIfAbsent(row, k -> new TreeMap<>()).put(column, cell);
        }
        List<String> columns = List.of("java, 1 thr", "java, 2 thr", "openblas, 1 thr", "openblas, 2 thr");
        StringBuilder sb = new StringBuilder();
        sb.append("| kernel (GFLOP/s unless noted) | ").append(String.join(" | ", columns)).append(" |\n");
        sb.append("|---|").append("---|".repeat(columns.size())).append('\n');
        for (Map.Entry<String, Map<String, String>> e : table.entrySet()) {
            sb.append("| ").append(e.getKey()).append(" |");
            for (String c : columns) {
                sb.append(' ').append(e.getValue().getOrDefault(c, "")).append(" |");
            }
            sb.append('\n');
        }
        sb.append("\nload average before: ").append(before).append(", after: ").append(after).append('\n');
        System.out.println();
        System.out.print(sb);
    }

    private static int byKernelThenSize(String a, String b) {
        String[] x = a.split(" ");
        String[] y = b.split(" ");
        int c = x[0].compareTo(y[0]);
        if (c != 0) {
            return c;
        }
        try {
            return Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static String load() throws IOException {
        Path p = Path.of("/proc/loadavg");
        if (!Files.exists(p)) {
            return "unknown";
        }
        String[] parts = Files.readString(p).trim().split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }
}
