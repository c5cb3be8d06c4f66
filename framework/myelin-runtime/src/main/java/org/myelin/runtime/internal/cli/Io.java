package org.myelin.runtime.internal.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams of one command invocation.
 *
 * @param in standard input (never read when headless)
 * @param out results (tables or JSON)
 * @param err progress, log lines and errors
 * @param terminal whether stderr is an interactive terminal
 */
record Io(InputStream in, PrintStream out, PrintStream err, boolean terminal) {
}
