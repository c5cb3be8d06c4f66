package org.myelin.api.registry;

/**
 * Where the registry lives and how it is accessed.
 *
 * @param jdbcUrl the JDBC URL without credentials
 * @param access how this process reaches it: {@code embedded}, {@code shared} (through the loopback
 *               server of the process that holds the file), {@code server}, or {@code external}
 * @param schemaVersion the schema version after migrations
 * @param database database product and version, e.g. {@code H2 2.4.240}
 * @param runsDirectory folder that holds the run folders ({@code data/runs})
 */
public record RegistryInfo(String jdbcUrl, String access, int schemaVersion, String database, String runsDirectory) {
}
