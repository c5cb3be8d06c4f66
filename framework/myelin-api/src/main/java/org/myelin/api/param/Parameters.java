package org.myelin.api.param;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated parameter values of one plugin, in the Java types given by {@link ParameterType}.
 * Built by {@link #resolve(String, List, Map)}, which applies defaults and rejects unknown
 * names, missing required values and out-of-range values.
 *
 * @param values validated values by parameter name, in declaration order
 */
public record Parameters(Map<String, Object> values) {

    /** An empty parameter set. */
    public static final Parameters EMPTY = new Parameters(Map.of());

    /** Makes the map unmodifiable; order is kept. */
    public Parameters {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Validates raw values against parameter descriptions.
     *
     * @param owner names the owner in error messages, e.g. {@code "model.layers[0].params"}
     * @param specs the plugin's parameter descriptions
     * @param raw the raw values (from a spec or the command line); may be {@code null}
     * @return validated values with defaults applied
     * @throws InvalidParameterException naming the parameter, what was wrong and the valid names or range
     */
    public static Parameters resolve(String owner, List<ParameterSpec> specs, Map<String, ?> raw) {
        Map<String, ?> given = raw == null ? Map.of() : raw;
        Map<String, ParameterSpec> byName = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            byName.put(s.name(), s);
        }
        for (String key : given.keySet()) {
            if (!byName.containsKey(key)) {
                throw new InvalidParameterException(owner + "." + key, "unknown parameter '" + key + "'",
                        "valid parameters: " + (byName.isEmpty() ? "(none)" : String.join(", ", byName.keySet())));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            Object v = given.get(s.name());
            if (v == null) {
                if (s.required()) {
                    throw new InvalidParameterException(owner + "." + s.name(), "required parameter '" + s.name() + "' is missing",
                            "give a " + s.describeType() + ": " + s.doc());
                }
                out.put(s.name(), s.defaultValue());
            } else {
                try {
                    out.put(s.name(), s.coerce(v));
                } catch (IllegalArgumentException e) {
                    throw new InvalidParameterException(owner + "." + s.name(), e.getMessage(), s.doc());
                }
            }
        }
        return new Parameters(out);
    }

    /**
     * @param name parameter name
     * @return whether a value (possibly from a default) is present
     */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    /**
     * @param name parameter name
     * @return the raw validated value
     * @throws IllegalArgumentException when the parameter is absent
     */
    public Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("parameter '" + name + "' has no value; present: " + values.keySet());
        }
        return v;
    }

    /**
     * @param name parameter name
     * @return the value of an INT parameter
     */
    public long getLong(String name) {
        return ((Number) get(name)).longValue();
    }

    /**
     * @param name parameter name
     * @return the value of an INT parameter as an int
     */
    public int getInt(String name) {
        return Math.toIntExact(getLong(name));
    }

    /**
     * @param name parameter name
     * @return the value of a DOUBLE (or INT) parameter
     */
    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    /**
     * @param name parameter name
     * @return the value of a BOOLEAN parameter
     */
    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    /**
     * @param name parameter name
     * @return the value of a STRING, ENUM or PATH parameter
     */
    public String getString(String name) {
        return get(name).toString();
    }

    /**
     * @param name parameter name
     * @return the value of a DOUBLE_LIST parameter
     */
    public List<Double> getDoubleList(String name) {
        List<?> l = (List<?>) get(name);
        List<Double> out = new ArrayList<>(l.size());
        for (Object o : l) {
            out.add(((Number) o).doubleValue());
        }
        return out;
    }

    /**
     * @param name parameter name
     * @return the value of an INT_LIST parameter
     */
    public List<Long> getLongList(String name) {
        List<?> l = (List<?>) get(name);
        List<Long> out = new ArrayList<>(l.size());
        for (Object o : l) {
            out.add(((Number) o).longValue());
        }
        return out;
    }
}
