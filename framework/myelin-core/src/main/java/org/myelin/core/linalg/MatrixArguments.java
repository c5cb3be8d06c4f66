package org.myelin.core.linalg;

/**
 * Checks of the shape, stride and length arguments of the BLAS-style calls, with messages that
 * name the argument and say what would be right.
 */
final class MatrixArguments {

    private MatrixArguments() {
    }

    static void dims(String op, int m, int n, int k) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException(op + ": dimensions must be at least 0, got m=" + m + " n=" + n + " k=" + k);
        }
    }

    /**
     * Checks a stored row-major operand of {@code rows x cols} at {@code off} with row stride {@code ld}.
     *
     * @return the end (exclusive) of the region it occupies
     */
    static long operand(String op, String name, int length, int off, int ld, int rows, int cols) {
        if (off < 0) {
            throw new IllegalArgumentException(op + ": " + name + " offset " + off + " is negative");
        }
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException(op + ": ld" + name.toLowerCase(java.util.Locale.ROOT) + "=" + ld
                    + " is smaller than the " + cols + " columns of the stored " + name + " (" + rows + " x " + cols + ")");
        }
        if (rows == 0 || cols == 0) {
            return off;
        }
        long end = off + (long) (rows - 1) * ld + cols;
        if (end > length) {
            throw new IllegalArgumentException(op + ": " + name + " is " + rows + " x " + cols + " with row stride " + ld
                    + " from offset " + off + ", which needs " + end + " elements, but the array has " + length);
        }
        return end;
    }

    static void noOverlap(String op, Object out, int outOff, long outEnd, Object in, int inOff, long inEnd, String inName) {
        if (out == in && outOff < inEnd && inOff < outEnd) {
            throw new IllegalArgumentException(op + ": C overlaps " + inName + " in the same array; use a separate output");
        }
    }

    static void square(String op, int length, int n, String name) {
        if (n < 0) {
            throw new IllegalArgumentException(op + ": order " + n + " is negative");
        }
        if (length != (long) n * n) {
            throw new IllegalArgumentException(op + ": " + name + " has " + length + " elements, a " + n + " x " + n + " matrix needs " + (long) n * n);
        }
    }

    static void finite(String op, double[] a, int cols, String name) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(op + ": " + name + " has " + a[i] + " at row " + (i / cols) + ", column "
                        + (i % cols) + "; the input must be finite");
            }
        }
    }
}
