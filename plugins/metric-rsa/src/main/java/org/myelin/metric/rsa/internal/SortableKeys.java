package org.myelin.metric.rsa.internal;

/**
 * Sorts values with their positions by an LSD radix sort on order-preserving 64-bit keys (16-bit
 * digits; a pass whose digit is the same for every key is skipped). O(N) time, no boxing, and
 * stable, so equal values keep their original order. Used for the mid-ranks of RDM entries,
 * where N = n(n-1)/2 reaches millions.
 */
final class SortableKeys {

    private SortableKeys() {
    }

    /**
     * @param v a finite value; -0.0 and 0.0 get the same key
     * @return a key whose unsigned order is the numeric order of the values
     */
    static long key(double v) {
        long bits = Double.doubleToRawLongBits(v == 0.0 ? 0.0 : v);
        return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    }

    /**
     * Sorts keys ascending (unsigned) carrying the positions along.
     *
     * @param keys the keys; sorted on return
     * @param positions the payload, usually {@code 0..N-1}; permuted with the keys
     */
    static void sort(long[] keys, int[] positions) {
        int n = keys.length;
        long[] k2 = new long[n];
        int[] p2 = new int[n];
        long[] srcK = keys;
        int[] srcP = positions;
        long[] dstK = k2;
        int[] dstP = p2;
        int[] count = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) (srcK[i] >>> shift) & 0xFFFF]++;
            }
            if (n == 0 || count[(int) (srcK[0] >>> shift) & 0xFFFF] == n) {
                continue;
            }
            int sum = 0;
            for (int d = 0; d < count.length; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int d = (int) (srcK[i] >>> shift) & 0xFFFF;
                int at = count[d]++;
                dstK[at] = srcK[i];
                dstP[at] = srcP[i];
            }
            long[] tk = srcK;
            srcK = dstK;
            dstK = tk;
            int[] tp = srcP;
            srcP = dstP;
            dstP = tp;
        }
        if (srcK != keys) {
            System.arraycopy(srcK, 0, keys, 0, n);
            System.arraycopy(srcP, 0, positions, 0, n);
        }
    }
}
