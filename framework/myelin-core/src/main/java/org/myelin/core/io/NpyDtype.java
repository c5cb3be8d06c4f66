package org.myelin.core.io;

/** The element types of an NPY file this package reads and writes, all little-endian. */
public enum NpyDtype {
    /** float32, {@code <f4}. */
    FLOAT32("<f4", 4),
    /** float64, {@code <f8}. */
    FLOAT64("<f8", 8),
    /** int32, {@code <i4}. */
    INT32("<i4", 4),
    /** int64, {@code <i8}. */
    INT64("<i8", 8),
    /** uint8, {@code |u1}. */
    UINT8("|u1", 1),
    /** bool, {@code |b1} (one byte, 0 or 1). */
    BOOL("|b1", 1);

    private final String descr;
    private final int width;

    NpyDtype(String descr, int width) {
        this.descr = descr;
        this.width = width;
    }

    /** @return the NPY {@code descr} string, e.g. {@code <f8} */
    public String descr() {
        return descr;
    }

    /** @return bytes per element */
    public int width() {
        return width;
    }

    /**
     * @param descr an NPY {@code descr}; for one-byte types {@code <}, {@code >}, {@code =} and {@code |} are all accepted
     * @return the dtype, or {@code null} when it is not one of these
     */
    static NpyDtype ofDescr(String descr) {
        for (NpyDtype t : values()) {
            if (t.descr.equals(descr)) {
                return t;
            }
            if (t.width == 1 && descr.length() == 3 && "<>=|".indexOf(descr.charAt(0)) >= 0
                    && descr.substring(1).equals(t.descr.substring(1))) {
                return t;
            }
        }
        return null;
    }
}
