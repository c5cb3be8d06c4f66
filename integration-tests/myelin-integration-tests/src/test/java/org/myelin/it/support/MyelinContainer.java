package org.myelin.it.support;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;

/**
 * A Pax Exam container set up like {@code bin/myelin} in command mode: the jars of the unpacked
 * distribution's {@code system/} and {@code plugins/} (not the console bundles), the framework
 * properties the launcher's {@code Host} sets, and a registry data folder of the test's choosing.
 * Driver side only.
 *
 * <p>Diagnostics: {@code -Dmyelin.it.paxlog=DEBUG} shows Pax Exam's in-container log and
 * {@code -Dmyelin.it.felixlog=4} Felix's resolver and wiring log (both quiet by default).
 */
public final class MyelinContainer {

    private MyelinContainer() {
    }

    /** @return options for a container with a fresh, empty data folder */
    public static Option[] withFreshData() {
        return withData(Fixtures.workDir().resolve("data").resolve(UUID.randomUUID().toString()));
    }

    /**
     * @param dataDir the {@code myelin.data.dir} of the container (the registry lives under it)
     * @return options for the container
     */
    public static Option[] withData(Path dataDir) {
        FixtureBuilder.buildAll();
        Path deploy = Fixtures.workDir().resolve("deploy").resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(deploy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Option> bundles = new ArrayList<>();
        for (Path jar : distributionJars()) {
            bundles.add(bundle(jar.toUri().toString()));
        }
        return options(
                workingDirectory(Fixtures.workDir().resolve("exam").toString()),
                cleanCaches(true),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value(System.getProperty("myelin.it.paxlog", "WARN")),
                systemProperty("org.ops4j.pax.url.mvn.offline").value("true"),
                // like the launcher; through systemPackage so Pax Exam's own exports stay in system.packages.extra
                systemPackage("sun.misc"),
                frameworkProperty("myelin.home").value(distribution().toString()),
                frameworkProperty("myelin.data.dir").value(dataDir.toString()),
                frameworkProperty("myelin.role").value("command"),
                frameworkProperty("ds.loglevel").value("warn"),
                frameworkProperty("ds.delayed.keepInstances").value("true"),
                frameworkProperty("felix.log.level").value(System.getProperty("myelin.it.felixlog", "1")),
                frameworkProperty("felix.fileinstall.dir").value(deploy.toString()),
                frameworkProperty("felix.fileinstall.poll").value("500"),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                frameworkProperty("felix.fileinstall.filter").value(".*\\.jar"),
                frameworkProperty("felix.fileinstall.log.level").value("1"),
                composite(bundles.toArray(new Option[0])),
                junitBundles());
    }

    /** @return the unpacked distribution folder ({@code myelin.it.distribution}) */
    public static Path distribution() {
        String dir = System.getProperty("myelin.it.distribution");
        if (dir == null) {
            throw new IllegalStateException("system property myelin.it.distribution is not set; run with mvn verify (failsafe sets it)");
        }
        Path p = Path.of(dir);
        if (!Files.isDirectory(p.resolve("system"))) {
            throw new IllegalStateException(p + " holds no system/ folder: build distributions/myelin-distribution first "
                    + "(mvn -B verify from the root does)");
        }
        return p;
    }

    /** @return every jar of {@code system/} and {@code plugins/}, the set bin/myelin installs in command mode */
    public static List<Path> distributionJars() {
        List<Path> out = new ArrayList<>(jars(distribution().resolve("system")));
        out.addAll(jars(distribution().resolve("plugins")));
        return out;
    }

    /**
     * @param artifactId e.g. {@code myelin-api}
     * @return the jar of that artifact in {@code system/}
     */
    public static Path systemJar(String artifactId) {
        return jars(distribution().resolve("system")).stream()
                .filter(p -> p.getFileName().toString().matches(java.util.regex.Pattern.quote(artifactId) + "-\\d.*\\.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + artifactId + "-*.jar in " + distribution().resolve("system")));
    }

    private static List<Path> jars(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
