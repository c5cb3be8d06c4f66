package org.myelin.runtime.internal.cli;

import java.util.List;

import org.myelin.api.registry.ExperimentRegistry;
import org.myelin.api.registry.RegistryUnavailableException;
import org.myelin.runtime.internal.catalog.BundleProblem;
import org.myelin.runtime.internal.catalog.PluginCatalog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** What commands need from the running host: the bundle context, the catalog and the registry. */
final class Host {

    private static final long REGISTRY_WAIT_MS = 15000;

    final BundleContext context;
    final PluginCatalog catalog;

    Host(BundleContext context) {
        this.context = context;
        this.catalog = new PluginCatalog(context);
    }

    /**
     * @return the registry service, waiting briefly while it activates
     * @throws RegistryUnavailableException with the component's own failure when it did not come up
     */
    org.myelin.runtime.internal.hardware.DriverTracker drivers() {
        ServiceReference<org.myelin.runtime.internal.hardware.DriverTracker> ref =
                context.getServiceReference(org.myelin.runtime.internal.hardware.DriverTracker.class);
        if (ref == null) {
            throw new IllegalStateException("the driver tracker of myelin-runtime is not active ('scr:list' in the console shows why)");
        }
        return context.getService(ref);
    }

    ExperimentRegistry registry() {
        boolean installed = java.util.Arrays.stream(context.getBundles())
                .anyMatch(b -> "myelin-registry".equals(b.getSymbolicName()));
        if (!installed) {
            throw new RegistryUnavailableException("no registry bundle is installed: system/ must hold myelin-registry-*.jar "
                    + "(reinstall the distribution)", null);
        }
        long deadline = System.currentTimeMillis() + REGISTRY_WAIT_MS;
        while (true) {
            ServiceReference<ExperimentRegistry> ref = context.getServiceReference(ExperimentRegistry.class);
            if (ref != null) {
                ExperimentRegistry r = context.getService(ref);
                if (r != null) {
                    return r;
                }
            }
            String failure = registryFailure();
            if (failure != null || System.currentTimeMillis() > deadline) {
                throw new RegistryUnavailableException(failure != null ? failure
                        : "the experiment registry did not start within " + REGISTRY_WAIT_MS / 1000
                                + " s; check that the myelin-registry bundle is in system/ ('myelin plugins' lists bundle problems)",
                        null);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryUnavailableException("interrupted while waiting for the registry", e);
            }
        }
    }

    private String registryFailure() {
        List<BundleProblem> problems = catalog.problems();
        for (BundleProblem p : problems) {
            if (p.bundle().equals("myelin-registry") && !p.state().equals("UNSATISFIED")) {
                return "the experiment registry could not start: " + p.reason();
            }
        }
        return null;
    }
}
