package org.myelin.runtime.internal.run;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.myelin.api.Plugin;
import org.myelin.api.PluginKind;
import org.myelin.api.PluginProperties;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/**
 * A bundle context made of dynamic proxies that serves a fixed set of plugin services, so the
 * catalog and runner can be tested without a framework. Filters are evaluated with the real
 * OSGi filter syntax where the JDK provides one; here a simple {@code (myelin.id=X)} match suffices.
 */
final class FakeHost {

    private record Registration(PluginKind kind, Plugin service, ServiceReference<?> ref) {
    }

    private final List<Registration> registrations = new ArrayList<>();
    private final Bundle bundle = proxy(Bundle.class, (p, m, a) -> switch (m.getName()) {
        case "getSymbolicName" -> "fake-plugins";
        case "getVersion" -> new Version(1, 0, 0);
        case "getBundleId" -> 7L;
        case "getLocation" -> "memory:fake";
        case "getState" -> Bundle.ACTIVE;
        case "getHeaders" -> new Hashtable<String, String>();
        case "hashCode" -> 7;
        case "equals" -> p == a[0];
        default -> null;
    });

    FakeHost register(PluginKind kind, Plugin service) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(PluginProperties.ID, service.id());
        props.put(PluginProperties.KIND, kind.property());
        ServiceReference<?> ref = proxy(ServiceReference.class, (p, m, a) -> switch (m.getName()) {
            case "getProperty" -> props.get((String) a[0]);
            case "getBundle" -> bundle;
            case "compareTo" -> 0;
            case "hashCode" -> System.identityHashCode(p);
            case "equals" -> p == a[0];
            case "toString" -> "ref(" + service.id() + ")";
            default -> null;
        });
        registrations.add(new Registration(kind, service, ref));
        return this;
    }

    BundleContext context() {
        return proxy(BundleContext.class, (p, m, a) -> {
            switch (m.getName()) {
                case "getServiceReferences": {
                    String clazz = (String) a[0];
                    String filter = (String) a[1];
                    List<ServiceReference<?>> out = new ArrayList<>();
                    for (Registration r : registrations) {
                        if (r.kind().serviceInterface().equals(clazz) && (filter == null || matches(filter, r.ref()))) {
                            out.add(r.ref());
                        }
                    }
                    return out.isEmpty() ? null : out.toArray(new ServiceReference<?>[0]);
                }
                case "getService":
                    for (Registration r : registrations) {
                        if (r.ref() == a[0]) {
                            return r.service();
                        }
                    }
                    return null;
                case "ungetService":
                    return true;
                case "getBundles":
                    return new Bundle[] {bundle};
                case "getServiceReference":
                    return null;
                case "getProperty":
                    return null;
                default:
                    return null;
            }
        });
    }

    private static boolean matches(String filter, ServiceReference<?> ref) {
        // (myelin.id=VALUE) is the only form the catalog uses
        String v = filter.substring(filter.indexOf('=') + 1, filter.length() - 1).replace("\\", "");
        return v.equals(ref.getProperty(PluginProperties.ID));
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler h) {
        return (T) Proxy.newProxyInstance(FakeHost.class.getClassLoader(), new Class<?>[] {type}, h);
    }
}
