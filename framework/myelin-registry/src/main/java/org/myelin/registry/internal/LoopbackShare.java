package org.myelin.registry.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HexFormat;

import org.h2.tools.Server;

/**
 * The loopback share of an embedded registry ({@code myelin.registry.share=loopback}): while this
 * process holds the registry file and has a run in progress, an H2 TCP server lets other Myelin
 * commands on the same machine ({@code myelin runs list} in another terminal) use the same
 * database instead of failing on the file lock.
 *
 * <p>Safe defaults: the server listens on 127.0.0.1 only (checked after start: if it answers on
 * any other address of this machine it is stopped again), on a random port; it serves only
 * databases that already exist in the registry folder ({@code -baseDir}, {@code -ifExists}); clients
 * log in as {@value #USER} with a random password that is rotated whenever sharing stops, and that
 * is published only in the owner-only {@code registry.lock.json}. No server runs when no run does.
 */
final class LoopbackShare {

    /** The database user of share clients. */
    static final String USER = "MYELIN_SHARE";

    private static final System.Logger LOG = System.getLogger(LoopbackShare.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path registryDir;
    private final String databaseName;
    private Server server;
    private String password = "";

    /**
     * @param registryDir folder of the database file
     * @param databaseName file name without {@code .mv.db}
     */
    LoopbackShare(Path registryDir, String databaseName) {
        this.registryDir = registryDir;
        this.databaseName = databaseName;
    }

    /** @return whether the server runs */
    boolean running() {
        return server != null;
    }

    /** @return the port, or 0 when not running */
    int port() {
        return server == null ? 0 : server.getPort();
    }

    /** @return the share password, or {@code ""} when not running */
    String password() {
        return server == null ? "" : password;
    }

    /**
     * @param port the holder's port
     * @param databaseName file name without {@code .mv.db}
     * @return the URL a client uses
     */
    static String clientUrl(int port, String databaseName) {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/" + databaseName;
    }

    /**
     * Starts sharing: sets a fresh password for the share user and starts the server.
     *
     * @param holder the holder's connection (admin of the embedded database)
     * @return whether it is sharing now (false when the server would not stay on loopback)
     * @throws SQLException when the share user cannot be set up
     */
    boolean start(Connection holder) throws SQLException {
        if (server != null) {
            return true;
        }
        if (System.getProperty("h2.bindAddress") == null) {
            // effective only if H2 has not read its settings yet; the launcher sets it before Felix starts
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        String pw = randomHex(24);
        try (Statement s = holder.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS " + USER + " PASSWORD '" + pw + "' ADMIN");
            s.execute("ALTER USER " + USER + " SET PASSWORD '" + pw + "'");
            s.execute("ALTER USER " + USER + " ADMIN TRUE");
        }
        holder.commit();
        Server s = Server.createTcpServer("-tcpPort", "0", "-baseDir", registryDir.toString(), "-ifExists",
                "-tcpPassword", randomHex(24));
        s.start();
        if (reachableBeyondLoopback(s.getPort())) {
            s.stop();
            rotate(holder);
            LOG.log(Level.WARNING, "not sharing the registry: the H2 server listened beyond 127.0.0.1 (start the JVM with "
                    + "-Dh2.bindAddress=127.0.0.1, as bin/myelin does); other commands will wait for this one instead");
            return false;
        }
        server = s;
        password = pw;
        LOG.log(Level.INFO, "sharing the registry on 127.0.0.1:{0} while a run is in progress", s.getPort());
        return true;
    }

    /**
     * Stops sharing and invalidates the published password.
     *
     * @param holder the holder's connection, or {@code null} when the database is going away anyway
     */
    void stop(Connection holder) {
        if (server == null) {
            return;
        }
        server.stop();
        server = null;
        password = "";
        if (holder != null) {
            try {
                rotate(holder);
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "could not rotate the registry share password: {0}", e.getMessage());
            }
        }
    }

    /**
     * @param holder the holder's connection
     * @return sessions other than the holder's own (share clients)
     * @throws SQLException on database errors
     */
    static int otherSessions(Connection holder) throws SQLException {
        try (Statement s = holder.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            rs.next();
            return Math.max(0, rs.getInt(1) - 1);
        }
    }

    private static void rotate(Connection holder) throws SQLException {
        try (Statement s = holder.createStatement()) {
            s.execute("ALTER USER " + USER + " SET PASSWORD '" + randomHex(24) + "'");
        }
        holder.commit();
    }

    /** Tries the port on every non-loopback address of this machine. */
    private static boolean reachableBeyondLoopback(int port) {
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a.isLoopbackAddress() || a.isLinkLocalAddress()) {
                        continue;
                    }
                    try (Socket probe = new Socket()) {
                        probe.connect(new InetSocketAddress(a, port), 300);
                        return true;
                    } catch (IOException refused) {
                        // not listening there: what we want
                    }
                }
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot list network interfaces: {0}", e.getMessage());
        }
        return false;
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Override
    public String toString() {
        return running() ? clientUrl(port(), databaseName) : "not sharing";
    }
}
