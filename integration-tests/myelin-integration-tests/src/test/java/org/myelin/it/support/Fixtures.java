package org.myelin.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * The test bundles, by name, as {@link FixtureBuilder} wrote them before the container started.
 * Readable from inside the container: the native container shares the test JVM's system
 * properties, and the jars sit under {@code myelin.it.work}.
 */
public enum Fixtures {
    /** {@code it-test-metric} 1.0.0: a metric with {@code myelin.id=test-metric} whose value is 1. */
    METRIC_V1("it-test-metric", "1.0.0"),
    /** {@code it-test-metric} 2.0.0: the same id and bundle, value 2. */
    METRIC_V2("it-test-metric", "2.0.0"),
    /** {@code it-metric-consumer}: holds {@code test-metric} through a greedy dynamic reference. */
    METRIC_CONSUMER("it-metric-consumer", "1.0.0"),
    /** {@code it-test-driver} 1.0.0: a simulated chip driver, family {@code it-sim}, serial {@code IT-0001}. */
    DRIVER_V1("it-test-driver", "1.0.0"),
    /** {@code it-test-driver} 2.0.0: the same chip, a newer driver. */
    DRIVER_V2("it-test-driver", "2.0.0"),
    /** {@code it-broken-metric}: a metric component whose activation throws. */
    BROKEN_COMPONENT("it-broken-metric", "1.0.0"),
    /** {@code it-broken-activator}: a bundle whose activator throws in {@code start}. */
    BROKEN_ACTIVATOR("it-broken-activator", "1.0.0");

    private final String symbolicName;
    private final String version;

    Fixtures(String symbolicName, String version) {
        this.symbolicName = symbolicName;
        this.version = version;
    }

    /** @return the Bundle-SymbolicName */
    public String symbolicName() {
        return symbolicName;
    }

    /** @return the Bundle-Version */
    public String version() {
        return version;
    }

    /** @return where the jar is written */
    public Path jar() {
        return workDir().resolve("bundles").resolve(symbolicName + "-" + version + ".jar");
    }

    /**
     * Installs this bundle (not started).
     *
     * @param context a bundle context in the container
     * @return the bundle
     * @throws BundleException when the framework refuses it
     */
    public Bundle install(BundleContext context) throws BundleException {
        try (InputStream in = Files.newInputStream(jar())) {
            return context.installBundle("it:" + symbolicName, in);
        } catch (IOException e) {
            throw new UncheckedIOException("test bundle " + jar() + " is missing; FixtureBuilder writes it", e);
        }
    }

    /**
     * Updates a bundle with this jar.
     *
     * @param bundle the installed bundle
     * @throws BundleException when the update fails
     */
    public void updateTo(Bundle bundle) throws BundleException {
        try (InputStream in = Files.newInputStream(jar())) {
            bundle.update(in);
        } catch (IOException e) {
            throw new UncheckedIOException("test bundle " + jar() + " is missing; FixtureBuilder writes it", e);
        }
    }

    /** @return {@code myelin.it.work}, the module's scratch folder under target/ */
    public static Path workDir() {
        String dir = System.getProperty("myelin.it.work");
        if (dir == null) {
            throw new IllegalStateException("system property myelin.it.work is not set; run the tests with mvn verify (failsafe sets it)");
        }
        return Path.of(dir);
    }
}
