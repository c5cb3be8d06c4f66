package org.myelin.launcher;

/**
 * SIGINT and SIGTERM handling through {@code sun.misc.Signal} (in the jdk.unsupported module,
 * available on every JDK we support). Replaces the JVM's default handlers, so the command can
 * record its run as KILLED and exit with 130 or 143 instead of dying mid-write.
 */
final class Signals {

    /** Receives a signal. */
    interface Handler {
        /**
         * @param name INT or TERM
         * @param number 2 or 15
         */
        void handle(String name, int number);
    }

    private Signals() {
    }

    static void install(Handler handler) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> handler.handle("SIGINT", 2));
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), s -> handler.handle("SIGTERM", 15));
        } catch (IllegalArgumentException e) {
            // signal not available on this platform (e.g. TERM on some Windows JVMs): keep the default
        }
    }
}
