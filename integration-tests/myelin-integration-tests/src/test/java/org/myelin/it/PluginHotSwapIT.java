package org.myelin.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.DoubleSupplier;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.myelin.it.support.Cli;
import org.myelin.it.support.Fixtures;
import org.myelin.it.support.InContainer;
import org.myelin.it.support.Json;
import org.myelin.it.support.MyelinContainer;
import org.myelin.it.support.Poll;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * A plugin bundle installed, updated and uninstalled while consumers hold it: a DS component
 * with a greedy dynamic reference (the pattern the runtime uses) and the runtime's own plugin
 * catalog ({@code myelin compare --metric test-metric}) both follow it, and the host stays fine.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class PluginHotSwapIT {

    private static final long BIND_TIMEOUT_MS = 10_000;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return MyelinContainer.withFreshData();
    }

    @Test
    public void consumersSeeV1ThenV2AfterUpdateThenNothingAfterUninstall() throws Exception {
        Path x = Fixtures.workDir().resolve("hot-swap-x.csv");
        Files.writeString(x, "1,0\n0,1\n1,1\n");
        Bundle consumer = Fixtures.METRIC_CONSUMER.install(context);
        consumer.start();
        DoubleSupplier bound = InContainer.service(context, DoubleSupplier.class, "(it.consumer=test-metric)", BIND_TIMEOUT_MS);
        assertTrue("nothing is bound before the plugin is installed", Double.isNaN(bound.getAsDouble()));

        Bundle metric = Fixtures.METRIC_V1.install(context);
        metric.start();
        Poll.until("the consumer to bind test-metric v1", BIND_TIMEOUT_MS, bound::getAsDouble, v -> v == 1.0);
        assertEquals(1.0, compareValue(x), 0.0);

        Fixtures.METRIC_V2.updateTo(metric);
        assertEquals("2.0.0", metric.getVersion().toString());
        assertEquals("ACTIVE", InContainer.bundleState(metric));
        Poll.until("the consumer to rebind to test-metric v2 after update", BIND_TIMEOUT_MS, bound::getAsDouble, v -> v == 2.0);
        assertEquals(2.0, compareValue(x), 0.0);

        metric.uninstall();
        Poll.until("the consumer to unbind test-metric after uninstall", BIND_TIMEOUT_MS, bound::getAsDouble, v -> Double.isNaN(v));
        Cli.Result gone = Cli.run(context, "compare", x.toString(), x.toString(), "--metric", "test-metric", "--json");
        assertEquals("compare with an uninstalled metric exits 4 (plugin unavailable): " + gone, 4, gone.exitCode());
        assertTrue("the error names the missing id: " + gone, gone.err().contains("test-metric"));

        assertEquals("the consumer survives its provider", "ACTIVE", InContainer.bundleState(consumer));
        Map<String, Object> plugins = Json.object(Cli.ok(context, "plugins", "--json"));
        assertTrue("test-metric is no longer listed: " + plugins,
                Json.objects(plugins, "plugins").stream().noneMatch(p -> "test-metric".equals(p.get("id"))));
        assertEquals("the distribution's components are unharmed", java.util.List.of(),
                InContainer.componentProblems(context, InContainer.distributionBundles(context)));
    }

    private double compareValue(Path x) {
        Map<String, Object> r = Json.object(Cli.ok(context, "compare", x.toString(), x.toString(), "--metric", "test-metric", "--json"));
        return ((Number) r.get("value")).doubleValue();
    }
}
