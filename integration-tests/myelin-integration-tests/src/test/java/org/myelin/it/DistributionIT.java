package org.myelin.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.myelin.api.Plugin;
import org.myelin.api.PluginKind;
import org.myelin.api.PluginProperties;
import org.myelin.it.support.Cli;
import org.myelin.it.support.InContainer;
import org.myelin.it.support.Json;
import org.myelin.it.support.MyelinContainer;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The distribution as shipped: every bundle of {@code system/} and {@code plugins/} comes up in a
 * real Felix, no DS component of ours is left unsatisfied or failed, and every plugin service
 * announces itself with {@code myelin.id} and {@code myelin.kind}. One container for the class:
 * these tests only read.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return MyelinContainer.withFreshData();
    }

    @Test
    public void everyDistributionBundleIsActive() {
        List<Bundle> bundles = InContainer.distributionBundles(context);
        assertEquals("every jar of system/ and plugins/ is installed", MyelinContainer.distributionJars().size(), bundles.size());
        for (Bundle b : bundles) {
            String expected = InContainer.isFragment(b) ? "RESOLVED" : "ACTIVE";
            assertEquals(b.getSymbolicName() + " " + b.getVersion() + " (" + b.getLocation() + ")", expected, InContainer.bundleState(b));
        }
    }

    @Test
    public void noComponentOfOursIsUnsatisfiedOrFailed() {
        List<Bundle> ours = new ArrayList<>();
        for (Bundle b : InContainer.distributionBundles(context)) {
            if (InContainer.isOurs(b)) {
                ours.add(b);
            }
        }
        assertTrue("the distribution holds Myelin bundles (Bundle-Vendor: Myelin)", ours.size() >= 2);
        // Delayed components stay SATISFIED until someone asks for them: ask, so a component whose
        // activation throws shows up as FAILED_ACTIVATION instead of hiding.
        for (Bundle b : ours) {
            ServiceReference<?>[] refs = b.getRegisteredServices();
            for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) {
                context.getService(r);
                context.ungetService(r);
            }
        }
        assertEquals("DS components of Myelin bundles that are not ACTIVE or SATISFIED", List.of(),
                InContainer.componentProblems(context, ours));
    }

    @Test
    public void everyPluginServiceCarriesItsIdAndKind() {
        int checked = 0;
        for (Bundle b : InContainer.pluginBundles(context)) {
            ServiceReference<?>[] refs = b.getRegisteredServices();
            for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) {
                String where = b.getSymbolicName() + " service " + r;
                Object id = r.getProperty(PluginProperties.ID);
                Object kind = r.getProperty(PluginProperties.KIND);
                assertNotNull(where + " has no " + PluginProperties.ID, id);
                assertNotNull(where + " has no " + PluginProperties.KIND, kind);
                assertTrue(where + ": id '" + id + "' is not kebab-case", id.toString().matches("[a-z0-9]+(-[a-z0-9]+)*"));
                PluginKind k = PluginKind.ofProperty(kind.toString());
                List<String> classes = List.of((String[]) r.getProperty(org.osgi.framework.Constants.OBJECTCLASS));
                assertTrue(where + " of kind " + k.property() + " must register " + k.serviceInterface() + ", registers " + classes,
                        classes.contains(k.serviceInterface()));
                Plugin plugin = (Plugin) context.getService(r);
                try {
                    assertNotNull(where + " could not be obtained (its activation failed?)", plugin);
                    assertEquals(where + ": id() must equal the myelin.id property", id, plugin.id());
                    assertFalse(where + ": description() is empty", plugin.description() == null || plugin.description().isBlank());
                    assertNotNull(where + ": parameters() is null", plugin.parameters());
                } finally {
                    context.ungetService(r);
                }
                checked++;
            }
        }
        assertTrue("plugins/ registers at least the four bundled plugins, found " + checked, checked >= 4);
    }

    @Test
    public void bundledPluginsRegisterTheirIds() {
        Map<String, String> kindById = new TreeMap<>();
        for (Bundle b : InContainer.pluginBundles(context)) {
            ServiceReference<?>[] refs = b.getRegisteredServices();
            for (ServiceReference<?> r : refs == null ? new ServiceReference<?>[0] : refs) {
                if (r.getProperty(PluginProperties.ID) != null) {
                    kindById.put(r.getProperty(PluginProperties.ID) + "@" + b.getSymbolicName(), String.valueOf(r.getProperty(PluginProperties.KIND)));
                }
            }
        }
        assertEquals("neuron", kindById.get("lif@neuron-lif"));
        assertEquals("learning", kindById.get("readout@learning-readout"));
        assertEquals("dataset", kindById.get("ucr@data-ucr"));
        assertEquals("metric", kindById.get("cka@metric-cka"));
    }

    @Test
    public void registryServiceIsRegistered() {
        org.myelin.api.registry.ExperimentRegistry registry =
                InContainer.service(context, org.myelin.api.registry.ExperimentRegistry.class, null, 15_000);
        assertNotNull(registry.info());
    }

    @Test
    public void pluginsCommandListsEveryPluginAndNoProblem() {
        Map<String, Object> out = Json.object(Cli.ok(context, "plugins", "--json"));
        assertEquals("problems reported by 'myelin plugins'", List.of(), out.get("problems"));
        int services = 0;
        for (Bundle b : InContainer.pluginBundles(context)) {
            ServiceReference<?>[] refs = b.getRegisteredServices();
            services += refs == null ? 0 : refs.length;
        }
        assertEquals("'myelin plugins' lists every plugin service", services, Json.objects(out, "plugins").size());
    }
}
