package org.myelin.registry.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.myelin.api.registry.RegistryUnavailableException;

/**
 * Finds and opens the registry database: an external JDBC URL when {@code myelin.registry.url}
 * is set; otherwise the embedded H2 file {@code data/registry/registry.mv.db}, or, when another
 * process holds that file, that process's loopback share (see {@link LoopbackShare}).
 *
 * <p>The embedded URL is built here and nothing in it is user-controllable:
 * {@code jdbc:h2:file:<dir>/registry;WRITE_DELAY=0} (every commit written; see REGISTRY.md), never
 * {@code AUTO_SERVER}, {@code FILE_LOCK=NO} or {@code INIT=}.
 *
 * <p>Within one JVM, H2 would silently hand a second opener of the same file the same database;
 * a second registry instance would then be a second writer behind the first one's back. So a
 * JVM-wide table of held files makes a second instance go through the share like another
 * process would.
 */
final class RegistryConnector {

    /** Creates data sources (the H2 {@code DataSourceFactory} service in OSGi, H2 directly in tests). */
    @FunctionalInterface
    interface DataSources {
        /**
         * @param url JDBC URL
         * @param user user
         * @param password password
         * @return a data source
         * @throws SQLException when the driver refuses the URL
         */
        DataSource create(String url, String user, String password) throws SQLException;
    }

    /** How another process may use an embedded registry this process holds. */
    enum Share {
        /** Through a loopback H2 server while a run is in progress. */
        LOOPBACK,
        /** Not at all: it fails naming this process. */
        NONE;

        static Share parse(String s) {
            if (s == null || s.isBlank() || s.strip().equalsIgnoreCase("loopback")) {
                return LOOPBACK;
            }
            if (s.strip().equalsIgnoreCase("none")) {
                return NONE;
            }
            throw new RegistryUnavailableException("myelin.registry.share=" + s + " in conf/myelin.properties: use loopback "
                    + "(default) or none", null);
        }
    }

    static final String DATABASE_NAME = "registry";
    static final String EMBEDDED_USER = "MYELIN";
    private static final int DATABASE_ALREADY_OPEN = 90020;
    private static final Map<Path, RegistryConnector> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();

    private final DataSources dataSources;
    private final Path registryDir;
    private final String externalUrl;
    private final String user;
    private final String password;
    private final Share share;
    private final String role;
    private final long lockWaitMillis;
    private final LoopbackShare loopback;
    private volatile String access = "";
    private volatile String url = "";
    private volatile boolean holder;

    /**
     * @param dataSources creates data sources
     * @param registryDir folder of the embedded file (created when missing)
     * @param externalUrl {@code myelin.registry.url}, or {@code null}/blank for the embedded file
     * @param user user for the external URL
     * @param password password for the external URL
     * @param share share policy for the embedded file
     * @param role {@code command} or {@code console}, recorded in the lock file
     * @param lockWaitMillis how long to wait for a holder that does not share before giving up
     */
    RegistryConnector(DataSources dataSources, Path registryDir, String externalUrl, String user, String password, Share share,
            String role, long lockWaitMillis) {
        this.dataSources = dataSources;
        this.registryDir = registryDir.toAbsolutePath().normalize();
        this.externalUrl = externalUrl == null || externalUrl.isBlank() ? null : externalUrl.strip();
        this.user = user == null ? "" : user;
        this.password = password == null ? "" : password;
        this.share = share;
        this.role = role == null ? "command" : role;
        this.lockWaitMillis = lockWaitMillis;
        this.loopback = new LoopbackShare(this.registryDir, DATABASE_NAME);
    }

    /** @return {@code embedded}, {@code shared}, {@code server} or {@code external} (after the first open) */
    String access() {
        return access;
    }

    /** @return the JDBC URL in use, without credentials */
    String url() {
        return url;
    }

    /** @return whether this instance holds the embedded file (and may share it) */
    boolean holder() {
        return holder;
    }

    /** @return whether the database is H2 (so {@code CHECKPOINT SYNC} applies) */
    boolean isH2() {
        return externalUrl == null || externalUrl.startsWith("jdbc:h2:");
    }

    /** @return the share policy */
    Share shareMode() {
        return share;
    }

    /** @return the share of this holder */
    LoopbackShare loopback() {
        return loopback;
    }

    /** @return the embedded database file */
    Path databaseFile() {
        return registryDir.resolve(DATABASE_NAME + ".mv.db");
    }

    /** @return the embedded URL, built from the folder only */
    String embeddedUrl() {
        return "jdbc:h2:file:" + registryDir.resolve(DATABASE_NAME) + ";WRITE_DELAY=0";
    }

    /**
     * Opens a connection, resolving again where the registry is (a holder may have exited since).
     *
     * @return a connection with auto-commit off
     * @throws SQLException on database errors after the registry was found
     * @throws RegistryUnavailableException when it cannot be reached, naming the holder
     */
    Connection open() throws SQLException {
        if (externalUrl != null) {
            Connection c = dataSources.create(externalUrl, user, password).getConnection();
            url = externalUrl;
            access = externalUrl.startsWith("jdbc:h2:tcp:") || externalUrl.startsWith("jdbc:h2:ssl:") ? "server" : "external";
            c.setAutoCommit(false);
            return c;
        }
        createPrivateDirectory(registryDir);
        long deadline = System.currentTimeMillis() + lockWaitMillis;
        String shareFailure = null;
        while (true) {
            RegistryConnector inJvm = HELD_IN_THIS_JVM.get(registryDir);
            if (inJvm == this) {
                return embedded();
            }
            if (inJvm == null) {
                try {
                    return embedded();
                } catch (SQLException e) {
                    if (!isAlreadyOpen(e)) {
                        throw new RegistryUnavailableException("cannot open the registry " + databaseFile() + ": "
                                + e.getMessage(), e);
                    }
                }
            }
            Optional<LockFile> lock = LockFile.read(registryDir);
            if (share == Share.LOOPBACK && lock.isPresent() && lock.get().sharing() && holderAlive(lock.get())) {
                try {
                    Connection c = dataSources.create(LoopbackShare.clientUrl(lock.get().port(), DATABASE_NAME),
                            LoopbackShare.USER, lock.get().password()).getConnection();
                    c.setAutoCommit(false);
                    url = LoopbackShare.clientUrl(lock.get().port(), DATABASE_NAME);
                    access = "shared";
                    holder = false;
                    return c;
                } catch (SQLException e) {
                    shareFailure = e.getMessage();
                }
            }
            if (System.currentTimeMillis() >= deadline) {
                throw new RegistryUnavailableException(lockedMessage(lock, shareFailure), null);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryUnavailableException(lockedMessage(lock, shareFailure), e);
            }
        }
    }

    private Connection embedded() throws SQLException {
        Connection c = dataSources.create(embeddedUrl(), EMBEDDED_USER, "").getConnection();
        c.setAutoCommit(false);
        HELD_IN_THIS_JVM.put(registryDir, this);
        boolean first = !holder;
        holder = true;
        url = "jdbc:h2:file:" + registryDir.resolve(DATABASE_NAME);
        access = "embedded";
        if (first) {
            writeLock();
        }
        return c;
    }

    /** Rewrites the lock file with the current share state. */
    void writeLock() {
        try {
            new LockFile(OwnerProcess.pid(), OwnerProcess.host(), role, System.currentTimeMillis(), loopback.port(),
                    loopback.password()).write(registryDir);
        } catch (IOException e) {
            throw new RegistryUnavailableException("cannot write " + registryDir.resolve(LockFile.NAME) + ": " + e.getMessage()
                    + " (the registry folder must be writable)", e);
        }
    }

    /** Releases the embedded file (after SHUTDOWN): the lock file and the JVM-wide entry. */
    void release() {
        if (holder) {
            HELD_IN_THIS_JVM.remove(registryDir, this);
            LockFile.deleteIfOwn(registryDir, OwnerProcess.pid());
            holder = false;
        }
    }

    private boolean holderAlive(LockFile lock) {
        if (lock.pid() == OwnerProcess.pid()) {
            return HELD_IN_THIS_JVM.containsKey(registryDir);
        }
        return lock.host().equals(OwnerProcess.host()) && OwnerProcess.alive(lock.pid(), null);
    }

    private String lockedMessage(Optional<LockFile> lock, String shareFailure) {
        String file = databaseFile().toString();
        if (lock.isEmpty()) {
            return "the registry " + file + " is locked by another process that did not record itself in "
                    + registryDir.resolve(LockFile.NAME) + "; find it with: lsof " + file;
        }
        LockFile l = lock.get();
        String who = "process " + l.pid() + " (myelin " + l.role() + " on " + l.host() + ", since "
                + Instant.ofEpochMilli(l.since()) + ")";
        if (!holderAlive(l)) {
            return "the registry " + file + " is locked, but " + who + " named in " + LockFile.NAME
                    + " is no longer running; another program holds the file (find it with: lsof " + file + ")";
        }
        if (share == Share.NONE) {
            return "the registry " + file + " is in use by " + who + " and myelin.registry.share=none in conf/myelin.properties; "
                    + "wait for it to end, or set myelin.registry.share=loopback to read the registry while it runs";
        }
        if (shareFailure != null) {
            return "the registry " + file + " is in use by " + who + ", which shares it on 127.0.0.1:" + l.port()
                    + ", but connecting failed: " + shareFailure + "; retry, or wait for process " + l.pid() + " to end";
        }
        return "the registry " + file + " is in use by " + who + ", which does not share it (no run in progress there); "
                + "waited " + lockWaitMillis / 1000.0 + " s; retry when process " + l.pid() + " has ended";
    }

    private static boolean isAlreadyOpen(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && ((SQLException) t).getErrorCode() == DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    private static void createPrivateDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                try {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: rely on the data folder's permissions
                }
            }
        } catch (IOException e) {
            throw new RegistryUnavailableException("cannot create the registry folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
