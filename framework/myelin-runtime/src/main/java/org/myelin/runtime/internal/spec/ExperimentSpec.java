package org.myelin.runtime.internal.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A structurally valid experiment spec: sections present, types right, plugin ids named. Plugin
 * parameters are still raw here; they are validated against the plugins' descriptions once the
 * plugins are resolved.
 *
 * @param file the spec file
 * @param root the spec tree (after overrides)
 * @param experiment experiment name
 * @param description free text, or {@code ""}
 * @param seed run seed
 * @param threads worker threads, or {@code 0} for all cores
 * @param data the dataset plugin reference
 * @param dtMs simulation time step in ms
 * @param layers the network layers
 * @param train the learning rule reference
 * @param tags tags to set on the run
 * @param evaluate metrics to show at the end (empty: all)
 * @param compare comparisons to compute after training
 */
public record ExperimentSpec(Path file, SpecNode root, String experiment, String description, long seed, int threads,
        PluginRef data, double dtMs, List<LayerRef> layers, PluginRef train, Map<String, String> tags, List<String> evaluate,
        List<CompareRef> compare) {

    /**
     * One comparison of the {@code compare:} block.
     *
     * @param index position in the block
     * @param metric the metric plugin reference (id and raw params)
     * @param a first representation: {@code NAME} of this run, or {@code run:ID/NAME} of a recorded run
     * @param b second representation, same forms
     */
    public record CompareRef(int index, PluginRef metric, String a, String b) {
    }

    /**
     * A reference to a plugin with its raw parameters.
     *
     * @param path where it sits in the spec, e.g. {@code data} or {@code model.layers[0]}
     * @param id the plugin id
     * @param params the raw parameters node (a mapping), or {@code null}
     * @param location file:line:column of the reference
     */
    public record PluginRef(String path, String id, SpecNode params, String location) {
    }

    /**
     * One layer as written.
     *
     * @param index position in the list
     * @param name layer name
     * @param size number of neurons
     * @param neuron the neuron model reference
     * @param options further options for the learning rule
     */
    public record LayerRef(int index, String name, int size, PluginRef neuron, Map<String, Object> options) {
    }
}
