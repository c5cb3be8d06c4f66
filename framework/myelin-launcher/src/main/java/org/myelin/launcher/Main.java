package org.myelin.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * {@code bin/myelin}: answers {@code --help} and {@code --version} without starting anything,
 * starts the embedded framework for every other command, hands the command to the runtime's
 * command-line service (found by the property {@code myelin.cli=true}, called by reflection so no
 * classes are shared), and exits with its code. SIGINT and SIGTERM cancel the command in progress
 * (a run is recorded as KILLED) and exit with 130 and 143.
 */
public final class Main {

    /** Real stdout, captured before any bundle can replace it. */
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    /** Real stderr. */
    private static final PrintStream ERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

    private static final String HELP = String.join("\n",
            "usage: myelin COMMAND [options]      (myelin COMMAND --help for a command's options)",
            "",
            "Commands:",
            "  run SPEC [--set key=value]... [--seed N] [--threads N] [--json]   run an experiment (YAML or JSON spec)",
            "  runs list [--filter EXPR] [--limit N] [--json]                  list recorded runs",
            "  runs show ID [--json]                                           params, metrics, seeds, spec hash, bundles",
            "  runs compare ID ID... [--json]                                  runs side by side",
            "  runs export [ID...] [--format json|csv] [--out FILE]            export runs with their metric history",
            "  runs import FILE                                                import an export (idempotent)",
            "  reproduce ID [--json]                                           run a recorded run again: same spec, same seed",
            "  compare X Y --metric ID [--param k=v]... [--json] [--timing]    compare two representations (.npy/.csv)",
            "          [--repeat N] [--warmup W] [--plan-out FILE]             (median of N timed runs after W untimed ones)",
            "  compare --batch PAIRS.jsonl [--out RESULTS.jsonl]               many comparisons, one JSON line each",
            "  plugins [--json]                                                plugins, and why a bundle did not load",
            "  drivers [--json]                                                hardware drivers and their status",
            "  gradcheck DIR [--threads N]                                     BPTT gradients vs a fixture folder (JSON; exit 1 if off)",
            "  bench snn --workload w1|w2 [--batch N] [--threads N] [--json]   peer workloads W1/W2 on the SNN engine (samples/s)",
            "  console                                                         interactive shell: myelin:run, myelin:runs, lb, scr:list",
            "",
            "Options:",
            "  -h, --help       this help",
            "  -V, --version    print the version",
            "",
            "Environment: MYELIN_HOME (the distribution folder), JAVA_OPTS (JVM options),",
            "             conf/myelin.properties (framework and registry settings, e.g. myelin.registry.url)",
            "",
            "Exit codes:",
            "  0    success",
            "  1    the run failed (its error is recorded in the registry)",
            "  2    usage error (bad command line)",
            "  3    invalid spec or input (the message names file, line or field)",
            "  4    plugin or driver unavailable (the message lists what is available)",
            "  5    registry unavailable (held by another process, disk full)",
            "  130  interrupted (SIGINT); the run is recorded as KILLED",
            "  143  terminated (SIGTERM); the run is recorded as KILLED");

    private Main() {
    }

    /**
     * @param args command line
     */
    public static void main(String[] args) {
        // H2 reads this once, when its first class loads: set before Felix starts so that the
        // registry's loopback share (myelin.registry.share=loopback) can only ever bind to 127.0.0.1
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        System.exit(launch(args));
    }

    static int launch(String[] args) {
        if (args.length == 0) {
            ERR.println(HELP);
            return 2;
        }
        String first = args[0];
        if (first.equals("-h") || first.equals("--help") || first.equals("help")) {
            OUT.println(HELP);
            return 0;
        }
        if (first.equals("-V") || first.equals("--version")) {
            OUT.println("myelin " + version() + " (Java " + System.getProperty("java.version") + ")");
            return 0;
        }
        if (first.startsWith("-")) {
            ERR.println("myelin: unknown option '" + first + "'\n\n" + HELP);
            return 2;
        }
        boolean console = first.equals("console");
        if (console && args.length > 1) {
            ERR.println("myelin: console takes no arguments");
            return 2;
        }
        Layout layout = Layout.fromSystemProperties();
        Host host = new Host(layout, ERR);
        try {
            if (!console) {
                // Bundles that print (FileInstall, SCR) must not mix into stdout, which carries results and JSON.
                System.setOut(ERR);
            }
            host.start(console, Map.of());
            if (console) {
                host.framework().waitForStop(0);
                return 0;
            }
            return runCommand(host.framework().getBundleContext(), args);
        } catch (Exception e) {
            ERR.println("myelin: could not start the host: " + e);
            e.printStackTrace(ERR);
            return 1;
        } finally {
            host.stop(30_000);
        }
    }

    private static int runCommand(BundleContext ctx, String[] args) throws Exception {
        Object cli = awaitCli(ctx);
        Method execute = cli.getClass().getMethod("execute", String[].class, InputStream.class, PrintStream.class, PrintStream.class,
                boolean.class);
        Method cancel = cli.getClass().getMethod("cancel", String.class);
        AtomicInteger signal = new AtomicInteger();
        Signals.install((name, number) -> {
            if (signal.getAndSet(number) != 0) {
                ERR.println("\nmyelin: second " + name + ", exiting now");
                Runtime.getRuntime().halt(128 + number);
            }
            ERR.println("\nmyelin: " + name + " received, stopping (press again to exit at once)");
            try {
                cancel.invoke(cli, name);
            } catch (ReflectiveOperationException e) {
                Runtime.getRuntime().halt(128 + number);
            }
        });
        boolean terminal = System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
        int code = (Integer) execute.invoke(cli, args, System.in, OUT, ERR, terminal);
        int sig = signal.get();
        if (sig != 0 && code == 130) {
            return 128 + sig;
        }
        return code;
    }

    private static Object awaitCli(BundleContext ctx) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            ServiceReference<?>[] refs = ctx.getServiceReferences((String) null, "(myelin.cli=true)");
            if (refs != null && refs.length > 0) {
                Object svc = ctx.getService(refs[0]);
                if (svc != null) {
                    return svc;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the myelin-runtime bundle did not register its command service within 20 s; "
                        + "check system/ for myelin-runtime and run 'myelin console' then 'lb' and 'scr:list'");
            }
            Thread.sleep(20);
        }
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (java.io.IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    static String join(String[] a) {
        return String.join(" ", Arrays.asList(a));
    }
}
