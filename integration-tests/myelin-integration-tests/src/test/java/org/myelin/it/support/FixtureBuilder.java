package org.myelin.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Jar;

/**
 * Builds the test bundles on the fly from this module's test classes, with the bndlib the build
 * itself uses: bnd reads the DS annotations, writes {@code OSGI-INF/*.xml} and computes imports
 * against the distribution's myelin-api jar, exactly like a real plugin build. Runs on the test
 * driver side (from {@code @Configuration}), once per JVM.
 */
public final class FixtureBuilder {

    private static boolean built;

    private FixtureBuilder() {
    }

    /** Writes every {@link Fixtures} jar, once per JVM. */
    public static synchronized void buildAll() {
        if (built) {
            return;
        }
        String fixture = "org.myelin.it.fixture.";
        build(Fixtures.METRIC_V1, fixture + "metric.v1", Map.of());
        build(Fixtures.METRIC_V2, fixture + "metric.v2", Map.of());
        build(Fixtures.METRIC_CONSUMER, fixture + "consumer", Map.of());
        build(Fixtures.DRIVER_V1, fixture + "driver," + fixture + "driver.v1", Map.of());
        build(Fixtures.DRIVER_V2, fixture + "driver," + fixture + "driver.v2", Map.of());
        build(Fixtures.BROKEN_COMPONENT, fixture + "broken.component", Map.of());
        build(Fixtures.BROKEN_ACTIVATOR, fixture + "broken.activator",
                Map.of(Constants.BUNDLE_ACTIVATOR, fixture + "broken.activator.RefusingActivator"));
        built = true;
    }

    private static void build(Fixtures fixture, String packages, Map<String, String> headers) {
        Map<String, String> instructions = new LinkedHashMap<>();
        instructions.put(Constants.BUNDLE_SYMBOLICNAME, fixture.symbolicName());
        instructions.put(Constants.BUNDLE_VERSION, fixture.version());
        instructions.put(Constants.PRIVATEPACKAGE, packages);
        instructions.put(Constants.NOEXTRAHEADERS, "true");
        instructions.putAll(headers);
        try (Builder b = new Builder()) {
            instructions.forEach(b::setProperty);
            b.addClasspath(new File(System.getProperty("myelin.it.classes")));
            b.addClasspath(MyelinContainer.systemJar("myelin-api").toFile());
            Jar jar = b.build();
            if (!b.isOk()) {
                throw new IllegalStateException("bnd could not build " + fixture + ": " + b.getErrors());
            }
            Path out = fixture.jar();
            Files.createDirectories(out.getParent());
            jar.write(out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("bnd could not build " + fixture, e);
        }
    }
}
