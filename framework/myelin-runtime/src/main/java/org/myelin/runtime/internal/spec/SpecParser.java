package org.myelin.runtime.internal.spec;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parses YAML and JSON experiment specs into {@link SpecNode} trees that remember file, line and
 * column. JSON is parsed as YAML 1.2 (a superset of JSON) with tabs turned into spaces, which is
 * safe because a tab can only stand outside strings in valid JSON. The loader is safe: no custom
 * types, a bounded number of aliases, a size limit, and duplicate keys rejected.
 */
public final class SpecParser {

    /** Largest spec accepted, in bytes. */
    public static final long MAX_BYTES = 4L * 1024 * 1024;

    private SpecParser() {
    }

    /**
     * @param file the spec file ({@code .yaml}, {@code .yml} or {@code .json})
     * @return the root node (a mapping)
     * @throws SpecException when the file is missing, unreadable or malformed
     */
    public static SpecNode parseFile(Path file) {
        String label = file.toString();
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new SpecException(label, "is a folder, not a spec file", "give a .yaml or .json file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new SpecException(label, "is " + size + " bytes; specs are limited to " + MAX_BYTES + " bytes", null);
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new SpecException(label, "spec file not found", "check the path; it is resolved against the current folder "
                    + Path.of("").toAbsolutePath());
        } catch (CharacterCodingException e) {
            throw new SpecException(label, "is not UTF-8 text", "save the spec as UTF-8");
        } catch (IOException e) {
            throw new SpecException(label, "cannot be read: " + e.getMessage(), null);
        }
        boolean json = label.toLowerCase(Locale.ROOT).endsWith(".json");
        return parse(json ? text.replace('\t', ' ') : text, label);
    }

    /**
     * @param text YAML or JSON text
     * @param label file name used in locations
     * @return the root node (a mapping)
     * @throws SpecException when the text is malformed or its root is not a mapping
     */
    public static SpecNode parse(String text, String label) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(label)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(50)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit((int) MAX_BYTES)
                .build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark();
            String where = mark.map(m -> label + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse(label);
            String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
            if (e.getContext() != null) {
                problem = problem + " (" + e.getContext() + ")";
            }
            throw new SpecException(where, "malformed spec: " + problem, "fix the syntax at that line");
        } catch (YamlEngineException e) {
            throw new SpecException(label, "malformed spec: " + e.getMessage(), null);
        }
        if (root.isEmpty()) {
            throw new SpecException(label, "the spec is empty", "see examples/quickstart.yaml for the format");
        }
        SpecNode node = convert(root.get(), label);
        if (!node.isMapping()) {
            throw new SpecException(node.location(), "the spec must be a mapping of sections (experiment, data, model, train), got "
                    + node.shape(), "see examples/quickstart.yaml for the format");
        }
        return node;
    }

    private static String where(Node n, String label) {
        return n.getStartMark().map(m -> label + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse(label);
    }

    private static SpecNode convert(Node n, String label) {
        String loc = where(n, label);
        if (n instanceof MappingNode) {
            LinkedHashMap<String, SpecNode> entries = new LinkedHashMap<>();
            for (NodeTuple t : ((MappingNode) n).getValue()) {
                Node k = t.getKeyNode();
                if (!(k instanceof ScalarNode)) {
                    throw new SpecException(where(k, label), "mapping keys must be plain words", null);
                }
                String key = ((ScalarNode) k).getValue();
                if (entries.containsKey(key)) {
                    throw new SpecException(where(k, label), "duplicate key '" + key + "'", "keep one of them");
                }
                entries.put(key, convert(t.getValueNode(), label));
            }
            return SpecNode.mapping(entries, loc);
        }
        if (n instanceof SequenceNode) {
            List<SpecNode> items = new ArrayList<>();
            for (Node c : ((SequenceNode) n).getValue()) {
                items.add(convert(c, label));
            }
            return SpecNode.sequence(items, loc);
        }
        ScalarNode s = (ScalarNode) n;
        return SpecNode.scalar(scalarValue(s.getTag(), s.getValue(), loc), loc);
    }

    /**
     * Interprets a scalar by its resolved YAML 1.2 core-schema tag.
     *
     * @param tag resolved tag
     * @param text the scalar text
     * @param loc location for messages
     * @return Long, Double, Boolean, String or null
     */
    static Object scalarValue(Tag tag, String text, String loc) {
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.valueOf(text.trim().toLowerCase(Locale.ROOT));
        }
        if (Tag.INT.equals(tag)) {
            String t = text.trim().replace("_", "");
            try {
                if (t.startsWith("0x")) {
                    return Long.parseLong(t.substring(2), 16);
                }
                if (t.startsWith("0o")) {
                    return Long.parseLong(t.substring(2), 8);
                }
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new SpecException(loc, "integer '" + text + "' is too large", null);
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.endsWith(".nan")) {
                return Double.NaN;
            }
            if (t.endsWith(".inf")) {
                return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            return Double.parseDouble(t);
        }
        return text;
    }

    /**
     * Parses one {@code --set} value the way a YAML scalar would be read ({@code 5e-4} is a number,
     * {@code true} a boolean, {@code [1, 2]} a list).
     *
     * @param text the text after {@code =}
     * @param label names the override in locations, e.g. {@code --set train.params.lr}
     * @return the node
     */
    public static SpecNode parseValue(String text, String label) {
        if (text.isEmpty()) {
            return SpecNode.scalar("", label);
        }
        SpecNode wrapped = parse("v: " + text, label);
        SpecNode v = wrapped.get("v");
        return relabel(v, label);
    }

    private static SpecNode relabel(SpecNode n, String label) {
        if (n.isMapping()) {
            LinkedHashMap<String, SpecNode> e = new LinkedHashMap<>();
            n.entries().forEach((k, v) -> e.put(k, relabel(v, label)));
            return SpecNode.mapping(e, label);
        }
        if (n.isSequence()) {
            List<SpecNode> items = new ArrayList<>();
            n.items().forEach(i -> items.add(relabel(i, label)));
            return SpecNode.sequence(items, label);
        }
        return SpecNode.scalar(n.scalar(), label);
    }
}
