package org.myelin.data.ucr.internal;

/** Parsing of the numbers in UCR/UEA files. */
final class Values {

    private Values() {
    }

    /**
     * Parses one value: a decimal number, or {@code ?} / {@code NaN} for a missing value.
     *
     * @param token the text, possibly with surrounding blanks
     * @param src the file, for the error message
     * @param where names the value in the error message, e.g. {@code "channel 2, step 17"}
     * @return the value, NaN when missing
     * @throws org.myelin.api.InvalidInputException when the token is not a number
     */
    static float parse(String token, LineSource src, String where) {
        String s = token.strip();
        if (s.equals("?") || s.equalsIgnoreCase("nan")) {
            return Float.NaN;
        }
        if (!looksNumeric(s)) {
            throw notANumber(token, src, where);
        }
        float v;
        try {
            v = Float.parseFloat(s);
        } catch (NumberFormatException e) {
            throw notANumber(token, src, where);
        }
        if (Float.isInfinite(v)) {
            throw src.error("value '" + s + "' (" + where + ") is outside the float range",
                    "values must be finite numbers of magnitude below 3.4e38");
        }
        return v;
    }

    private static org.myelin.api.InvalidInputException notANumber(String token, LineSource src, String where) {
        String shown = token.length() > 40 ? token.substring(0, 40) + "..." : token;
        return src.error(shown.isEmpty() ? "empty value (" + where + ")" : "value '" + shown + "' (" + where + ") is not a number",
                "expected decimal numbers; '?' (or NaN) marks a missing value");
    }

    private static boolean looksNumeric(String s) {
        if (s.isEmpty()) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return digit;
    }

    /**
     * Length after dropping trailing time steps in which every channel is missing: the NaN (or
     * {@code ?}) padding the UCR {@code .tsv} and UEA {@code .arff} files use for unequal lengths.
     *
     * @param values time-major values
     * @param length time steps
     * @param channels channels
     * @return the real length
     */
    static int trimmedLength(float[] values, int length, int channels) {
        int t = length;
        while (t > 0) {
            boolean allMissing = true;
            for (int c = 0; c < channels; c++) {
                if (!Float.isNaN(values[(t - 1) * channels + c])) {
                    allMissing = false;
                    break;
                }
            }
            if (!allMissing) {
                break;
            }
            t--;
        }
        return t;
    }
}
