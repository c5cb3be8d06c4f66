package org.myelin.runtime.internal.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a parsed spec with where it came from, so that every validation error can name
 * file, line and column. A node is a mapping, a sequence or a scalar ({@link Long}, {@link Double},
 * {@link Boolean}, {@link String} or {@code null}).
 */
public final class SpecNode {

    private final Object value;
    private final String location;

    private SpecNode(Object value, String location) {
        this.value = value;
        this.location = location;
    }

    /**
     * @param entries the mapping's entries in file order
     * @param location {@code file:line:column}
     * @return a mapping node
     */
    public static SpecNode mapping(LinkedHashMap<String, SpecNode> entries, String location) {
        return new SpecNode(entries, location);
    }

    /**
     * @param items the sequence's items
     * @param location {@code file:line:column}
     * @return a sequence node
     */
    public static SpecNode sequence(List<SpecNode> items, String location) {
        return new SpecNode(items, location);
    }

    /**
     * @param value a scalar value
     * @param location {@code file:line:column}
     * @return a scalar node
     */
    public static SpecNode scalar(Object value, String location) {
        return new SpecNode(value, location);
    }

    /** @return whether this is a mapping */
    public boolean isMapping() {
        return value instanceof Map;
    }

    /** @return whether this is a sequence */
    public boolean isSequence() {
        return value instanceof List;
    }

    /** @return whether this is a scalar (including null) */
    public boolean isScalar() {
        return !isMapping() && !isSequence();
    }

    /** @return where the node starts, {@code file:line:column} */
    public String location() {
        return location;
    }

    /** @return the mapping entries (modifiable, for overrides) */
    @SuppressWarnings("unchecked")
    public LinkedHashMap<String, SpecNode> entries() {
        return (LinkedHashMap<String, SpecNode>) value;
    }

    /** @return the sequence items (modifiable, for overrides) */
    @SuppressWarnings("unchecked")
    public List<SpecNode> items() {
        return (List<SpecNode>) value;
    }

    /** @return the scalar value */
    public Object scalar() {
        return value;
    }

    /**
     * @param key mapping key
     * @return the child, or {@code null}
     */
    public SpecNode get(String key) {
        return isMapping() ? entries().get(key) : null;
    }

    /** @return a short word for the node's shape, used in messages */
    public String shape() {
        if (isMapping()) {
            return "a mapping";
        }
        if (isSequence()) {
            return "a list";
        }
        if (value == null) {
            return "nothing (null)";
        }
        if (value instanceof String) {
            return "text '" + value + "'";
        }
        return "the value " + value;
    }

    /**
     * Converts to plain Java values: {@code Map<String,Object>} (ordered), {@code List<Object>}, scalars.
     *
     * @return the plain value
     */
    public Object toPlain() {
        if (isMapping()) {
            Map<String, Object> out = new LinkedHashMap<>();
            entries().forEach((k, v) -> out.put(k, v.toPlain()));
            return out;
        }
        if (isSequence()) {
            List<Object> out = new ArrayList<>();
            for (SpecNode n : items()) {
                out.add(n.toPlain());
            }
            return out;
        }
        return value;
    }
}
