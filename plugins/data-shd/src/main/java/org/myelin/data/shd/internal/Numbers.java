package org.myelin.data.shd.internal;

import org.myelin.api.InvalidInputException;

/** Conversion of the primitive arrays jhdf returns (their type follows the file's dtype) to int and float arrays. */
final class Numbers {

    private Numbers() {
    }

    /**
     * @param data a primitive integer array as read by jhdf
     * @param what names the dataset in the error message
     * @return the values as ints
     * @throws InvalidInputException when the data is not an integer array or a value exceeds the int range
     */
    static int[] toInts(Object data, String what) {
        if (data instanceof int[]) {
            return (int[]) data;
        }
        if (data instanceof short[]) {
            short[] s = (short[]) data;
            int[] out = new int[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = s[i];
            }
            return out;
        }
        if (data instanceof byte[]) {
            byte[] s = (byte[]) data;
            int[] out = new int[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = s[i];
            }
            return out;
        }
        if (data instanceof long[]) {
            long[] s = (long[]) data;
            int[] out = new int[s.length];
            for (int i = 0; i < s.length; i++) {
                if (s[i] != (int) s[i]) {
                    throw new InvalidInputException(what + "[" + i + "]", "value " + s[i] + " is outside the int range", null);
                }
                out[i] = (int) s[i];
            }
            return out;
        }
        throw new InvalidInputException(what, "holds " + describe(data) + ", not integers", "expected an integer dataset (uint16 in SHD)");
    }

    /**
     * @param data a primitive floating-point (or integer) array as read by jhdf
     * @param what names the dataset in the error message
     * @return the values as floats; a float array (float16 and float32 data) is returned as is
     * @throws InvalidInputException when the data is not numeric
     */
    static float[] toFloats(Object data, String what) {
        if (data instanceof float[]) {
            return (float[]) data;
        }
        if (data instanceof double[]) {
            double[] s = (double[]) data;
            float[] out = new float[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = (float) s[i];
            }
            return out;
        }
        if (data instanceof int[] || data instanceof short[] || data instanceof byte[] || data instanceof long[]) {
            int[] s = toInts(data, what);
            float[] out = new float[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = s[i];
            }
            return out;
        }
        throw new InvalidInputException(what, "holds " + describe(data) + ", not numbers", "expected spike times in seconds (float16 in SHD)");
    }

    private static String describe(Object data) {
        return data == null ? "nothing" : data.getClass().getSimpleName();
    }
}
