package org.myelin.registry.internal;

/**
 * How a metric value is stored: finite values in a {@code DOUBLE PRECISION} column, NaN and the
 * infinities as a kind code with a NULL value, because H2 and PostgreSQL disagree on NaN in SQL
 * (ordering, equality, {@code AVG}), and aggregates must only ever see finite numbers.
 */
final class MetricValues {

    static final int FINITE = 0;
    static final int NAN = 1;
    static final int POSITIVE_INFINITY = 2;
    static final int NEGATIVE_INFINITY = 3;

    private MetricValues() {
    }

    /**
     * @param v a value
     * @return its kind code
     */
    static int kindOf(double v) {
        if (Double.isNaN(v)) {
            return NAN;
        }
        if (v == Double.POSITIVE_INFINITY) {
            return POSITIVE_INFINITY;
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return NEGATIVE_INFINITY;
        }
        return FINITE;
    }

    /**
     * @param kind a kind code
     * @param stored the stored column value (ignored unless finite)
     * @return the value as logged
     */
    static double valueOf(int kind, double stored) {
        switch (kind) {
            case NAN:
                return Double.NaN;
            case POSITIVE_INFINITY:
                return Double.POSITIVE_INFINITY;
            case NEGATIVE_INFINITY:
                return Double.NEGATIVE_INFINITY;
            default:
                return stored;
        }
    }
}
