package org.myelin.registry.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code data/registry/registry.lock.json}: which process holds the embedded registry file and,
 * while it shares it, the loopback port and the one-time password to reach it. Written owner-only
 * (rw-------) through a temporary file and an atomic rename, so a reader never sees half a file.
 *
 * @param pid holder PID
 * @param host holder host
 * @param role holder role ({@code command} or {@code console})
 * @param since when the holder opened the registry (ms since the epoch)
 * @param port loopback port of the holder's H2 server, or 0 while it does not share
 * @param password password of the share user while sharing, or {@code ""}
 */
record LockFile(long pid, String host, String role, long since, int port, String password) {

    static final String NAME = "registry.lock.json";

    /** @return whether the holder offers a loopback share */
    boolean sharing() {
        return port > 0 && !password.isEmpty();
    }

    /**
     * @param dir the registry folder
     * @throws IOException when it cannot be written
     */
    void write(Path dir) throws IOException {
        String json = "{\n  \"pid\": " + pid + ",\n  \"host\": \"" + escape(host) + "\",\n  \"role\": \"" + escape(role)
                + "\",\n  \"since\": " + since + ",\n  \"port\": " + port + ",\n  \"password\": \"" + escape(password) + "\"\n}\n";
        Path tmp = dir.resolve(NAME + "." + pid + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create " + tmp + ": " + e.getMessage(), e);
        }
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, dir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * @param dir the registry folder
     * @return the lock file, if present and readable
     */
    static Optional<LockFile> read(Path dir) {
        String json;
        try {
            json = Files.readString(dir.resolve(NAME), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LockFile(Long.parseLong(field(json, "pid", true)), field(json, "host", false),
                    field(json, "role", false), Long.parseLong(field(json, "since", true)),
                    Integer.parseInt(field(json, "port", true)), field(json, "password", false)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Removes the lock file if it still names this process.
     *
     * @param dir the registry folder
     * @param pid this process's PID
     */
    static void deleteIfOwn(Path dir, long pid) {
        read(dir).filter(l -> l.pid() == pid).ifPresent(l -> {
            try {
                Files.deleteIfExists(dir.resolve(NAME));
            } catch (IOException ignored) {
                // a stale lock file is harmless: its PID is checked before use
            }
        });
    }

    private static String field(String json, String name, boolean number) {
        Pattern p = Pattern.compile("\"" + name + "\"\\s*:\\s*" + (number ? "(-?\\d+)" : "\"((?:[^\"\\\\]|\\\\.)*)\""));
        Matcher m = p.matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + name);
        }
        return number ? m.group(1) : m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }
}
