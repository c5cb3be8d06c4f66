package org.myelin.core.linalg.internal;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * One thread's native buffers for the operands of an OpenBLAS call. They only grow, so repeated
 * products of one shape copy the arrays into memory that is already mapped instead of having
 * JNI allocate, copy and copy back all three arrays on every call (STACK.md section 13: the
 * array overloads lose about a third of the 2-thread speed).
 */
final class OffHeapBuffers {

    private final DoublePointer[] doubles = new DoublePointer[8];
    private final FloatPointer[] floats = new FloatPointer[3];

    /**
     * @param slot 0 to 7 (A, B, C, two more results of a fused call, and three vectors)
     * @param n elements needed
     * @return a buffer of at least n doubles, positioned at 0
     */
    DoublePointer doubles(int slot, long n) {
        DoublePointer p = doubles[slot];
        if (p == null || p.capacity() < n) {
            if (p != null) {
                p.close();
            }
            p = new DoublePointer(Math.max(n, 1));
            doubles[slot] = p;
        }
        return p.position(0);
    }

    /**
     * @param slot 0, 1 or 2 (A, B, C)
     * @param n elements needed
     * @return a buffer of at least n floats, positioned at 0
     */
    FloatPointer floats(int slot, long n) {
        FloatPointer p = floats[slot];
        if (p == null || p.capacity() < n) {
            if (p != null) {
                p.close();
            }
            p = new FloatPointer(Math.max(n, 1));
            floats[slot] = p;
        }
        return p.position(0);
    }
}
