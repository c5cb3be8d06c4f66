package org.myelin.registry.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who owns a run, and whether that owner is still alive. A run records its owner's host, PID and
 * process start time; the start time tells a live owner from an unrelated process that later got
 * the same PID (common in containers, where every JVM may be PID 1 or close to it).
 *
 * <p>Runs started in this JVM are remembered in a JVM-wide set, so that a second registry instance
 * in the same process (two bundle versions, or tests) never declares them dead.
 */
final class OwnerProcess {

    private static final Set<String> OWNED_HERE = ConcurrentHashMap.newKeySet();
    private static volatile String host;

    private OwnerProcess() {
    }

    /** @return this process's PID */
    static long pid() {
        return ProcessHandle.current().pid();
    }

    /** @return this process's start time in ms, or {@code null} when the OS does not say */
    static Long startedAt() {
        return startOf(ProcessHandle.current()).orElse(null);
    }

    /**
     * The host name, without a DNS lookup when the system already names itself
     * ({@code HOSTNAME}, {@code /etc/hostname}): a slow resolver must not delay every start.
     *
     * @return this machine's name
     */
    static String host() {
        String h = host;
        if (h == null) {
            h = System.getenv("HOSTNAME");
            if (h == null || h.isBlank()) {
                try {
                    h = Files.readString(Path.of("/etc/hostname")).strip();
                } catch (IOException | RuntimeException e) {
                    h = "";
                }
            }
            if (h.isBlank()) {
                try {
                    h = InetAddress.getLocalHost().getHostName();
                } catch (IOException e) {
                    h = "localhost";
                }
            }
            host = h;
        }
        return h;
    }

    /** @param uid a run started by this JVM */
    static void own(String uid) {
        OWNED_HERE.add(uid);
    }

    /** @param uid a run this JVM no longer owns (it ended) */
    static void release(String uid) {
        OWNED_HERE.remove(uid);
    }

    /**
     * @param uid a run uid
     * @return whether this JVM started that run and it has not ended
     */
    static boolean ownedHere(String uid) {
        return OWNED_HERE.contains(uid);
    }

    /**
     * @param pid a PID on this host
     * @param recordedStart the owner's start time as recorded, or {@code null}
     * @return whether a process with that PID runs and, when both start times are known, is the same process
     */
    static boolean alive(long pid, Long recordedStart) {
        if (pid == pid()) {
            // our PID, but not one of our runs: an earlier process that had the same PID
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        if (recordedStart == null) {
            return true;
        }
        Optional<Long> start = startOf(handle.get());
        // start times are reported with clock-tick resolution; allow a second of slack
        return start.isEmpty() || Math.abs(start.get() - recordedStart) <= 1000;
    }

    private static Optional<Long> startOf(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toEpochMilli);
    }
}
