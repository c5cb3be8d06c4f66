package org.myelin.runtime.internal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.myelin.api.PluginKind;
import org.myelin.api.RunCancelledException;
import org.myelin.api.neuron.NeuronDynamics;
import org.myelin.api.neuron.NeuronModel;
import org.myelin.api.param.Parameters;
import org.myelin.core.linalg.Blas;
import org.myelin.core.parallel.ParallelRows;
import org.myelin.core.snn.BatchResult;
import org.myelin.core.snn.PeerWorkload;
import org.myelin.runtime.internal.catalog.PluginCatalog;
import org.myelin.runtime.internal.json.JsonOut;

/**
 * {@code myelin bench snn --workload w1|w2 [--batch N] [--threads N] [--json]}: runs the peer
 * workloads W1 (forward) and W2 (one BPTT step with Adam) of {@code peers/README.md} on the SNN
 * engine with the {@code lif} neuron model from the service registry, with the peers' protocol:
 * untimed warm-up calls, one calibration call that fixes the calls per repetition (enough for
 * {@code --min-time} seconds), then {@code --reps} timed repetitions; it reports samples/s (median,
 * min-max), samples per CPU-second, CPU/wall, the spike activity of pool batch 0, the dense
 * backend and the load average. {@code --dump DIR} writes pool batch 0 and the initial weights
 * as a {@code myelin-bptt-fixture/1} folder instead (for the torch reference script in
 * {@code benchmarks/snn/}).
 */
final class BenchCommand {

    static final String USAGE = "myelin bench snn --workload w1|w2 [--batch N] [--threads N] [--reps N] [--min-time S] "
            + "[--warmup S] [--seed N] [--json] | myelin bench snn --dump DIR [--batch N] [--seed N]";

    /** Default root seed of weights, inputs and labels. */
    static final long DEFAULT_SEED = 1234;

    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("workload").hasArg().argName("w1|w2").desc("w1 = forward, w2 = BPTT step + Adam").get());
        o.addOption(Option.builder().longOpt("batch").hasArg().argName("N").desc("samples per batch (default 32)").get());
        o.addOption(Option.builder().longOpt("threads").hasArg().argName("N").desc("engine threads (default 1)").get());
        o.addOption(Option.builder().longOpt("reps").hasArg().argName("N").desc("timed repetitions (default 5)").get());
        o.addOption(Option.builder().longOpt("min-time").hasArg().argName("S").desc("minimum seconds per repetition (default 1)").get());
        o.addOption(Option.builder().longOpt("warmup").hasArg().argName("S")
                .desc("untimed warm-up: at least 2 calls and at least S seconds, for the JIT (default 2)").get());
        o.addOption(Option.builder().longOpt("seed").hasArg().argName("N").desc("seed of weights, inputs, labels (default 1234)").get());
        o.addOption(Option.builder().longOpt("json").desc("print one JSON object").get());
        o.addOption(Option.builder().longOpt("dump").hasArg().argName("DIR").desc("write pool batch 0 as a BPTT fixture folder and stop").get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        return o;
    }

    /** What the bench measures and prints; built by {@link #parse}. */
    record Settings(PeerWorkload.Kind kind, int batch, int threads, int reps, double minTime, double warmup, long seed, boolean json,
            Path dump) {
    }

    static Settings parse(CommandLine cl) {
        List<String> args = cl.getArgList();
        if (args.size() != 1 || !args.get(0).equals("snn")) {
            throw new UsageException("bench knows one suite, 'snn'; usage: " + USAGE);
        }
        int batch = (int) positive(cl, "batch", 32);
        long seed = cl.hasOption("seed") ? RunCommand.parseLong(cl.getOptionValue("seed"), "--seed") : DEFAULT_SEED;
        Path dump = cl.hasOption("dump") ? Path.of(cl.getOptionValue("dump")).toAbsolutePath().normalize() : null;
        PeerWorkload.Kind kind = null;
        if (cl.hasOption("workload")) {
            String w = cl.getOptionValue("workload").trim().toLowerCase(Locale.ROOT);
            if (w.equals("w1")) {
                kind = PeerWorkload.Kind.W1;
            } else if (w.equals("w2")) {
                kind = PeerWorkload.Kind.W2;
            } else {
                throw new UsageException("--workload must be w1 (forward) or w2 (BPTT step with Adam), got '" + cl.getOptionValue("workload") + "'");
            }
        } else if (dump == null) {
            throw new UsageException("bench snn needs --workload w1 or w2 (or --dump DIR); usage: " + USAGE);
        }
        int threads = (int) positive(cl, "threads", 1);
        int reps = (int) positive(cl, "reps", 5);
        double minTime = seconds(cl, "min-time", 1.0);
        double warmup = seconds(cl, "warmup", 2.0);
        return new Settings(kind, batch, threads, reps, minTime, warmup, seed, cl.hasOption("json"), dump);
    }

    private static long positive(CommandLine cl, String option, long dflt) {
        if (!cl.hasOption(option)) {
            return dflt;
        }
        long v = RunCommand.parseLong(cl.getOptionValue(option), "--" + option);
        if (v < 1 || v > 1_000_000) {
            throw new UsageException("--" + option + " needs a whole number from 1 to 1000000, got " + v);
        }
        return v;
    }

    private static double seconds(CommandLine cl, String option, double dflt) {
        if (!cl.hasOption(option)) {
            return dflt;
        }
        double v;
        try {
            v = Double.parseDouble(cl.getOptionValue(option).trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + " needs a number of seconds, got '" + cl.getOptionValue(option) + "'");
        }
        if (!(v >= 0 && v <= 3600)) {
            throw new UsageException("--" + option + " needs seconds from 0 to 3600, got " + cl.getOptionValue(option));
        }
        return v;
    }

    static int run(Host host, CommandLine cl, Io io, AtomicBoolean cancelled) throws IOException {
        Settings s = parse(cl);
        try (PluginCatalog.Lease<NeuronModel> lease = host.catalog.acquire(PluginKind.NEURON, "lif", NeuronModel.class)) {
            NeuronModel lif = lease.service();
            Map<String, Object> report = measure(s, size -> create(lif, size), cancelled, io);
            if (report == null) {
                return ExitCodes.OK;
            }
            if (s.json()) {
                io.out().println(JsonOut.write(report, false));
            } else {
                io.out().print(text(report));
            }
            return ExitCodes.OK;
        }
    }

    /** Creates one population's dynamics. */
    interface Populations {
        /**
         * @param size neurons
         * @return the dynamics
         */
        NeuronDynamics create(int size);
    }

    static NeuronDynamics create(NeuronModel lif, int size) {
        Parameters p = Parameters.resolve("bench snn: lif", lif.parameters(), new LinkedHashMap<>(PeerWorkload.LIF_PARAMETERS));
        return lif.create(p, size, 1.0);
    }

    /**
     * Builds the workload and runs the protocol (or writes the fixture when {@code --dump} is given).
     *
     * @return the report, or {@code null} after a dump
     */
    static Map<String, Object> measure(Settings s, Populations neurons, AtomicBoolean cancelled, Io io) throws IOException {
        int blasBefore = Blas.threads();
        // The engine parallelises over batch chunks; products inside a chunk are small, so one BLAS
        // thread per engine thread (no oversubscription).
        Blas.setThreads(1);
        try (ParallelRows rows = ParallelRows.withThreads(s.threads())) {
            PeerWorkload w = PeerWorkload.create(neurons.create(PeerWorkload.HIDDEN), neurons.create(PeerWorkload.OUTPUTS), s.batch(),
                    s.seed(), rows);
            if (s.dump() != null) {
                w.writeFixture(s.dump());
                io.out().println("wrote " + s.dump() + " (pool batch 0, batch " + s.batch() + ", seed " + s.seed()
                        + "); add the reference with benchmarks/snn/torch_reference.py, check with myelin gradcheck");
                return null;
            }
            double[] loadBefore = loadAverage();
            double[] activity = w.activity();
            PeerWorkload.Kind kind = s.kind();
            long warmEnd = System.nanoTime() + (long) (s.warmup() * 1e9);
            int warmCalls = 0;
            while (warmCalls < 2 || System.nanoTime() < warmEnd) {
                check(cancelled);
                w.step(kind);
                warmCalls++;
            }
            long t0 = System.nanoTime();
            w.step(kind);
            double one = Math.max((System.nanoTime() - t0) / 1e9, 1e-6);
            int iters = (int) Math.max(1, Math.min(100000, (long) (s.minTime() / one) + 1));
            double[] sps = new double[s.reps()];
            double[] spc = new double[s.reps()];
            double[] cpuOverWall = new double[s.reps()];
            double[] msPerBatch = new double[s.reps()];
            double loss = Double.NaN;
            for (int r = 0; r < s.reps(); r++) {
                long c0 = ProcessCpu.nanos();
                long w0 = System.nanoTime();
                for (int i = 0; i < iters; i++) {
                    BatchResult br = w.step(kind);
                    loss = br.loss();
                }
                double wall = (System.nanoTime() - w0) / 1e9;
                long c1 = ProcessCpu.nanos();
                double cpu = c0 < 0 || c1 < 0 ? Double.NaN : (c1 - c0) / 1e9;
                sps[r] = iters * (double) s.batch() / wall;
                spc[r] = iters * (double) s.batch() / cpu;
                cpuOverWall[r] = cpu / wall;
                msPerBatch[r] = 1000 * wall / iters;
                check(cancelled);
            }
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("bench", "snn");
            report.put("workload", kind.name().toLowerCase(Locale.ROOT));
            report.put("batch", s.batch());
            report.put("threads", s.threads());
            report.put("samples_per_s", stats(sps));
            report.put("samples_per_cpu_s", stats(spc));
            report.put("ms_per_batch", stats(msPerBatch));
            report.put("cpu_time_over_wall", stats(cpuOverWall));
            report.put("iters_per_rep", iters);
            report.put("reps", s.reps());
            report.put("min_time_s", s.minTime());
            report.put("warmup_calls", warmCalls);
            Map<String, Object> act = new LinkedHashMap<>();
            act.put("input_spikes_per_channel_step", activity[0]);
            act.put("hidden_spikes_per_neuron_step", activity[1]);
            act.put("output_spikes_per_neuron_step", activity[2]);
            report.put("activity", act);
            if (kind == PeerWorkload.Kind.W2) {
                report.put("last_loss", loss);
            }
            double flops = kind == PeerWorkload.Kind.W1 ? 37_031_600 : 75_168_000;
            report.put("dense_flops_per_sample", flops);
            report.put("dense_equivalent_gflop_per_s", median(sps) * flops / 1e9);
            report.put("dense_backend", Blas.backend());
            report.put("blas_threads", Blas.threads());
            report.put("engine", "event-driven spike kernels, chunk " + org.myelin.core.snn.SnnEngine.DEFAULT_CHUNK_ROWS + " rows");
            report.put("seed", s.seed());
            report.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
            report.put("available_processors", Runtime.getRuntime().availableProcessors());
            report.put("loadavg_before", loadBefore);
            report.put("loadavg_after", loadAverage());
            return report;
        } finally {
            Blas.setThreads(blasBefore);
        }
    }

    private static void check(AtomicBoolean cancelled) {
        if (cancelled != null && cancelled.get()) {
            throw new RunCancelledException("bench snn stopped");
        }
    }

    private static Map<String, Object> stats(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median", median(v));
        m.put("min", s[0]);
        m.put("max", s[s.length - 1]);
        m.put("n", s.length);
        return m;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (IOException | RuntimeException e) {
            double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return new double[] {l};
        }
    }

    @SuppressWarnings("unchecked")
    static String text(Map<String, Object> r) {
        Map<String, Object> sps = (Map<String, Object>) r.get("samples_per_s");
        Map<String, Object> spc = (Map<String, Object>) r.get("samples_per_cpu_s");
        Map<String, Object> act = (Map<String, Object>) r.get("activity");
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "bench snn %s  batch %d  threads %d  backend %s%n", r.get("workload"), r.get("batch"),
                r.get("threads"), r.get("dense_backend")));
        b.append(String.format(Locale.ROOT, "  samples/s        %.1f  [%.1f - %.1f]  (%s reps x %s calls)%n", sps.get("median"),
                sps.get("min"), sps.get("max"), r.get("reps"), r.get("iters_per_rep")));
        b.append(String.format(Locale.ROOT, "  samples/CPU-s    %.1f%n", spc.get("median")));
        b.append(String.format(Locale.ROOT, "  ms per batch     %.3f%n", ((Map<String, Object>) r.get("ms_per_batch")).get("median")));
        b.append(String.format(Locale.ROOT, "  activity         input %.4f  hidden %.4f  output %.4f spikes/unit/step%n",
                act.get("input_spikes_per_channel_step"), act.get("hidden_spikes_per_neuron_step"),
                act.get("output_spikes_per_neuron_step")));
        b.append(String.format(Locale.ROOT, "  dense-equivalent %.1f GFLOP/s (dense count %.0f FLOP/sample)%n",
                r.get("dense_equivalent_gflop_per_s"), r.get("dense_flops_per_sample")));
        double[] la = (double[]) r.get("loadavg_before");
        double[] lb = (double[]) r.get("loadavg_after");
        b.append(String.format(Locale.ROOT, "  load average     %.2f before, %.2f after%n", la[0], lb[0]));
        return b.toString();
    }

    /** Process CPU time (all threads) from {@code /proc/self/stat}; -1 where that file is not available. */
    static final class ProcessCpu {

        private static final double TICK_NS = 1e9 / 100;

        private ProcessCpu() {
        }

        static long nanos() {
            try {
                String stat = Files.readString(Path.of("/proc/self/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields after the name: state(0) ... utime(11) stime(12), in clock ticks (USER_HZ = 100 on Linux)
                return (long) ((Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NS);
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }
}
