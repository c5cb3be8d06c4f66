package org.myelin.api.param;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Describes one parameter of a plugin: name, type, unit, default, allowed range and a doc
 * line. The runtime validates spec values against it before a run starts; {@code myelin
 * plugins} and the console show it.
 *
 * @param name parameter name as written in specs (snake_case)
 * @param type value type
 * @param unit physical unit ({@code "ms"}, {@code "mV"}), or {@code ""} for dimensionless values
 * @param defaultValue the default in validated form (see {@link ParameterType}), or {@code null} when the parameter is required
 * @param min smallest allowed value for numbers (inclusive), or {@code null}
 * @param max largest allowed value for numbers (inclusive), or {@code null}
 * @param choices allowed words for {@link ParameterType#ENUM}, empty otherwise
 * @param doc one line that says what the parameter does
 */
public record ParameterSpec(String name, ParameterType type, String unit, Object defaultValue,
        Double min, Double max, List<String> choices, String doc) {

    /** Validates the description itself. */
    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        unit = unit == null ? "" : unit;
        choices = choices == null ? List.of() : List.copyOf(choices);
        doc = doc == null ? "" : doc;
        if (type == ParameterType.ENUM && choices.isEmpty()) {
            throw new IllegalArgumentException("ENUM parameter '" + name + "' needs choices");
        }
    }

    /**
     * A real-valued parameter.
     *
     * @param name name
     * @param defaultValue default, or {@code null} if required
     * @param unit unit or {@code ""}
     * @param min inclusive lower bound or {@code null}
     * @param max inclusive upper bound or {@code null}
     * @param doc doc line
     * @return the description
     */
    public static ParameterSpec ofDouble(String name, Double defaultValue, String unit, Double min, Double max, String doc) {
        return new ParameterSpec(name, ParameterType.DOUBLE, unit, defaultValue, min, max, List.of(), doc);
    }

    /**
     * An integer parameter.
     *
     * @param name name
     * @param defaultValue default, or {@code null} if required
     * @param unit unit or {@code ""}
     * @param min inclusive lower bound or {@code null}
     * @param max inclusive upper bound or {@code null}
     * @param doc doc line
     * @return the description
     */
    public static ParameterSpec ofInt(String name, Long defaultValue, String unit, Long min, Long max, String doc) {
        return new ParameterSpec(name, ParameterType.INT, unit, defaultValue,
                min == null ? null : min.doubleValue(), max == null ? null : max.doubleValue(), List.of(), doc);
    }

    /**
     * A boolean parameter.
     *
     * @param name name
     * @param defaultValue default
     * @param doc doc line
     * @return the description
     */
    public static ParameterSpec ofBoolean(String name, boolean defaultValue, String doc) {
        return new ParameterSpec(name, ParameterType.BOOLEAN, "", defaultValue, null, null, List.of(), doc);
    }

    /**
     * A text parameter.
     *
     * @param name name
     * @param defaultValue default, or {@code null} if required
     * @param doc doc line
     * @return the description
     */
    public static ParameterSpec ofString(String name, String defaultValue, String doc) {
        return new ParameterSpec(name, ParameterType.STRING, "", defaultValue, null, null, List.of(), doc);
    }

    /**
     * A parameter that takes one of a fixed set of words.
     *
     * @param name name
     * @param defaultValue default (one of the choices), or {@code null} if required
     * @param doc doc line
     * @param choices the allowed words
     * @return the description
     */
    public static ParameterSpec ofEnum(String name, String defaultValue, String doc, String... choices) {
        return new ParameterSpec(name, ParameterType.ENUM, "", defaultValue, null, null, List.of(choices), doc);
    }

    /**
     * A file or folder parameter.
     *
     * @param name name
     * @param defaultValue default, or {@code null} if required
     * @param doc doc line
     * @return the description
     */
    public static ParameterSpec ofPath(String name, String defaultValue, String doc) {
        return new ParameterSpec(name, ParameterType.PATH, "", defaultValue, null, null, List.of(), doc);
    }

    /**
     * A list-of-numbers parameter.
     *
     * @param name name
     * @param defaultValue default (may be empty), or {@code null} if required
     * @param unit unit or {@code ""}
     * @param doc doc line
     * @return the description
     */
    public static ParameterSpec ofDoubleList(String name, List<Double> defaultValue, String unit, String doc) {
        return new ParameterSpec(name, ParameterType.DOUBLE_LIST, unit, defaultValue, null, null, List.of(), doc);
    }

    /**
     * A list-of-integers parameter.
     *
     * @param name name
     * @param defaultValue default (may be empty), or {@code null} if required
     * @param doc doc line
     * @return the description
     */
    public static ParameterSpec ofIntList(String name, List<Long> defaultValue, String doc) {
        return new ParameterSpec(name, ParameterType.INT_LIST, "", defaultValue, null, null, List.of(), doc);
    }

    /** @return {@code true} when the parameter has no default and must be given */
    public boolean required() {
        return defaultValue == null;
    }

    /**
     * Converts a raw value (from YAML, JSON or a {@code --set key=value} string) to this
     * parameter's validated form and checks its range.
     *
     * @param raw the value as parsed; strings are parsed for numbers and booleans
     * @return the validated value (see {@link ParameterType} for its Java type)
     * @throws IllegalArgumentException with a message that says what was expected
     */
    public Object coerce(Object raw) {
        if (raw == null) {
            throw new IllegalArgumentException("a value is required (" + describeType() + ")");
        }
        switch (type) {
            case INT: {
                long v = toLong(raw);
                checkRange(v);
                return v;
            }
            case DOUBLE: {
                double v = toDouble(raw);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("expected a finite number, got " + raw);
                }
                checkRange(v);
                return v;
            }
            case BOOLEAN: {
                if (raw instanceof Boolean) {
                    return raw;
                }
                String s = raw.toString().trim().toLowerCase(Locale.ROOT);
                if (s.equals("true") || s.equals("false")) {
                    return Boolean.valueOf(s);
                }
                throw new IllegalArgumentException("expected true or false, got '" + raw + "'");
            }
            case STRING:
            case PATH: {
                if (raw instanceof List || raw instanceof java.util.Map) {
                    throw new IllegalArgumentException("expected " + describeType() + ", got a " + (raw instanceof List ? "list" : "mapping"));
                }
                return raw.toString();
            }
            case ENUM: {
                String s = raw.toString().trim();
                for (String c : choices) {
                    if (c.equalsIgnoreCase(s)) {
                        return c;
                    }
                }
                throw new IllegalArgumentException("expected one of " + String.join("|", choices) + ", got '" + raw + "'");
            }
            case INT_LIST: {
                List<Long> out = new ArrayList<>();
                for (Object o : toList(raw)) {
                    long v = toLong(o);
                    checkRange(v);
                    out.add(v);
                }
                return List.copyOf(out);
            }
            case DOUBLE_LIST: {
                List<Double> out = new ArrayList<>();
                for (Object o : toList(raw)) {
                    double v = toDouble(o);
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("expected finite numbers, got " + o);
                    }
                    checkRange(v);
                    out.add(v);
                }
                return List.copyOf(out);
            }
            default:
                throw new IllegalStateException("unhandled type " + type);
        }
    }

    /** @return a short human description of the accepted values, e.g. {@code "number in [0, 1] ms"} */
    public String describeType() {
        StringBuilder sb = new StringBuilder();
        switch (type) {
            case INT: sb.append("integer"); break;
            case DOUBLE: sb.append("number"); break;
            case BOOLEAN: sb.append("true|false"); break;
            case STRING: sb.append("text"); break;
            case ENUM: sb.append(String.join("|", choices)); break;
            case PATH: sb.append("path"); break;
            case INT_LIST: sb.append("list of integers"); break;
            case DOUBLE_LIST: sb.append("list of numbers"); break;
            default: sb.append(type);
        }
        if (min != null || max != null) {
            sb.append(" in [").append(min == null ? "-inf" : fmt(min)).append(", ").append(max == null ? "inf" : fmt(max)).append(']');
        }
        if (!unit.isEmpty()) {
            sb.append(' ').append(unit);
        }
        return sb.toString();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private void checkRange(double v) {
        if ((min != null && v < min) || (max != null && v > max)) {
            throw new IllegalArgumentException("value " + fmt(v) + " is out of range; expected " + describeType());
        }
    }

    private static List<?> toList(Object raw) {
        if (raw instanceof List) {
            return (List<?>) raw;
        }
        String s = raw.toString().trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isBlank()) {
            return List.of();
        }
        return List.of(s.split("\\s*,\\s*"));
    }

    private static long toLong(Object raw) {
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof java.math.BigInteger) {
            throw new IllegalArgumentException("integer " + raw + " is too large");
        }
        if (raw instanceof Number) {
            double d = ((Number) raw).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                return (long) d;
            }
            throw new IllegalArgumentException("expected an integer, got " + raw);
        }
        String s = raw.toString().trim();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(s);
                if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                    return (long) d;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the message below
            }
            throw new IllegalArgumentException("expected an integer, got '" + raw + "'");
        }
    }

    private static double toDouble(Object raw) {
        if (raw instanceof Number) {
            return ((Number) raw).doubleValue();
        }
        String s = raw.toString().trim();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number, got '" + raw + "'");
        }
    }
}
