package org.myelin.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.myelin.api.PluginProperties;
import org.myelin.it.fixture.broken.activator.RefusingActivator;
import org.myelin.it.fixture.broken.component.RefusingMetric;
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
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The host survives its plugins (RELIABILITY.md 1.4): a plugin whose DS activation throws, or
 * whose bundle activator throws, leaves every other service in place and the runtime's commands
 * working, and {@code myelin plugins} says in plain words what went wrong. A fresh container
 * per test, so one broken plugin does not colour the other test.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class FailingPluginIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return MyelinContainer.withFreshData();
    }

    @Test
    public void componentThatThrowsInActivateLeavesHostAndOtherPluginsWorking() throws Exception {
        Set<String> before = myelinServices();
        Bundle broken = Fixtures.BROKEN_COMPONENT.install(context);
        broken.start();
        assertEquals("the bundle itself starts; only its component fails", "ACTIVE", InContainer.bundleState(broken));
        List<String> states = Poll.until("SCR to report the broken component", 10_000,
                () -> InContainer.componentStates(context, broken), s -> !s.isEmpty() && s.get(0).contains("FAILED_ACTIVATION"));
        assertTrue(states.toString(), states.get(0).contains(RefusingMetric.FAILURE));
        // SCR may keep the registration of a failed immediate component, but never hands out an instance
        ServiceReference<org.myelin.api.metric.SimilarityMetric> ref =
                InContainer.reference(context, org.myelin.api.metric.SimilarityMetric.class, "(myelin.id=it-broken)");
        if (ref != null) {
            assertNull("nobody gets an instance of a component whose activation threw", context.getService(ref));
        }

        assertHostStillWorks(before, broken);
        Map<String, Object> plugins = Json.object(Cli.ok(context, "plugins", "--json"));
        List<Map<String, Object>> problems = Json.objects(plugins, "problems");
        assertTrue("'myelin plugins' names the failed activation and its exception: " + problems, problems.stream()
                .anyMatch(p -> "it-broken-metric".equals(p.get("bundle")) && "FAILED_ACTIVATION".equals(p.get("state"))
                        && String.valueOf(p.get("reason")).contains(RefusingMetric.FAILURE)));
    }

    @Test
    public void bundleWhoseActivatorThrowsLeavesHostAndOtherPluginsWorking() throws Exception {
        Set<String> before = myelinServices();
        Bundle broken = Fixtures.BROKEN_ACTIVATOR.install(context);
        try {
            broken.start();
            fail("start of a bundle whose activator throws must fail");
        } catch (BundleException expected) {
            assertTrue(String.valueOf(expected.getCause()), expected.getCause() != null
                    && expected.getCause().getMessage().contains(RefusingActivator.FAILURE));
        }
        assertEquals("RESOLVED", InContainer.bundleState(broken));

        assertHostStillWorks(before, broken);
        Map<String, Object> plugins = Json.object(Cli.ok(context, "plugins", "--json"));
        assertTrue("'myelin plugins' reports the bundle that did not start: " + plugins.get("problems"),
                Json.objects(plugins, "problems").stream().anyMatch(p -> "it-broken-activator".equals(p.get("bundle"))));
    }

    private void assertHostStillWorks(Set<String> servicesBefore, Bundle broken) throws InvalidSyntaxException {
        Set<String> now = myelinServices();
        now.removeIf(s -> s.endsWith("@" + broken.getSymbolicName()));
        assertEquals("the plugin services registered before the broken bundle are all still there", servicesBefore, now);
        for (Bundle b : InContainer.distributionBundles(context)) {
            String expected = InContainer.isFragment(b) ? "RESOLVED" : "ACTIVE";
            assertEquals(b.getSymbolicName(), expected, InContainer.bundleState(b));
        }
        assertEquals(List.of(), InContainer.componentProblems(context, InContainer.distributionBundles(context)));
        Cli.Result drivers = Cli.run(context, "drivers", "--json");
        assertEquals("myelin drivers still works: " + drivers, 0, drivers.exitCode());
        Cli.Result usage = Cli.run(context, "no-such-command");
        assertEquals("a bad command still gets the usage exit code: " + usage, 2, usage.exitCode());
    }

    /** @return every registered service with a myelin.id, as {@code id/kind@bundle} */
    private Set<String> myelinServices() throws InvalidSyntaxException {
        Set<String> out = new TreeSet<>();
        ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(" + PluginProperties.ID + "=*)");
        for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) {
            out.add(r.getProperty(PluginProperties.ID) + "/" + r.getProperty(PluginProperties.KIND) + "@" + r.getBundle().getSymbolicName());
        }
        return out;
    }
}
