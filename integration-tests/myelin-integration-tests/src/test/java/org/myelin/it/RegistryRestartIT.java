package org.myelin.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.myelin.api.registry.BundleRecord;
import org.myelin.api.registry.ExperimentRegistry;
import org.myelin.api.registry.MetricPoint;
import org.myelin.api.registry.RunRecord;
import org.myelin.api.registry.RunStart;
import org.myelin.api.registry.RunStatus;
import org.myelin.it.support.Fixtures;
import org.myelin.it.support.InContainer;
import org.myelin.it.support.MyelinContainer;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The experiment registry keeps a run and its metrics across a restart of its bundle and across
 * a whole new framework pointed at the same {@code myelin.data.dir}. The two tests run in order
 * (NAME_ASCENDING), each in its own container: the first records the run and hands its id to the
 * second through a JVM system property (the native container shares the test JVM), the second
 * opens the same data folder in a fresh framework and finds it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class RegistryRestartIT {

    private static final String RECORDED_RUN = "myelin.it.registry.recorded-run";
    private static final long REGISTRY_TIMEOUT_MS = 20_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return MyelinContainer.withData(dataDir());
    }

    /** One data folder for both containers of this class, new for every test JVM. */
    private static Path dataDir() {
        String dir = System.getProperty("myelin.it.registry.data");
        if (dir == null) {
            dir = Fixtures.workDir().resolve("registry-restart").resolve(UUID.randomUUID().toString()).toString();
            System.setProperty("myelin.it.registry.data", dir);
        }
        return Path.of(dir);
    }

    @Test
    public void a_runSurvivesARestartOfTheRegistryBundle() throws Exception {
        ExperimentRegistry registry = registry();
        String uid = "it-" + UUID.randomUUID();
        RunRecord started = registry.startRun(new RunStart("it-registry-restart", "{\"experiment\":\"it-registry-restart\"}",
                "0".repeat(64), 42L, Map.of("model", 7L), List.of(new BundleRecord("myelin-integration-tests", "0.1.0", "")),
                null, Map.of("uid", uid)));
        assertEquals(RunStatus.RUNNING, started.status());
        long id = started.id();
        for (long step = 0; step < 3; step++) {
            registry.logMetrics(id, step, Map.of("loss", 1.0 / (step + 1), "accuracy", 0.5 + 0.1 * step));
        }
        registry.finishRun(id, RunStatus.FINISHED, null, null);

        Bundle bundle = registryBundle();
        bundle.stop();
        assertTrue("the registry service is gone while its bundle is stopped",
                InContainer.reference(context, ExperimentRegistry.class, null) == null);
        bundle.start();
        assertRecorded(registry(), id, uid);
        System.setProperty(RECORDED_RUN, id + " " + uid);
    }

    @Test
    public void b_runSurvivesAFreshFrameworkOnTheSameDataFolder() {
        String recorded = System.getProperty(RECORDED_RUN);
        assertNotNull("a_runSurvivesARestartOfTheRegistryBundle records the run this test looks for; it did not finish", recorded);
        String[] parts = recorded.split(" ");
        assertRecorded(registry(), Long.parseLong(parts[0]), parts[1]);
    }

    private static void assertRecorded(ExperimentRegistry registry, long id, String uid) {
        RunRecord run = registry.findRun(id).orElseThrow(() -> new AssertionError("run " + id + " is gone after the restart"));
        assertEquals(RunStatus.FINISHED, run.status());
        assertEquals("it-registry-restart", run.experiment());
        assertEquals(42L, run.seed());
        assertEquals(uid, run.tags().get("uid"));
        assertEquals(Long.valueOf(7L), run.seeds().get("model"));
        assertEquals(1.0 / 3, run.latestMetrics().get("loss"), 1e-12);
        assertEquals(0.7, run.latestMetrics().get("accuracy"), 1e-12);
        List<MetricPoint> loss = registry.metricHistory(id, "loss");
        assertEquals(List.of(0L, 1L, 2L), loss.stream().map(MetricPoint::step).collect(Collectors.toList()));
        assertEquals(List.of(1.0, 0.5, 1.0 / 3), loss.stream().map(MetricPoint::value).collect(Collectors.toList()));
    }

    private ExperimentRegistry registry() {
        return InContainer.service(context, ExperimentRegistry.class, null, REGISTRY_TIMEOUT_MS);
    }

    private Bundle registryBundle() {
        for (Bundle b : context.getBundles()) {
            if ("myelin-registry".equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no myelin-registry bundle in the container");
    }
}
