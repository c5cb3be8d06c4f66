package org.myelin.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The folders of an unpacked distribution: {@code bin/ conf/ system/ plugins/ deploy/ data/ examples/}.
 * The home is the {@code myelin.home} system property (set by {@code bin/myelin}), so the
 * distribution runs from any folder it is unpacked into and from any working directory.
 *
 * @param home the distribution folder
 */
record Layout(Path home) {

    static Layout fromSystemProperties() {
        String h = System.getProperty("myelin.home");
        return new Layout((h == null ? Path.of("") : Path.of(h)).toAbsolutePath().normalize());
    }

    Path conf() {
        return home.resolve("conf");
    }

    Path system() {
        return home.resolve("system");
    }

    Path consoleBundles() {
        return home.resolve("system").resolve("console");
    }

    Path plugins() {
        return home.resolve("plugins");
    }

    Path deploy() {
        return home.resolve("deploy");
    }

    Path data() {
        String d = System.getProperty("myelin.data.dir");
        return d == null ? home.resolve("data") : Path.of(d).toAbsolutePath().normalize();
    }

    /** @return {@code conf/myelin.properties}, or empty properties when absent */
    Properties userProperties() throws IOException {
        Properties p = new Properties();
        Path f = conf().resolve("myelin.properties");
        if (Files.isRegularFile(f)) {
            try (InputStream in = Files.newInputStream(f)) {
                p.load(in);
            }
        }
        return p;
    }

    static List<Path> jars(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.jar")) {
            s.forEach(out::add);
        }
        out.sort(null);
        return out;
    }
}
