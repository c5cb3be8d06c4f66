package org.myelin.api;

import java.util.Locale;

/**
 * The kinds of plugin the host knows. The {@link #property()} value is what a plugin service
 * carries in its {@value PluginProperties#KIND} service property.
 */
public enum PluginKind {
    /** A neuron model ({@code org.myelin.api.neuron.NeuronModel}). */
    NEURON("neuron", "org.myelin.api.neuron.NeuronModel"),
    /** A learning rule ({@code org.myelin.api.learning.LearningRule}). */
    LEARNING("learning", "org.myelin.api.learning.LearningRule"),
    /** A similarity metric ({@code org.myelin.api.metric.SimilarityMetric}). */
    METRIC("metric", "org.myelin.api.metric.SimilarityMetric"),
    /** A dataset provider ({@code org.myelin.api.data.DatasetProvider}). */
    DATASET("dataset", "org.myelin.api.data.DatasetProvider"),
    /** A hardware driver ({@code org.myelin.api.hardware.HardwareDriver}). */
    DRIVER("driver", "org.myelin.api.hardware.HardwareDriver"),
    /** A chip calibrator ({@code org.myelin.api.hardware.Calibrator}). */
    CALIBRATOR("calibrator", "org.myelin.api.hardware.Calibrator");

    private final String property;
    private final String serviceInterface;

    PluginKind(String property, String serviceInterface) {
        this.property = property;
        this.serviceInterface = serviceInterface;
    }

    /** @return the value of the {@value PluginProperties#KIND} service property for this kind */
    public String property() {
        return property;
    }

    /** @return the fully qualified name of the service interface plugins of this kind register */
    public String serviceInterface() {
        return serviceInterface;
    }

    /**
     * Looks a kind up by its property value, case-insensitively.
     *
     * @param property a value such as {@code "neuron"}
     * @return the kind
     * @throws IllegalArgumentException naming the valid values when nothing matches
     */
    public static PluginKind ofProperty(String property) {
        for (PluginKind kind : values()) {
            if (kind.property.equals(property == null ? null : property.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown plugin kind '" + property
                + "'; valid kinds: neuron, learning, metric, dataset, driver, calibrator");
    }
}
