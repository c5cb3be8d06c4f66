package org.myelin.api.registry;

/**
 * One bundle of the set a run executed with.
 *
 * @param symbolicName Bundle-SymbolicName
 * @param version Bundle-Version
 * @param sha256 hex SHA-256 of the bundle jar, or {@code ""} when the jar could not be read
 */
public record BundleRecord(String symbolicName, String version, String sha256) {
}
