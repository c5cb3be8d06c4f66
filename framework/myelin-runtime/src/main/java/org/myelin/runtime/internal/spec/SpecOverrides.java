package org.myelin.runtime.internal.spec;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * Applies {@code --set path=value} overrides to a parsed spec. Paths are dot-separated keys;
 * a number selects a list item ({@code model.layers.0.size=300}). Missing mappings on the way are
 * created, so {@code --set train.params.epochs=3} works even when the spec has no {@code params}.
 */
public final class SpecOverrides {

    private SpecOverrides() {
    }

    /**
     * @param root the spec root (modified in place)
     * @param assignments {@code path=value} strings
     * @throws SpecException naming the override when its path or form is wrong
     */
    public static void apply(SpecNode root, List<String> assignments) {
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new SpecException("--set " + a, "an override must look like path=value", "e.g. --set train.params.lr=5e-4");
            }
            String path = a.substring(0, eq).trim();
            String label = "--set " + path;
            SpecNode value = SpecParser.parseValue(a.substring(eq + 1), label);
            String[] parts = path.split("\\.");
            SpecNode node = root;
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (part.isEmpty()) {
                    throw new SpecException(label, "empty path segment", "write keys separated by single dots");
                }
                boolean last = i == parts.length - 1;
                if (node.isMapping()) {
                    if (last) {
                        node.entries().put(part, value);
                    } else {
                        SpecNode next = node.entries().get(part);
                        if (next == null || next.isScalar() && next.scalar() == null) {
                            next = SpecNode.mapping(new LinkedHashMap<>(), label);
                            node.entries().put(part, next);
                        }
                        node = next;
                    }
                } else if (node.isSequence()) {
                    int idx;
                    try {
                        idx = Integer.parseInt(part);
                    } catch (NumberFormatException e) {
                        throw new SpecException(label, "'" + String.join(".", java.util.Arrays.copyOf(parts, i))
                                + "' is a list; select an item by number", "e.g. model.layers.0.size=300");
                    }
                    if (idx < 0 || idx >= node.items().size()) {
                        throw new SpecException(label, "list index " + idx + " is out of range; the list has "
                                + node.items().size() + " items", null);
                    }
                    if (last) {
                        node.items().set(idx, value);
                    } else {
                        node = node.items().get(idx);
                    }
                } else {
                    throw new SpecException(label, "'" + String.join(".", java.util.Arrays.copyOf(parts, i))
                            + "' is a single value, it has no field '" + part + "'", null);
                }
            }
        }
    }
}
