package org.myelin.api.run;

/**
 * One stored artifact.
 *
 * @param name relative name inside the run folder
 * @param mediaType media type
 * @param bytes size in bytes
 * @param sha256 hex SHA-256 of the content
 */
public record ArtifactRecord(String name, String mediaType, long bytes, String sha256) {
}
