package org.myelin.runtime.internal.console;

import org.myelin.runtime.internal.cli.CommandLineService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code myelin:*} commands of the Gogo console. They take the same arguments as
 * {@code bin/myelin}: {@code myelin:run examples/quickstart.yaml --json}, {@code myelin:runs list},
 * {@code myelin:plugins}, {@code myelin:drivers}. No Gogo import is needed: Gogo finds the
 * functions through the service properties.
 */
@Component(service = ConsoleCommands.class, property = {"osgi.command.scope=myelin", "osgi.command.function=run",
        "osgi.command.function=runs", "osgi.command.function=reproduce", "osgi.command.function=compare", "osgi.command.function=plugins", "osgi.command.function=drivers",
        "osgi.command.function=gradcheck", "osgi.command.function=bench"})
public final class ConsoleCommands {

    @Reference
    private CommandLineService cli;

    /**
     * @param args as for {@code bin/myelin run}
     * @return nothing on success, else the exit code with its meaning
     */
    public String run(String... args) {
        return exec("run", args);
    }

    /**
     * @param args as for {@code bin/myelin runs}
     * @return nothing on success, else the exit code with its meaning
     */
    public String runs(String... args) {
        return exec("runs", args);
    }

    /**
     * @param args as for {@code bin/myelin compare}
     * @return nothing on success, else the exit code with its meaning
     */
    public String compare(String... args) {
        return exec("compare", args);
    }

    /**
     * @param args as for {@code bin/myelin reproduce}
     * @return nothing on success, else the exit code with its meaning
     */
    public String reproduce(String... args) {
        return exec("reproduce", args);
    }

    /**
     * @param args as for {@code bin/myelin plugins}
     * @return nothing on success, else the exit code with its meaning
     */
    public String plugins(String... args) {
        return exec("plugins", args);
    }

    /**
     * @param args as for {@code bin/myelin drivers}
     * @return nothing on success, else the exit code with its meaning
     */
    public String drivers(String... args) {
        return exec("drivers", args);
    }

    /**
     * @param args as for {@code bin/myelin gradcheck}
     * @return nothing on success, else the exit code with its meaning
     */
    public String gradcheck(String... args) {
        return exec("gradcheck", args);
    }

    /**
     * @param args as for {@code bin/myelin bench}, e.g. {@code snn --workload w1}
     * @return nothing on success, else the exit code with its meaning
     */
    public String bench(String... args) {
        return exec("bench", args);
    }

    private String exec(String command, String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        int code = cli.execute(all, System.in, System.out, System.err, false);
        return code == 0 ? null : "exit code " + code;
    }
}
