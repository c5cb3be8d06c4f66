package org.myelin.api.param;

/** The value type of a plugin parameter, and the Java type its validated value has. */
public enum ParameterType {
    /** A whole number; validated value is a {@link Long}. */
    INT,
    /** A real number (finite); validated value is a {@link Double}. */
    DOUBLE,
    /** {@code true} or {@code false}; validated value is a {@link Boolean}. */
    BOOLEAN,
    /** Free text; validated value is a {@link String}. */
    STRING,
    /** One of a fixed set of words ({@link ParameterSpec#choices()}); validated value is a {@link String}. */
    ENUM,
    /**
     * A file or folder. The runtime resolves a relative path against the folder of the spec
     * that names it; validated value is an absolute path as a {@link String}.
     */
    PATH,
    /** A list of whole numbers; validated value is a {@code List<Long>}. */
    INT_LIST,
    /** A list of real numbers; validated value is a {@code List<Double>}. */
    DOUBLE_LIST
}
