package org.myelin.registry.internal;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.myelin.api.registry.RegistryUnavailableException;

/**
 * The one thread of a registry that talks to the database. Metric values and tags are only
 * enqueued by callers (a bounded queue; O(µs) per call) and committed in batches, one transaction
 * per batch, every {@value #FLUSH_MILLIS} ms or {@value #FLUSH_ROWS} rows, whichever comes first.
 * Everything else (run start and finish, params, reads) is a command that this thread runs after
 * committing what was enqueued before it, so a caller always reads its own writes.
 *
 * <p>Why one thread: H2 closes its file when a thread doing file I/O is interrupted, and run
 * threads do get interrupted on cancel; this thread never is. It also keeps the transactions
 * small and few, which is what H2 recovers from best after {@code kill -9}.
 *
 * <p>Back-pressure: when the queue is full, a caller waits up to {@value #ENQUEUE_TIMEOUT_SECONDS}
 * s for room, then gets a {@link RegistryUnavailableException}; nothing is dropped silently.
 */
final class RegistryWriter implements AutoCloseable {

    /** Database work run on the writer thread. */
    @FunctionalInterface
    interface Work<T> {
        /**
         * @param c the writer's connection (auto-commit off; commit what you change)
         * @return the result
         * @throws Exception on failure; delivered to the caller
         */
        T run(Connection c) throws Exception;
    }

    /** Opens (and re-opens after a broken connection) the writer's connection. */
    @FunctionalInterface
    interface ConnectionOpener {
        /**
         * @return a new connection
         * @throws SQLException when the database cannot be reached
         */
        Connection open() throws SQLException;
    }

    static final int FLUSH_MILLIS = 200;
    static final int FLUSH_ROWS = 2000;
    static final int QUEUE_CAPACITY = 20_000;
    static final int ENQUEUE_TIMEOUT_SECONDS = 30;
    static final int COMMAND_TIMEOUT_SECONDS = 120;

    private static final System.Logger LOG = System.getLogger(RegistryWriter.class.getName());

    private record Metrics(long runId, long step, long loggedAt, Map<String, Double> values) {
    }

    private record Tag(long runId, String key, String value) {
    }

    private record Command<T>(Work<T> work, CompletableFuture<T> done) {
    }

    private static final Object STOP = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final ConnectionOpener opener;
    private final Thread thread;
    private final AtomicReference<String> lost = new AtomicReference<>();
    private final AtomicLong committedRows = new AtomicLong();
    private Connection connection;
    private volatile boolean closed;

    /**
     * @param opener opens the connection; called on the writer thread
     * @param initial the connection to start with (already migrated), owned by the writer from now on
     */
    RegistryWriter(ConnectionOpener opener, Connection initial) {
        this.opener = opener;
        this.connection = initial;
        this.thread = new Thread(this::loop, "myelin-registry-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return metric rows committed so far */
    long committedRows() {
        return committedRows.get();
    }

    /**
     * Enqueues the values of one step.
     *
     * @param runId run id
     * @param step step
     * @param values values by name (copied)
     */
    void enqueueMetrics(long runId, long step, Map<String, Double> values) {
        enqueue(new Metrics(runId, step, System.currentTimeMillis(), new LinkedHashMap<>(values)));
    }

    /**
     * Enqueues a tag.
     *
     * @param runId run id
     * @param key name
     * @param value value
     */
    void enqueueTag(long runId, String key, String value) {
        enqueue(new Tag(runId, key, value));
    }

    /**
     * Runs work on the writer thread after everything enqueued before it is committed, and waits
     * for it (not interruptibly: the interrupt flag is kept for the caller).
     *
     * @param <T> result type
     * @param work the work
     * @return its result
     */
    <T> T call(Work<T> work) {
        if (Thread.currentThread() == thread) {
            try {
                return work.run(connection);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw wrap(e);
            }
        }
        CompletableFuture<T> done = new CompletableFuture<>();
        enqueue(new Command<>(work, done));
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(COMMAND_TIMEOUT_SECONDS);
        try {
            while (true) {
                try {
                    return done.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException) {
                        throw (RuntimeException) cause;
                    }
                    if (cause instanceof Error) {
                        throw (Error) cause;
                    }
                    throw wrap(cause);
                } catch (TimeoutException e) {
                    throw new RegistryUnavailableException("the registry did not answer within " + COMMAND_TIMEOUT_SECONDS
                            + " s (database hung or disk stalled); the run's data logged so far is kept", e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Blocks until everything enqueued so far is committed.
     *
     * @throws IllegalStateException when enqueued rows could not be committed since the last flush
     */
    void flush() {
        call(c -> null);
        String message = lost.getAndSet(null);
        if (message != null) {
            throw new IllegalStateException(message);
        }
    }

    private void enqueue(Object item) {
        if (closed) {
            throw new RegistryUnavailableException("the registry is closed (the myelin-registry bundle stopped)", null);
        }
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ENQUEUE_TIMEOUT_SECONDS);
        try {
            while (true) {
                try {
                    if (queue.offer(item, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        return;
                    }
                    throw new RegistryUnavailableException("the registry writer has been " + QUEUE_CAPACITY
                            + " entries behind for " + ENQUEUE_TIMEOUT_SECONDS + " s (database too slow or stalled)", null);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        List<Object> pending = new ArrayList<>();
        int pendingRows = 0;
        long due = 0;
        while (true) {
            Object item;
            try {
                long wait = pending.isEmpty() ? 1000 : Math.max(0, due - System.currentTimeMillis());
                item = queue.poll(wait, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // nobody may interrupt this thread (see class comment); keep going
                continue;
            }
            if (item instanceof Metrics || item instanceof Tag) {
                if (pending.isEmpty()) {
                    due = System.currentTimeMillis() + FLUSH_MILLIS;
                }
                pending.add(item);
                pendingRows += item instanceof Metrics ? ((Metrics) item).values().size() : 1;
                if (pendingRows < FLUSH_ROWS && System.currentTimeMillis() < due) {
                    continue;
                }
            }
            if (!pending.isEmpty() && (item != null || System.currentTimeMillis() >= due || pendingRows >= FLUSH_ROWS)) {
                commitBatch(pending);
                pending.clear();
                pendingRows = 0;
            }
            if (item instanceof Command) {
                run((Command<?>) item);
            } else if (item == STOP) {
                return;
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void run(Command command) {
        try {
            command.done().complete(withConnection(command.work()));
        } catch (Throwable t) {
            command.done().completeExceptionally(t);
        }
    }

    /** Runs work, re-opening the connection once if it was broken (holder exited, server restarted). */
    private <T> T withConnection(Work<T> work) throws Exception {
        try {
            ensureConnection();
            return work.run(connection);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        } catch (SQLException e) {
            rollbackQuietly();
            if (!isConnectionLost(e)) {
                throw e;
            }
            LOG.log(Level.INFO, "registry connection lost ({0}); reconnecting", e.getMessage());
            closeQuietly();
            ensureConnection();
            return work.run(connection);
        }
    }

    private void ensureConnection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = opener.open();
            connection.setAutoCommit(false);
        }
    }

    private void commitBatch(List<Object> batch) {
        try {
            withConnection(c -> {
                write(c, batch);
                return null;
            });
        } catch (Exception e) {
            // one bad entry (e.g. an unknown run id) must not cost the other runs their rows
            int failedRows = 0;
            String first = null;
            for (Object item : batch) {
                try {
                    withConnection(c -> {
                        write(c, List.of(item));
                        return null;
                    });
                } catch (Exception single) {
                    failedRows += item instanceof Metrics ? ((Metrics) item).values().size() : 1;
                    if (first == null) {
                        first = describe(item) + ": " + single.getMessage();
                    }
                }
            }
            if (failedRows > 0) {
                String message = failedRows + " logged value(s) could not be committed to the registry; first: " + first;
                LOG.log(Level.WARNING, message);
                lost.accumulateAndGet(message, (old, add) -> old == null ? add : old);
            }
        }
    }

    private static String describe(Object item) {
        if (item instanceof Metrics) {
            Metrics m = (Metrics) item;
            return "metrics " + m.values().keySet() + " of run " + m.runId() + " at step " + m.step();
        }
        Tag t = (Tag) item;
        return "tag " + t.key() + " of run " + t.runId();
    }

    private void write(Connection c, List<Object> batch) throws SQLException {
        Map<String, Object[]> latest = new HashMap<>();
        int rows = 0;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO metrics (run_id, metric_key, step, logged_at, "
                + "metric_value, value_kind) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Object item : batch) {
                if (!(item instanceof Metrics)) {
                    continue;
                }
                Metrics m = (Metrics) item;
                for (Map.Entry<String, Double> e : m.values().entrySet()) {
                    double v = e.getValue();
                    insert.setLong(1, m.runId());
                    insert.setString(2, e.getKey());
                    insert.setLong(3, m.step());
                    insert.setLong(4, m.loggedAt());
                    setValue(insert, 5, v);
                    insert.setInt(6, MetricValues.kindOf(v));
                    insert.addBatch();
                    rows++;
                    String k = m.runId() + "\u0000" + e.getKey();
                    Object[] have = latest.get(k);
                    if (have == null || (long) have[2] <= m.step()) {
                        latest.put(k, new Object[] {m.runId(), e.getKey(), m.step(), m.loggedAt(), v});
                    }
                }
            }
            if (rows > 0) {
                insert.executeBatch();
            }
        }
        for (Object[] l : latest.values()) {
            putLatest(c, (long) l[0], (String) l[1], (long) l[2], (long) l[3], (double) l[4]);
        }
        for (Object item : batch) {
            if (item instanceof Tag) {
                Tag t = (Tag) item;
                putTag(c, t.runId(), t.key(), t.value());
            }
        }
        c.commit();
        committedRows.addAndGet(rows);
    }

    static void setValue(PreparedStatement p, int index, double v) throws SQLException {
        if (Double.isFinite(v)) {
            p.setDouble(index, v);
        } else {
            p.setNull(index, Types.DOUBLE);
        }
    }

    /** Keeps the value of the highest step (portable upsert; only the run's owner writes its metrics). */
    static void putLatest(Connection c, long runId, String key, long step, long loggedAt, double v) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE latest_metrics SET step = ?, logged_at = ?, metric_value = ?, "
                + "value_kind = ? WHERE run_id = ? AND metric_key = ? AND step <= ?")) {
            u.setLong(1, step);
            u.setLong(2, loggedAt);
            setValue(u, 3, v);
            u.setInt(4, MetricValues.kindOf(v));
            u.setLong(5, runId);
            u.setString(6, key);
            u.setLong(7, step);
            if (u.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM latest_metrics WHERE run_id = ? AND metric_key = ?")) {
            q.setLong(1, runId);
            q.setString(2, key);
            try (var rs = q.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement i = c.prepareStatement("INSERT INTO latest_metrics (run_id, metric_key, step, logged_at, "
                + "metric_value, value_kind) VALUES (?, ?, ?, ?, ?, ?)")) {
            i.setLong(1, runId);
            i.setString(2, key);
            i.setLong(3, step);
            i.setLong(4, loggedAt);
            setValue(i, 5, v);
            i.setInt(6, MetricValues.kindOf(v));
            i.executeUpdate();
        }
    }

    static void putTag(Connection c, long runId, String key, String value) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE tags SET tag_value = ? WHERE run_id = ? AND tag_key = ?")) {
            u.setString(1, value);
            u.setLong(2, runId);
            u.setString(3, key);
            if (u.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement i = c.prepareStatement("INSERT INTO tags (run_id, tag_key, tag_value) VALUES (?, ?, ?)")) {
            i.setLong(1, runId);
            i.setString(2, key);
            i.setString(3, value);
            i.executeUpdate();
        }
    }

    static boolean isConnectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                SQLException s = (SQLException) t;
                String state = s.getSQLState();
                // 90067 connection broken, 90098 database closed, 90121 database called at shutdown (H2)
                if (state != null && state.startsWith("08") || s.getErrorCode() == 90067 || s.getErrorCode() == 90098
                        || s.getErrorCode() == 90121) {
                    return true;
                }
            }
        }
        return false;
    }

    private void rollbackQuietly() {
        try {
            if (connection != null && !connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is going away anyway
        }
    }

    private void closeQuietly() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // already broken
        }
        connection = null;
    }

    static RegistryUnavailableException wrap(Throwable e) {
        return new RegistryUnavailableException("registry error: " + e.getMessage(), e);
    }

    /**
     * Commits what is enqueued, runs the final work (e.g. SHUTDOWN) and stops the thread.
     *
     * @param last work to run last on the connection, or {@code null}
     */
    void close(Work<Void> last) {
        if (closed) {
            return;
        }
        try {
            if (last != null) {
                call(last);
            } else {
                call(c -> null);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing the registry: {0}", e.getMessage());
        } finally {
            closed = true;
            queue.offer(STOP);
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeQuietly();
        }
    }

    @Override
    public void close() {
        close(null);
    }
}
