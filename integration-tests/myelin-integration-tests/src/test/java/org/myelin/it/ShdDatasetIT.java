package org.myelin.it;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.myelin.api.InvalidInputException;
import org.myelin.api.data.Dataset;
import org.myelin.api.data.DatasetProvider;
import org.myelin.api.data.SampleKind;
import org.myelin.api.param.Parameters;
import org.myelin.it.support.Fixtures;
import org.myelin.it.support.InContainer;
import org.myelin.it.support.MyelinContainer;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The {@code shd} plugin reads HDF5 inside Felix with the distribution's bundles: jhdf, slf4j-api
 * and the slf4j-nop provider live privately in the data-shd bundle, slf4j finds its provider there
 * without a ServiceLoader mediator, and no other bundle exports jhdf or slf4j. The data is the
 * synthetic SHD fixture of plugins/data-shd (src/test/resources/shd, written by
 * make_shd_fixtures.py); the expected events are those its unit test derives by hand.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShdDatasetIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return MyelinContainer.withFreshData();
    }

    /** plugins/data-shd/src/test/resources/shd, found from the distribution folder the build passes in. */
    private static Path fixtures() {
        Path shd = MyelinContainer.distribution().toAbsolutePath().normalize().getParent().getParent().getParent().getParent()
                .resolve("plugins/data-shd/src/test/resources/shd");
        assertTrue("SHD fixtures not found at " + shd, Files.isRegularFile(shd.resolve("shd_train.h5")));
        return shd;
    }

    private DatasetProvider shd() throws InvalidSyntaxException {
        Collection<ServiceReference<DatasetProvider>> refs = context.getServiceReferences(DatasetProvider.class, "(myelin.id=shd)");
        long deadline = System.currentTimeMillis() + 10_000;
        while (refs.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
            refs = context.getServiceReferences(DatasetProvider.class, "(myelin.id=shd)");
        }
        assertEquals("one shd dataset service", 1, refs.size());
        ServiceReference<DatasetProvider> ref = refs.iterator().next();
        assertEquals("dataset", ref.getProperty("myelin.kind"));
        return context.getService(ref);
    }

    private static Dataset open(DatasetProvider p, Map<String, Object> raw) throws IOException {
        return p.open(Parameters.resolve("data.params", p.parameters(), raw));
    }

    @Test
    public void readsTheHdf5FixtureInsideFelix() throws Exception {
        DatasetProvider p = shd();
        assertEquals("data-shd", FrameworkUtil.getBundle(p.getClass()).getSymbolicName());
        Dataset d = open(p, Map.of("dir", fixtures().toString(), "channel_group", 5));
        assertEquals(SampleKind.EVENTS, d.info().kind());
        assertEquals(6, d.train().size());
        assertEquals(3, d.test().size());
        assertEquals(140, d.info().channels());
        assertEquals("english-three", d.info().classNames().get(d.train().get(0).label()));
        assertArrayEquals(new int[] {0, 0, 1, 1, 50}, d.train().get(0).events().steps());
        assertArrayEquals(new int[] {0, 0, 1, 139, 0}, d.train().get(0).events().channels());
        assertArrayEquals(new int[] {50, 50, 50, 50, 50}, d.test().get(1).events().steps());
    }

    @Test
    public void jhdfAndSlf4jArePrivateAndSlf4jFindsItsProviderInTheBundle() throws Exception {
        DatasetProvider p = shd();
        Bundle bundle = FrameworkUtil.getBundle(p.getClass());
        for (Bundle b : context.getBundles()) {
            assertTrue("no SPI Fly is needed, found " + b.getSymbolicName(), !String.valueOf(b.getSymbolicName()).contains("spifly"));
        }
        // Pax Exam's own pax-logging-api exports org.slf4j in the test container; the distribution's bundles do not
        for (Bundle b : InContainer.distributionBundles(context)) {
            String sn = String.valueOf(b.getSymbolicName());
            BundleWiring w = b.adapt(BundleWiring.class);
            if (w == null) {
                continue;
            }
            w.getCapabilities("osgi.wiring.package").forEach(c -> {
                Object pkg = c.getAttributes().get("osgi.wiring.package");
                if (String.valueOf(pkg).startsWith("io.jhdf") || String.valueOf(pkg).startsWith("org.slf4j")) {
                    fail(sn + " exports " + pkg + "; jhdf and slf4j must stay private to data-shd");
                }
            });
        }
        bundle.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package").forEach(w -> {
            Object pkg = w.getCapability().getAttributes().get("osgi.wiring.package");
            assertTrue("data-shd imports " + pkg + " from " + w.getProvider().getSymbolicName(),
                    !String.valueOf(pkg).startsWith("io.jhdf") && !String.valueOf(pkg).startsWith("org.slf4j"));
        });
        Class<?> loggerFactory = bundle.loadClass("org.slf4j.LoggerFactory");
        assertEquals(bundle, FrameworkUtil.getBundle(loggerFactory));
        Method getProvider = loggerFactory.getDeclaredMethod("getProvider");
        getProvider.setAccessible(true);
        Object provider = getProvider.invoke(null);
        assertNotNull(provider);
        assertEquals("slf4j bound the embedded provider, not its no-provider fallback", "org.slf4j.nop.NOPServiceProvider",
                provider.getClass().getName());
    }

    @Test
    public void aTruncatedFileFailsWithItsNameInsideFelix() throws Exception {
        DatasetProvider p = shd();
        byte[] full = Files.readAllBytes(fixtures().resolve("shd_train.h5"));
        Path cut = Fixtures.workDir().resolve("shd-truncated-train.h5");
        Files.createDirectories(cut.getParent());
        Files.write(cut, Arrays.copyOf(full, full.length / 2));
        try {
            open(p, Map.of("train", cut.toString(), "test", fixtures().resolve("shd_test.h5").toString()));
            fail("a truncated HDF5 file must be rejected");
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(cut.toString() + ": "));
        }
    }
}
