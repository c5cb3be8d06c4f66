package org.myelin.it.support;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** What the tests ask of the running container: its distribution bundles, DS state, services. */
public final class InContainer {

    private InContainer() {
    }

    /**
     * @param context a bundle context in the container
     * @return the installed bundles whose jar lies in the distribution's {@code system/} or {@code plugins/}
     */
    public static List<Bundle> distributionBundles(BundleContext context) {
        Set<Path> jars = MyelinContainer.distributionJars().stream().map(Path::toAbsolutePath).collect(Collectors.toSet());
        List<Bundle> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String loc = b.getLocation();
            if (loc.startsWith("file:") && jars.contains(Path.of(URI.create(loc)).toAbsolutePath())) {
                out.add(b);
            }
        }
        return out;
    }

    /**
     * @param context a bundle context in the container
     * @return the distribution bundles that came from {@code plugins/}
     */
    public static List<Bundle> pluginBundles(BundleContext context) {
        Path plugins = MyelinContainer.distribution().resolve("plugins").toAbsolutePath();
        return distributionBundles(context).stream()
                .filter(b -> Path.of(URI.create(b.getLocation())).toAbsolutePath().startsWith(plugins))
                .collect(Collectors.toList());
    }

    /**
     * @param b a bundle
     * @return whether it is a fragment (fragments are RESOLVED, never ACTIVE)
     */
    public static boolean isFragment(Bundle b) {
        BundleRevision r = b.adapt(BundleRevision.class);
        return r != null && (r.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    /**
     * @param b a bundle
     * @return whether the Myelin build made it (its Bundle-Vendor is Myelin)
     */
    public static boolean isOurs(Bundle b) {
        return "Myelin".equals(b.getHeaders().get(Constants.BUNDLE_VENDOR));
    }

    /**
     * Every DS component configuration of the given bundles that is neither ACTIVE nor SATISFIED,
     * described in one line each (name, state, failure or unsatisfied references).
     *
     * @param context a bundle context in the container
     * @param bundles whose components to check
     * @return the problems, empty when all is well
     */
    public static List<String> componentProblems(BundleContext context, List<Bundle> bundles) {
        ServiceComponentRuntime scr = service(context, ServiceComponentRuntime.class, null, 10_000);
        List<String> out = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundles.toArray(new Bundle[0]))) {
            if (!scr.isComponentEnabled(d)) {
                out.add(d.bundle.symbolicName + "/" + d.name + ": disabled");
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.ACTIVE || c.state == ComponentConfigurationDTO.SATISFIED) {
                    continue;
                }
                StringBuilder sb = new StringBuilder(d.bundle.symbolicName + "/" + d.name + ": " + stateName(c.state));
                if (c.failure != null) {
                    sb.append(": ").append(c.failure.lines().findFirst().orElse(""));
                }
                for (var u : c.unsatisfiedReferences) {
                    sb.append(" unsatisfied reference ").append(u.name).append(' ').append(u.target);
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    /**
     * @param context a bundle context in the container
     * @param b a bundle
     * @return the state of each DS component configuration of the bundle, as {@code name=STATE}
     */
    public static List<String> componentStates(BundleContext context, Bundle b) {
        ServiceComponentRuntime scr = service(context, ServiceComponentRuntime.class, null, 10_000);
        List<String> out = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(b)) {
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                out.add(d.name + "=" + stateName(c.state) + (c.failure == null ? "" : " (" + c.failure.lines().findFirst().orElse("") + ")"));
            }
        }
        return out;
    }

    /**
     * Waits for a service.
     *
     * @param context a bundle context in the container
     * @param type the service interface
     * @param filter an LDAP filter on its properties, or {@code null}
     * @param timeoutMs how long to wait
     * @param <T> service type
     * @return the service
     * @throws AssertionError when it does not appear, naming the type and filter
     */
    public static <T> T service(BundleContext context, Class<T> type, String filter, long timeoutMs) {
        ServiceReference<T> ref = Poll.until("service " + type.getName() + (filter == null ? "" : " " + filter), timeoutMs,
                () -> reference(context, type, filter), r -> r != null);
        return context.getService(ref);
    }

    /**
     * @param context a bundle context in the container
     * @param type the service interface
     * @param filter an LDAP filter, or {@code null}
     * @param <T> service type
     * @return the best matching reference now, or {@code null}
     */
    public static <T> ServiceReference<T> reference(BundleContext context, Class<T> type, String filter) {
        try {
            return context.getServiceReferences(type, filter).stream().max(ServiceReference::compareTo).orElse(null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * @param state a {@link ComponentConfigurationDTO} state constant
     * @return its name
     */
    public static String stateName(int state) {
        switch (state) {
            case ComponentConfigurationDTO.ACTIVE: return "ACTIVE";
            case ComponentConfigurationDTO.SATISFIED: return "SATISFIED";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE: return "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION: return "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.FAILED_ACTIVATION: return "FAILED_ACTIVATION";
            default: return "state " + state;
        }
    }

    /**
     * @param b a bundle
     * @return its state as a word
     */
    public static String bundleState(Bundle b) {
        switch (b.getState()) {
            case Bundle.ACTIVE: return "ACTIVE";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            default: return "state " + b.getState();
        }
    }
}
