package org.myelin.runtime.internal.hardware;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.myelin.api.PluginProperties;
import org.myelin.api.hardware.HardwareDriver;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Tracks every hardware driver with a greedy, dynamic reference: a driver bundle that is
 * installed, replaced or removed while the host runs is bound and unbound at once, and work that
 * selects drivers by filter ({@code (myelin.hw.family=analog-sim)}) always sees the current set.
 * Bind and unbind events are kept so that a run can record a {@code driver-changed} event.
 */
@Component(service = DriverTracker.class)
public final class DriverTracker {

    /** A bound driver with its service properties. */
    public record BoundDriver(HardwareDriver driver, ServiceReference<HardwareDriver> reference) {
        /** @return the {@code myelin.hw.serial} property, or {@code ""} */
        public String serial() {
            Object s = reference.getProperty(PluginProperties.HW_SERIAL);
            return s == null ? "" : s.toString();
        }

        /** @return the {@code myelin.hw.family} property, or {@code ""} */
        public String family() {
            Object s = reference.getProperty(PluginProperties.HW_FAMILY);
            return s == null ? "" : s.toString();
        }
    }

    /** A bind or unbind, for run records and the console. */
    public record DriverEvent(long timeMillis, String kind, String family, String serial, String bundle) {
    }

    private final Map<ServiceReference<HardwareDriver>, HardwareDriver> drivers = new ConcurrentHashMap<>();
    private final List<DriverEvent> events = new CopyOnWriteArrayList<>();

    @Reference(service = HardwareDriver.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDriver(ServiceReference<HardwareDriver> ref, HardwareDriver driver) {
        drivers.put(ref, driver);
        record("bound", ref);
    }

    void unbindDriver(ServiceReference<HardwareDriver> ref, HardwareDriver driver) {
        drivers.remove(ref);
        record("unbound", ref);
    }

    private void record(String kind, ServiceReference<HardwareDriver> ref) {
        BoundDriver b = new BoundDriver(null, ref);
        events.add(new DriverEvent(System.currentTimeMillis(), kind, b.family(), b.serial(),
                ref.getBundle() == null ? "" : ref.getBundle().getSymbolicName() + " " + ref.getBundle().getVersion()));
        if (events.size() > 1000) {
            events.remove(0);
        }
    }

    /** @return the drivers bound now, highest service ranking first */
    public List<BoundDriver> drivers() {
        List<BoundDriver> out = new ArrayList<>();
        drivers.forEach((r, d) -> out.add(new BoundDriver(d, r)));
        out.sort(Comparator.comparing((BoundDriver b) -> b.reference()).reversed());
        return out;
    }

    /**
     * @param ldapFilter a filter on driver properties, e.g. {@code (myelin.hw.family=analog-sim)}
     * @return the best matching driver, if any
     * @throws IllegalArgumentException when the filter does not parse
     */
    public Optional<BoundDriver> select(String ldapFilter) {
        Filter f;
        try {
            f = FrameworkUtil.createFilter(ldapFilter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad driver filter '" + ldapFilter + "': " + e.getMessage()
                    + "; write e.g. (myelin.hw.family=analog-sim)");
        }
        return drivers().stream().filter(b -> f.match(b.reference())).findFirst();
    }

    /** @return bind and unbind events, oldest first (at most 1000) */
    public List<DriverEvent> events() {
        return List.copyOf(events);
    }
}
