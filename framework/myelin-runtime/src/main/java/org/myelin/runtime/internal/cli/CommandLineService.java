package org.myelin.runtime.internal.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.myelin.api.InvalidInputException;
import org.myelin.api.PluginUnavailableException;
import org.myelin.api.RunCancelledException;
import org.myelin.api.registry.RegistryUnavailableException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The sub-commands of {@code bin/myelin} and of the console ({@code run}, {@code runs},
 * {@code plugins}, {@code drivers}). The launcher finds this service by the property
 * {@code myelin.cli=true} and calls {@link #execute} by reflection, so it shares no classes with
 * the framework; only JDK types cross.
 */
@Component(service = CommandLineService.class, property = "myelin.cli=true")
public final class CommandLineService {

    /** Sub-commands and one line each, for {@code --help}. */
    public static final String COMMANDS = String.join("\n",
            "Commands:",
            "  run SPEC [--set key=value]... [--seed N] [--threads N] [--json]   run an experiment",
            "  runs list|show|compare|export|import                            inspect the experiment registry",
            "  reproduce ID [--json]                                           run a recorded run again (same spec and seed)",
            "  plugins [--json]                                                list plugins and bundles that did not load",
            "  compare X Y --metric ID [--param k=v]... [--json] [--timing]    compare two representations (.npy/.csv)",
            "          [--repeat N] [--warmup W] [--plan-out FILE]             (median of N timed runs after W untimed ones)",
            "  compare --batch PAIRS.jsonl [--out RESULTS.jsonl]               many comparisons, one per line",
            "  drivers [--json]                                                list hardware drivers and their status",
            "  gradcheck DIR [--threads N]                                     check BPTT gradients against a fixture (JSON report)",
            "  bench snn --workload w1|w2 [--batch N] [--threads N] [--json]   peer workloads W1/W2 on the SNN engine (samples/s)",
            "  console                                                         interactive shell (myelin:run, myelin:runs, ...)");

    private BundleContext context;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * @param context this bundle's context
     */
    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    /**
     * Runs one command.
     *
     * @param args the command and its arguments, e.g. {@code ["run", "spec.yaml", "--json"]}
     * @param in standard input
     * @param out standard output
     * @param err standard error
     * @param terminal whether stderr is an interactive terminal
     * @return the exit code
     */
    public int execute(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        Io io = new Io(in, out, err, terminal);
        if (args.length == 0) {
            err.println("usage: myelin COMMAND [options]\n" + COMMANDS);
            return ExitCodes.USAGE;
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        cancelled.set(false);
        try {
            Host host = new Host(context);
            switch (command) {
                case "run": {
                    CommandLine cl = parse(RunCommand.options(), rest);
                    if (cl.hasOption("help")) {
                        return help(out, RunCommand.USAGE, RunCommand.options());
                    }
                    return RunCommand.run(host, cl, io, cancelled);
                }
                case "reproduce": {
                    CommandLine cl = parse(ReproduceCommand.options(), rest);
                    if (cl.hasOption("help")) {
                        return help(out, ReproduceCommand.USAGE, ReproduceCommand.options());
                    }
                    return ReproduceCommand.run(host, cl, io, cancelled);
                }
                case "runs": {
                    CommandLine cl = parse(RunsCommand.options(), rest);
                    if (cl.hasOption("help")) {
                        return help(out, RunsCommand.USAGE, RunsCommand.options());
                    }
                    return RunsCommand.run(host, cl, io);
                }
                case "plugins": {
                    CommandLine cl = parse(PluginsCommand.options(), rest);
                    if (cl.hasOption("help")) {
                        return help(out, "myelin plugins [--json]", PluginsCommand.options());
                    }
                    return PluginsCommand.run(host, cl, io);
                }
                case "compare": {
                    CommandLine cl = parse(CompareCommand.options(), rest);
                    if (cl.hasOption("help")) {
                        return help(out, CompareCommand.USAGE, CompareCommand.options());
                    }
                    return CompareCommand.run(host, cl, io);
                }
                case "gradcheck": {
                    CommandLine cl = parse(GradcheckCommand.options(), rest);
                    if (cl.hasOption("help")) {
                        return help(out, GradcheckCommand.USAGE, GradcheckCommand.options());
                    }
                    return GradcheckCommand.run(host, cl, io);
                }
                case "bench": {
                    CommandLine cl = parse(BenchCommand.options(), rest);
                    if (cl.hasOption("help")) {
                        return help(out, BenchCommand.USAGE, BenchCommand.options());
                    }
                    return BenchCommand.run(host, cl, io, cancelled);
                }
                case "drivers": {
                    CommandLine cl = parse(DriversCommand.options(), rest);
                    if (cl.hasOption("help")) {
                        return help(out, "myelin drivers [--json]", DriversCommand.options());
                    }
                    return DriversCommand.run(host, cl, io);
                }
                default:
                    throw new UsageException("unknown command '" + command + "'\n" + COMMANDS);
            }
        } catch (UsageException e) {
            err.println("myelin: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (InvalidInputException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        } catch (PluginUnavailableException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        } catch (RegistryUnavailableException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.REGISTRY;
        } catch (RunCancelledException e) {
            err.println("cancelled: " + e.getMessage());
            return ExitCodes.INTERRUPTED;
        } catch (Exception e) {
            err.println("error: " + e);
            e.printStackTrace(err);
            return ExitCodes.FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Asks the command in progress to stop (SIGINT, SIGTERM). A run ends KILLED.
     *
     * @param reason why, for the log
     */
    public void cancel(String reason) {
        cancelled.set(true);
    }

    private static CommandLine parse(Options options, String[] args) {
        try {
            return DefaultParser.builder().get().parse(options, args);
        } catch (ParseException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int help(PrintStream out, String usage, Options options) {
        PrintWriter w = new PrintWriter(out);
        w.println("usage: " + usage);
        new HelpFormatter().printOptions(w, 100, options, 2, 4);
        w.println();
        w.println(ExitCodes.TABLE);
        w.flush();
        return ExitCodes.OK;
    }
}
