package org.myelin.runtime.internal.cli;

/** The documented exit codes of {@code bin/myelin}. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** The run (or a gradient check) failed. */
    public static final int FAILED = 1;
    /** Usage error: bad command line. */
    public static final int USAGE = 2;
    /** Invalid spec or input; the message names file, line or field. */
    public static final int INVALID_INPUT = 3;
    /** Plugin or driver unavailable; the message lists what is available. */
    public static final int UNAVAILABLE = 4;
    /** Registry unavailable: held by another process, disk full, server unreachable. */
    public static final int REGISTRY = 5;
    /** Interrupted by SIGINT (or cancelled from the console). */
    public static final int INTERRUPTED = 130;
    /** Terminated by SIGTERM. */
    public static final int TERMINATED = 143;

    /** The table printed by {@code --help}. */
    public static final String TABLE = String.join("\n",
            "Exit codes:",
            "  0    success",
            "  1    the run failed (its error is recorded in the registry)",
            "  2    usage error (bad command line)",
            "  3    invalid spec or input (the message names file, line or field)",
            "  4    plugin or driver unavailable (the message lists what is available)",
            "  5    registry unavailable (held by another process, disk full)",
            "  130  interrupted (SIGINT); the run is recorded as KILLED",
            "  143  terminated (SIGTERM); the run is recorded as KILLED");

    private ExitCodes() {
    }
}
