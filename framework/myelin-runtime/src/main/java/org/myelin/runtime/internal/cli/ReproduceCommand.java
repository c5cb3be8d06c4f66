package org.myelin.runtime.internal.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.myelin.api.InvalidInputException;
import org.myelin.api.registry.BundleRecord;
import org.myelin.api.registry.RunRecord;
import org.myelin.runtime.internal.run.BundleSet;
import org.myelin.runtime.internal.spec.ExperimentSpec;
import org.myelin.runtime.internal.spec.SpecNode;
import org.myelin.runtime.internal.spec.SpecParser;
import org.myelin.runtime.internal.spec.SpecReader;

/**
 * {@code myelin reproduce ID [--threads N] [--json]}: runs a recorded run's canonical spec again,
 * with the same seed, as a child of the original, and says which bundles differ from the set the
 * original ran with.
 */
final class ReproduceCommand {

    static final String USAGE = "myelin reproduce ID [--threads N] [--json]";

    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("threads").hasArg().argName("N").desc("worker threads").get());
        o.addOption(Option.builder().longOpt("json").desc("print the result as JSON").get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        return o;
    }

    static int run(Host host, CommandLine cl, Io io, AtomicBoolean cancelled) {
        List<String> args = cl.getArgList();
        if (args.size() != 1) {
            throw new UsageException("reproduce takes one run id; usage: " + USAGE);
        }
        long id;
        try {
            id = Long.parseLong(args.get(0));
        } catch (NumberFormatException e) {
            throw new UsageException("a run id is a number, got '" + args.get(0) + "'");
        }
        RunRecord original = host.registry().findRun(id)
                .orElseThrow(() -> new InvalidInputException("run " + id, "no such run", "see 'myelin runs list'"));
        String specFile = original.tags().getOrDefault("myelin.spec_file", "run-" + id + ".json");
        SpecNode root = SpecParser.parse(original.specText(), "run " + id + " canonical spec");
        ExperimentSpec spec = SpecReader.read(Path.of(specFile), root);
        Map<String, BundleRecord> now = new HashMap<>();
        for (BundleRecord b : BundleSet.of(host.context)) {
            now.put(b.symbolicName(), b);
        }
        int differing = 0;
        for (BundleRecord b : original.bundles()) {
            BundleRecord n = now.get(b.symbolicName());
            if (n == null) {
                io.err().println("warning: bundle " + b.symbolicName() + " " + b.version() + " of run " + id + " is not installed now");
                differing++;
            } else if (!n.sha256().equals(b.sha256())) {
                io.err().println("warning: bundle " + b.symbolicName() + " differs: run " + id + " used " + b.version() + ", now "
                        + n.version());
                differing++;
            }
        }
        io.err().println("reproducing run " + id + " (seed " + original.seed() + ", spec " + original.specHash().substring(0, 12) + ", "
                + (differing == 0 ? "same bundle set" : differing + " bundles differ") + ")");
        int threads = cl.hasOption("threads") ? (int) RunCommand.parseLong(cl.getOptionValue("threads"), "--threads") : 0;
        return RunCommand.execute(host, spec, threads, id, cl.hasOption("json"), io, cancelled);
    }
}
