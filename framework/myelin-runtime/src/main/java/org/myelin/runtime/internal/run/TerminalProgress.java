package org.myelin.runtime.internal.run;

import java.io.PrintStream;
import java.util.Locale;

import org.myelin.api.run.ProgressReporter;

/**
 * Progress on stderr: a redrawn bar when stderr is a terminal, otherwise one log line at most
 * every few seconds (and at the end), so batch logs stay readable.
 */
public final class TerminalProgress implements ProgressReporter {

    private static final long LOG_INTERVAL_MS = 5000;
    private static final long BAR_INTERVAL_MS = 100;

    private final PrintStream err;
    private final boolean terminal;

    /**
     * @param err where to draw
     * @param terminal whether {@code err} is an interactive terminal
     */
    public TerminalProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public Task begin(String name, long total, String unit) {
        return new BarTask(name, total, unit);
    }

    private final class BarTask implements Task {
        private final String name;
        private final long total;
        private final String unit;
        private final long started = System.nanoTime();
        private long done;
        private String status = "";
        private long lastDraw;
        private boolean closed;

        BarTask(String name, long total, String unit) {
            this.name = name;
            this.total = total;
            this.unit = unit;
            draw(true);
        }

        @Override
        public synchronized void advance(long units) {
            done += units;
            draw(false);
        }

        @Override
        public synchronized void status(String text) {
            status = text == null ? "" : text;
            draw(false);
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (terminal) {
                err.print("\r" + line() + "\n");
            } else {
                err.println(line());
            }
            err.flush();
        }

        private void draw(boolean force) {
            long now = System.currentTimeMillis();
            long interval = terminal ? BAR_INTERVAL_MS : LOG_INTERVAL_MS;
            if (!force && now - lastDraw < interval) {
                return;
            }
            lastDraw = now;
            if (terminal) {
                err.print("\r" + line() + "\u001b[K");
            } else if (!force) {
                err.println(line());
            }
            err.flush();
        }

        private String line() {
            double secs = (System.nanoTime() - started) / 1e9;
            StringBuilder sb = new StringBuilder(name).append(' ');
            if (total > 0) {
                int width = 24;
                int filled = (int) Math.min(width, Math.round(width * (double) done / total));
                if (terminal) {
                    sb.append('[').append("#".repeat(filled)).append("-".repeat(width - filled)).append("] ");
                }
                sb.append(done).append('/').append(total).append(' ').append(unit);
            } else {
                sb.append(done).append(' ').append(unit);
            }
            sb.append(String.format(Locale.ROOT, " %.1fs", secs));
            if (done > 0 && total > done) {
                sb.append(String.format(Locale.ROOT, " (eta %.0fs)", secs / done * (total - done)));
            }
            if (!status.isEmpty()) {
                sb.append("  ").append(status);
            }
            return sb.toString();
        }
    }
}
