package org.myelin.data.ucr.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the UCR 2018 {@code .tsv} format: no header, one univariate series per line, fields
 * separated by tabs, the class label first. Unequal-length series are padded with NaN at the
 * end; trailing NaNs are dropped to give each series its real length, interior NaNs stay as
 * missing values. Numeric labels are written canonically ({@code 1.0000000e+00} becomes
 * {@code 1}), so that train and test files that format them differently agree.
 */
final class TsvReader implements SeriesReader {

    @Override
    public SeriesFile read(Path file) throws IOException {
        try (LineSource src = new LineSource(file)) {
            List<RawCase> cases = new ArrayList<>();
            String line;
            while ((line = src.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length < 2) {
                    throw src.error("expected a class label and values separated by tabs, found " + (line.indexOf(',') >= 0
                            ? "commas" : "no tab"), "a UCR .tsv line is <label> TAB <value> TAB <value> ...; a short line may be truncated");
                }
                String label = canonicalLabel(fields[0].strip());
                if (label.isEmpty()) {
                    throw src.error("the class label (first field) is empty", "a UCR .tsv line starts with the class label");
                }
                float[] v = new float[fields.length - 1];
                for (int t = 0; t < v.length; t++) {
                    v[t] = Values.parse(fields[t + 1], src, "step " + t);
                }
                int length = Values.trimmedLength(v, v.length, 1);
                if (length == 0) {
                    throw src.error("the series has no values (all NaN)", "give at least one value after the label");
                }
                cases.add(new RawCase(label, length, 1, length == v.length ? v : Arrays.copyOf(v, length), src.line()));
            }
            if (cases.isEmpty()) {
                throw src.error("the file holds no series", "a UCR .tsv file has one labelled series per line");
            }
            return new SeriesFile(file, cases, 1, null, null, src.sha256());
        }
    }

    /**
     * @param label a label as written
     * @return integral numbers without exponent or fraction, everything else unchanged
     */
    static String canonicalLabel(String label) {
        if (label.length() > 32) {
            return label;
        }
        try {
            BigDecimal d = new BigDecimal(label);
            if (d.signum() == 0) {
                return "0";
            }
            BigDecimal s = d.stripTrailingZeros();
            return s.scale() <= 0 ? s.toBigIntegerExact().toString() : label;
        } catch (NumberFormatException | ArithmeticException e) {
            return label;
        }
    }
}
