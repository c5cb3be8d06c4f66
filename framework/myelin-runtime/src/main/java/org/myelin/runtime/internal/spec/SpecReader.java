package org.myelin.runtime.internal.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the structure of a parsed spec and turns it into an {@link ExperimentSpec}. Every error
 * names file, line and column, the field path, and what would be right.
 *
 * <pre>
 * experiment: quickstart            # required: experiment name
 * description: ...                  # optional
 * seed: 42                          # optional, default 42
 * threads: 2                        # optional, default: all cores
 * tags: { lab: x }                  # optional
 * data:  { plugin: ucr, params: { dir: data/GunPoint, name: GunPoint } }
 * model:
 *   dt_ms: 1.0                      # optional, default 1.0
 *   layers:
 *     - { name: reservoir, size: 300, neuron: lif, params: { beta: 0.95 }, ...options }
 * train: { rule: readout, params: { ... } }
 * </pre>
 */
public final class SpecReader {

    /** Top-level sections a spec may have. */
    public static final Set<String> SECTIONS = Set.of("experiment", "description", "seed", "threads", "tags", "data", "model",
            "train", "evaluate", "compare", "deploy", "sweep");

    /** Default run seed. */
    public static final long DEFAULT_SEED = 42;

    private SpecReader() {
    }

    /**
     * @param file the spec file (for messages and relative paths)
     * @param root the parsed spec after overrides
     * @return the checked spec
     * @throws SpecException on the first structural problem
     */
    public static ExperimentSpec read(Path file, SpecNode root) {
        for (Map.Entry<String, SpecNode> e : root.entries().entrySet()) {
            if (!SECTIONS.contains(e.getKey())) {
                throw new SpecException(e.getValue().location(), "unknown section '" + e.getKey() + "'",
                        "valid sections: " + String.join(", ", new java.util.TreeSet<>(SECTIONS)));
            }
        }
        for (String s : List.of("deploy", "sweep")) {
            if (root.get(s) != null) {
                throw new SpecException(root.get(s).location(), "the '" + s + "' section is not supported by this version",
                        "remove it; see the README for the sections this version runs");
            }
        }
        String experiment = requiredText(root, "experiment", "", rootLoc(root));
        String description = optionalText(root, "description", "");
        long seed = optionalLong(root, "seed", DEFAULT_SEED, 0, Long.MAX_VALUE);
        int threads = (int) optionalLong(root, "threads", 0, 0, 1024);
        Map<String, String> tags = new LinkedHashMap<>();
        SpecNode tagNode = root.get("tags");
        if (tagNode != null) {
            expectMapping(tagNode, "tags");
            tagNode.entries().forEach((k, v) -> {
                if (!v.isScalar() || v.scalar() == null) {
                    throw new SpecException(v.location() + ": tags." + k, "a tag value must be a single value, got " + v.shape(), null);
                }
                tags.put(k, v.scalar().toString());
            });
        }

        SpecNode data = required(root, "data", rootLoc(root));
        expectMapping(data, "data");
        allowKeys(data, "data", Set.of("plugin", "params"));
        ExperimentSpec.PluginRef dataRef = new ExperimentSpec.PluginRef("data", requiredText(data, "plugin", "data.", data.location()),
                params(data, "data.params"), data.location());

        SpecNode model = required(root, "model", rootLoc(root));
        expectMapping(model, "model");
        allowKeys(model, "model", Set.of("dt_ms", "layers"));
        double dtMs = optionalDouble(model, "dt_ms", "model.", 1.0);
        SpecNode layersNode = required(model, "layers", model.location());
        if (!layersNode.isSequence() || layersNode.items().isEmpty()) {
            throw new SpecException(layersNode.location() + ": model.layers", "expected a non-empty list of layers, got " + layersNode.shape(),
                    "e.g. layers: [ { size: 300, neuron: lif } ]");
        }
        List<ExperimentSpec.LayerRef> layers = new ArrayList<>();
        for (int i = 0; i < layersNode.items().size(); i++) {
            SpecNode l = layersNode.items().get(i);
            String path = "model.layers[" + i + "]";
            expectMapping(l, path);
            String name = optionalText(l, "name", "layer" + i);
            SpecNode sizeNode = required(l, "size", l.location());
            if (!(sizeNode.scalar() instanceof Long) || (Long) sizeNode.scalar() < 1 || (Long) sizeNode.scalar() > 10_000_000) {
                throw new SpecException(sizeNode.location() + ": " + path + ".size", "expected a positive whole number of neurons, got "
                        + sizeNode.shape(), null);
            }
            String neuron = requiredText(l, "neuron", path + ".", l.location());
            Map<String, Object> options = new LinkedHashMap<>();
            l.entries().forEach((k, v) -> {
                if (!Set.of("name", "size", "neuron", "params").contains(k)) {
                    options.put(k, v.toPlain());
                }
            });
            layers.add(new ExperimentSpec.LayerRef(i, name, (int) (long) (Long) sizeNode.scalar(),
                    new ExperimentSpec.PluginRef(path, neuron, params(l, path + ".params"), l.location()), options));
        }

        SpecNode train = required(root, "train", rootLoc(root));
        expectMapping(train, "train");
        allowKeys(train, "train", Set.of("rule", "params"));
        ExperimentSpec.PluginRef trainRef = new ExperimentSpec.PluginRef("train", requiredText(train, "rule", "train.", train.location()),
                params(train, "train.params"), train.location());

        List<String> evaluate = new ArrayList<>();
        SpecNode evaluateNode = root.get("evaluate");
        if (evaluateNode != null) {
            if (!evaluateNode.isSequence()) {
                throw new SpecException(evaluateNode.location() + ": evaluate", "expected a list of metric names, got "
                        + evaluateNode.shape(), "e.g. evaluate: [test_accuracy]");
            }
            for (SpecNode n : evaluateNode.items()) {
                if (!(n.scalar() instanceof String)) {
                    throw new SpecException(n.location() + ": evaluate", "expected a metric name, got " + n.shape(), null);
                }
                evaluate.add((String) n.scalar());
            }
        }
        List<ExperimentSpec.CompareRef> compare = new ArrayList<>();
        SpecNode compareNode = root.get("compare");
        if (compareNode != null) {
            if (!compareNode.isSequence()) {
                throw new SpecException(compareNode.location() + ": compare", "expected a list of comparisons, got " + compareNode.shape(),
                        "e.g. compare: [ { metric: cka, a: reservoir, b: \"run:12/reservoir\" } ]");
            }
            for (int i = 0; i < compareNode.items().size(); i++) {
                SpecNode c = compareNode.items().get(i);
                String path = "compare[" + i + "]";
                expectMapping(c, path);
                allowKeys(c, path, Set.of("metric", "a", "b", "params"));
                String metric = requiredText(c, "metric", path + ".", c.location());
                String a = representation(c, "a", path);
                String b = representation(c, "b", path);
                compare.add(new ExperimentSpec.CompareRef(i, new ExperimentSpec.PluginRef(path, metric, params(c, path + ".params"),
                        c.location()), a, b));
            }
        }
        return new ExperimentSpec(file, root, experiment, description, seed, threads, dataRef, dtMs, List.copyOf(layers), trainRef, tags,
                List.copyOf(evaluate), List.copyOf(compare));
    }

    /** {@code NAME} or {@code run:ID/NAME}. */
    static final java.util.regex.Pattern REPRESENTATION = java.util.regex.Pattern.compile("(run:(\\d+)/)?([A-Za-z0-9_.-]+)");

    private static String representation(SpecNode c, String key, String path) {
        String v = requiredText(c, key, path + ".", c.location());
        if (!REPRESENTATION.matcher(v).matches()) {
            throw new SpecException(c.get(key).location() + ": " + path + "." + key, "'" + v + "' is not a representation reference",
                    "write a layer name of this run (e.g. reservoir) or run:ID/NAME for a recorded run");
        }
        return v;
    }

    private static String rootLoc(SpecNode root) {
        return root.location();
    }

    private static SpecNode params(SpecNode owner, String path) {
        SpecNode p = owner.get("params");
        if (p == null || p.isScalar() && p.scalar() == null) {
            return null;
        }
        expectMapping(p, path);
        return p;
    }

    private static void expectMapping(SpecNode n, String path) {
        if (!n.isMapping()) {
            throw new SpecException(n.location() + ": " + path, "expected a mapping (key: value pairs), got " + n.shape(), null);
        }
    }

    private static void allowKeys(SpecNode n, String path, Set<String> allowed) {
        for (Map.Entry<String, SpecNode> e : n.entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw new SpecException(e.getValue().location() + ": " + path + "." + e.getKey(), "unknown field '" + e.getKey() + "'",
                        "valid fields of " + path + ": " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private static SpecNode required(SpecNode n, String key, String ownerLoc) {
        SpecNode v = n.get(key);
        if (v == null || v.isScalar() && v.scalar() == null) {
            throw new SpecException(ownerLoc + ": " + key, "required field '" + key + "' is missing", null);
        }
        return v;
    }

    private static String requiredText(SpecNode n, String key, String prefix, String ownerLoc) {
        SpecNode v = n.get(key);
        if (v == null || v.isScalar() && v.scalar() == null) {
            throw new SpecException(ownerLoc + ": " + prefix + key, "required field '" + key + "' is missing", null);
        }
        if (!v.isScalar() || !(v.scalar() instanceof String) || ((String) v.scalar()).isBlank()) {
            throw new SpecException(v.location() + ": " + prefix + key, "expected a name, got " + v.shape(), null);
        }
        return (String) v.scalar();
    }

    private static String optionalText(SpecNode n, String key, String dflt) {
        SpecNode v = n.get(key);
        if (v == null || v.scalar() == null && v.isScalar()) {
            return dflt;
        }
        if (!v.isScalar()) {
            throw new SpecException(v.location() + ": " + key, "expected text, got " + v.shape(), null);
        }
        return v.scalar().toString();
    }

    private static long optionalLong(SpecNode n, String key, long dflt, long min, long max) {
        SpecNode v = n.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v.scalar() instanceof Long) || (Long) v.scalar() < min || (Long) v.scalar() > max) {
            throw new SpecException(v.location() + ": " + key, "expected a whole number in [" + min + ", " + max + "], got " + v.shape(), null);
        }
        return (Long) v.scalar();
    }

    private static double optionalDouble(SpecNode n, String key, String prefix, double dflt) {
        SpecNode v = n.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v.scalar() instanceof Number) || !(((Number) v.scalar()).doubleValue() > 0)
                || !Double.isFinite(((Number) v.scalar()).doubleValue())) {
            throw new SpecException(v.location() + ": " + prefix + key, "expected a positive number, got " + v.shape(), null);
        }
        return ((Number) v.scalar()).doubleValue();
    }
}
