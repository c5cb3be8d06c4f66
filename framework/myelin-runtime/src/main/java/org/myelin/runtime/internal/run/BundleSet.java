package org.myelin.runtime.internal.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.myelin.api.registry.BundleRecord;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The set of bundles a run executes with: symbolic name, version and SHA-256 of each jar. */
public final class BundleSet {

    private static final Map<String, String> HASH_CACHE = new ConcurrentHashMap<>();

    private BundleSet() {
    }

    /**
     * @param context any bundle context
     * @return a record of every bundle except the system bundle, sorted by symbolic name
     */
    public static List<BundleRecord> of(BundleContext context) {
        List<BundleRecord> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() == 0) {
                continue;
            }
            out.add(new BundleRecord(String.valueOf(b.getSymbolicName()), b.getVersion().toString(), sha256(b.getLocation())));
        }
        out.sort(Comparator.comparing(BundleRecord::symbolicName));
        return out;
    }

    /**
     * @param location a bundle location ({@code reference:file:...}, {@code file:...}, or a path)
     * @return hex SHA-256 of the jar, or {@code ""} when it cannot be read
     */
    static String sha256(String location) {
        Path path = toPath(location);
        if (path == null || !Files.isRegularFile(path)) {
            return "";
        }
        try {
            String key = path + "|" + Files.size(path) + "|" + Files.getLastModifiedTime(path).toMillis();
            return HASH_CACHE.computeIfAbsent(key, k -> hash(path));
        } catch (IOException e) {
            return "";
        }
    }

    private static Path toPath(String location) {
        try {
            String l = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
            if (l.startsWith("file:")) {
                return Path.of(URI.create(l));
            }
            Path p = Path.of(l);
            return p.isAbsolute() ? p : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String hash(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "";
        }
    }
}
