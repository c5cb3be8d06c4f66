package org.myelin.registry.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.myelin.api.run.ArtifactRecord;
import org.myelin.api.run.ArtifactStore;

/**
 * The artifacts of one run: files under {@code data/runs/<id>/}, each written to a temporary file
 * while its SHA-256 is computed, then renamed into place and registered. Names must stay inside
 * the run folder: no absolute paths, no {@code ..} or empty segments, no backslashes or NUL, and
 * no symbolic link on the way that leads out of the folder.
 */
final class RunArtifactStore implements ArtifactStore {

    /** Registers a written artifact in the registry. */
    @FunctionalInterface
    interface Registration {
        void register(long runId, ArtifactRecord record);
    }

    private final long runId;
    private final Path runDir;
    private final Registration registration;
    private final Supplier<List<ArtifactRecord>> lister;

    RunArtifactStore(long runId, Path runDir, Registration registration, Supplier<List<ArtifactRecord>> lister) {
        this.runId = runId;
        this.runDir = runDir;
        this.registration = registration;
        this.lister = lister;
    }

    @Override
    public ArtifactRecord write(String name, String mediaType, Content content) throws IOException {
        Objects.requireNonNull(content, "content");
        String media = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType;
        Path target = resolve(name);
        Files.createDirectories(target.getParent());
        requireInside(name, target.getParent());
        if (Files.isSymbolicLink(target)) {
            throw escape(name, "it is a symbolic link");
        }
        Path tmp = Files.createTempFile(target.getParent(), ".artifact-", ".part");
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
        long bytes;
        try {
            try (OutputStream file = Files.newOutputStream(tmp); DigestOutputStream digest = new DigestOutputStream(file, sha);
                    CountingStream counted = new CountingStream(digest)) {
                content.writeTo(counted);
                counted.flush();
                bytes = counted.count;
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        ArtifactRecord record = new ArtifactRecord(relative(target), media, bytes, HexFormat.of().formatHex(sha.digest()));
        registration.register(runId, record);
        return record;
    }

    @Override
    public InputStream open(String name) throws IOException {
        Path target = resolve(name);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(target.toString(), null, "run " + runId + " has no artifact '" + name + "'");
        }
        requireInside(name, target);
        return Files.newInputStream(target);
    }

    @Override
    public List<ArtifactRecord> list() {
        return lister.get();
    }

    private String relative(Path target) {
        return runDir.relativize(target).toString().replace('\\', '/');
    }

    /** Checks the name's form and resolves it under the run folder. */
    private Path resolve(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("artifact name must not be empty (e.g. weights/best.npy)");
        }
        if (name.indexOf('\0') >= 0) {
            throw escape(name, "it contains a NUL character");
        }
        if (name.startsWith("/") || name.contains("\\") || name.length() > 1 && name.charAt(1) == ':') {
            throw escape(name, "it is absolute or uses backslashes");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw escape(name, "it has a '" + segment + "' segment");
            }
        }
        Path target = runDir.resolve(name).normalize();
        if (!target.startsWith(runDir) || target.equals(runDir)) {
            throw escape(name, "it resolves to " + target);
        }
        return target;
    }

    /** Follows symbolic links on the way and checks the real path is still inside the run folder. */
    private void requireInside(String name, Path existing) throws IOException {
        Path realRun = runDir.toRealPath();
        Path real = existing.toRealPath();
        if (!real.startsWith(realRun)) {
            throw escape(name, "a symbolic link leads to " + real);
        }
    }

    private IllegalArgumentException escape(String name, String why) {
        return new IllegalArgumentException("artifact name '" + name + "' would escape the run folder " + runDir + " (" + why
                + "); use a relative path inside it such as weights/best.npy");
    }

    /** Counts bytes; does not close the stream it wraps until the store closes it. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
