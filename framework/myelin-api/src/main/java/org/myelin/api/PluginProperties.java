package org.myelin.api;

/**
 * Names of the service properties that Myelin plugins carry. A plugin declares them in its
 * DS component, for example {@code @Component(property = {"myelin.id=lif", "myelin.kind=neuron"})}.
 * The runtime finds plugins by filtering on these properties, never by class.
 */
public interface PluginProperties {
    /** Stable, kebab-case plugin id used in specs, e.g. {@code lif}, {@code cka}. */
    String ID = "myelin.id";
    /** The plugin kind, one of the {@link PluginKind#property()} values. */
    String KIND = "myelin.kind";
    /** Hardware drivers: the chip family, e.g. {@code analog-accelerated}. */
    String HW_FAMILY = "myelin.hw.family";
    /** Hardware drivers: the serial of the chip the driver instance talks to. */
    String HW_SERIAL = "myelin.hw.serial";
}
