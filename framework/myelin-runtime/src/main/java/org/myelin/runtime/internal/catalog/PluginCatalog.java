package org.myelin.runtime.internal.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.myelin.api.Plugin;
import org.myelin.api.PluginKind;
import org.myelin.api.PluginProperties;
import org.myelin.api.PluginUnavailableException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Finds plugin services by kind and id through the service registry, at the moment they are
 * asked for, so a jar dropped into {@code deploy/} is usable by the next lookup. Unknown ids give
 * a {@link PluginUnavailableException} listing what is available and why a bundle did not load.
 */
public final class PluginCatalog {

    /** How long a lookup waits for a plugin right after start-up (bundles still activating), in ms. */
    private static final long STARTUP_GRACE_MS = 4000;

    private final BundleContext context;
    private final long graceUntil;

    /** @param context the runtime bundle's context */
    public PluginCatalog(BundleContext context) {
        this(context, STARTUP_GRACE_MS);
    }

    /**
     * @param context the runtime bundle's context
     * @param graceMs how long a lookup of a missing id waits for bundles still starting
     */
    public PluginCatalog(BundleContext context, long graceMs) {
        this.context = context;
        this.graceUntil = System.currentTimeMillis() + graceMs;
    }

    /** A plugin service held for the duration of a piece of work. */
    public static final class Lease<T> implements AutoCloseable {
        private final BundleContext context;
        private final ServiceReference<?> reference;
        private final T service;

        Lease(BundleContext context, ServiceReference<?> reference, T service) {
            this.context = context;
            this.reference = reference;
            this.service = service;
        }

        /** @return the service */
        public T service() {
            return service;
        }

        /** @return the providing bundle */
        public Bundle bundle() {
            return reference.getBundle();
        }

        @Override
        public void close() {
            try {
                context.ungetService(reference);
            } catch (IllegalStateException ignored) {
                // the bundle went away; nothing to release
            }
        }
    }

    /**
     * @param kind plugin kind
     * @param id plugin id
     * @param type the service interface
     * @param <T> service type
     * @return the leased service
     * @throws PluginUnavailableException when no such plugin is registered
     */
    public <T extends Plugin> Lease<T> acquire(PluginKind kind, String id, Class<T> type) {
        long deadline = graceUntil;
        while (true) {
            ServiceReference<?> ref = find(kind, id);
            if (ref != null) {
                Object svc = context.getService(ref);
                if (type.isInstance(svc)) {
                    return new Lease<>(context, ref, type.cast(svc));
                }
                if (svc != null) {
                    context.ungetService(ref);
                }
            }
            if (System.currentTimeMillis() >= deadline) {
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new PluginUnavailableException(kind, id, ids(kind), problemsSummary());
    }

    private ServiceReference<?> find(PluginKind kind, String id) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences(kind.serviceInterface(),
                    "(" + PluginProperties.ID + "=" + escape(id) + ")");
            if (refs == null || refs.length == 0) {
                return null;
            }
            // highest ranking, then newest
            return java.util.Arrays.stream(refs).max(Comparator.naturalOrder()).orElse(null);
        } catch (InvalidSyntaxException e) {
            return null;
        }
    }

    /**
     * @param kind plugin kind
     * @return ids registered for that kind, sorted
     */
    public List<String> ids(PluginKind kind) {
        TreeSet<String> out = new TreeSet<>();
        for (ServiceReference<?> r : refs(kind)) {
            Object id = r.getProperty(PluginProperties.ID);
            if (id != null) {
                out.add(id.toString());
            }
        }
        return new ArrayList<>(out);
    }

    private List<ServiceReference<?>> refs(PluginKind kind) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences(kind.serviceInterface(), null);
            return refs == null ? List.of() : List.of(refs);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return every registered plugin, sorted by kind and id */
    public List<PluginEntry> list() {
        List<PluginEntry> out = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            for (ServiceReference<?> r : refs(kind)) {
                Bundle b = r.getBundle();
                if (b == null) {
                    continue;
                }
                Object id = r.getProperty(PluginProperties.ID);
                String description = "";
                Object svc = context.getService(r);
                try {
                    if (svc instanceof Plugin) {
                        description = ((Plugin) svc).description();
                    }
                } catch (RuntimeException e) {
                    description = "(description failed: " + e + ")";
                } finally {
                    if (svc != null) {
                        context.ungetService(r);
                    }
                }
                out.add(new PluginEntry(kind.property(), String.valueOf(id), description, b.getSymbolicName(),
                        b.getVersion().toString(), b.getBundleId(), BundleDiagnostics.state(b).toLowerCase(java.util.Locale.ROOT),
                        b.getLocation()));
            }
        }
        out.sort(Comparator.comparing(PluginEntry::kind).thenComparing(PluginEntry::id));
        return out;
    }

    /** @return problems of bundles and components, for listings */
    public List<BundleProblem> problems() {
        return new BundleDiagnostics(context).problems();
    }

    private String problemsSummary() {
        List<BundleProblem> problems = problems();
        if (problems.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (BundleProblem p : problems) {
            parts.add(p.bundle() + " " + p.version() + ": " + p.reason());
        }
        return "Bundles that did not load: " + String.join("; ", parts);
    }

    static String escape(String v) {
        StringBuilder sb = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (c == '\\' || c == '(' || c == ')' || c == '*') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
