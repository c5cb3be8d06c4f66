package org.myelin.api.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The files of one run, kept under {@code data/runs/<run-id>/} with their SHA-256 in the
 * registry. Names are relative ({@code weights/best.npy}); names that would escape the run
 * folder ({@code ..}, absolute paths, NUL) are rejected.
 */
@ProviderType
public interface ArtifactStore {

    /** Writes the content of an artifact. */
    @FunctionalInterface
    interface Content {
        /**
         * @param out where to write; do not close it
         * @throws IOException on failure
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Creates an artifact. An existing artifact of the same name is replaced.
     *
     * @param name relative name inside the run folder
     * @param mediaType e.g. {@code application/x-npy}, {@code image/png}, {@code text/csv}
     * @param content writes the bytes
     * @return the record, with size and SHA-256
     * @throws IOException on I/O failure
     * @throws IllegalArgumentException when the name would escape the run folder
     */
    ArtifactRecord write(String name, String mediaType, Content content) throws IOException;

    /**
     * Opens an artifact of this run for reading.
     *
     * @param name relative name
     * @return a stream; the caller closes it
     * @throws IOException when it does not exist
     */
    InputStream open(String name) throws IOException;

    /** @return the artifacts written so far */
    List<ArtifactRecord> list();
}
