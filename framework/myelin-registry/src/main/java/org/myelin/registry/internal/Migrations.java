package org.myelin.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.myelin.api.registry.RegistryUnavailableException;

/**
 * Creates and upgrades the registry schema from numbered SQL scripts kept as resources next to
 * this class ({@code migrations/V1__initial_schema.sql}, ...). Applied versions are recorded in
 * {@code schema_history}, and the current one in {@code meta.schema_version}.
 *
 * <p>This is a small runner of our own rather than Flyway: Flyway finds its migrations and its
 * database support through class-path scanning and ServiceLoader, which is poorly supported inside
 * OSGi bundles, and the registry needs nothing beyond "run the scripts above the recorded version
 * in order". Scripts use portable SQL (H2 and PostgreSQL) and idempotent statements, because H2
 * commits DDL implicitly and a kill half-way through a script must leave something the next start
 * can complete.
 */
final class Migrations {

    /** One script: its version and resource name. */
    record Script(int version, String resource) {
        String description() {
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            int sep = name.indexOf("__");
            return (sep < 0 ? name : name.substring(sep + 2)).replace(".sql", "").replace('_', ' ');
        }
    }

    /** The scripts of this release, in order. */
    static final List<Script> RELEASED = List.of(new Script(1, "migrations/V1__initial_schema.sql"));

    private final List<Script> scripts;
    private final Class<?> resourceBase;

    /**
     * @param scripts the scripts, with versions 1..n in order
     * @param resourceBase class whose package the resource names are relative to
     */
    Migrations(List<Script> scripts, Class<?> resourceBase) {
        for (int i = 0; i < scripts.size(); i++) {
            if (scripts.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migration " + scripts.get(i).resource() + " has version "
                        + scripts.get(i).version() + ", expected " + (i + 1));
            }
        }
        this.scripts = List.copyOf(scripts);
        this.resourceBase = resourceBase;
    }

    /** @return the runner for the released scripts */
    static Migrations released() {
        return new Migrations(RELEASED, Migrations.class);
    }

    /** @return the version the scripts bring a database to */
    int latestVersion() {
        return scripts.size();
    }

    /**
     * Applies every script above the database's version.
     *
     * @param c a connection (auto-commit state is restored)
     * @return the schema version afterwards
     * @throws SQLException on database errors
     * @throws RegistryUnavailableException when the database is newer than this release
     */
    int migrate(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        try {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_history (version INTEGER NOT NULL PRIMARY KEY, "
                        + "description VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
            }
            int current = currentVersion(c);
            if (current > scripts.size()) {
                throw new RegistryUnavailableException("the registry has schema version " + current
                        + " but this Myelin knows versions up to " + scripts.size()
                        + "; use the Myelin release that wrote it, or a newer one", null);
            }
            for (Script script : scripts.subList(current, scripts.size())) {
                apply(c, script);
            }
            return scripts.size();
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * @param c a connection
     * @return the highest applied version, 0 for an empty database
     * @throws SQLException on database errors
     */
    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_history")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void apply(Connection c, Script script) throws SQLException {
        List<String> statements = split(read(script.resource()));
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        c.setAutoCommit(false);
        try {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO schema_history (version, description, applied_at) VALUES (?, ?, ?)")) {
                p.setInt(1, script.version());
                p.setString(2, script.description());
                p.setLong(3, System.currentTimeMillis());
                p.executeUpdate();
            }
            putMeta(c, "schema_version", Integer.toString(script.version()));
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * Sets a {@code meta} entry (portable upsert: update, then insert when absent).
     *
     * @param c a connection
     * @param key entry name
     * @param value entry value
     * @throws SQLException on database errors
     */
    static void putMeta(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE meta SET meta_value = ? WHERE meta_key = ?")) {
            u.setString(1, value);
            u.setString(2, key);
            if (u.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement i = c.prepareStatement("INSERT INTO meta (meta_key, meta_value) VALUES (?, ?)")) {
            i.setString(1, key);
            i.setString(2, value);
            i.executeUpdate();
        }
    }

    private String read(String resource) {
        try (InputStream in = resourceBase.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration script " + resource + " is missing from the registry bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration script " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Splits a script at semicolons that end a line; drops comment lines. */
    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
