package org.myelin.data.ucr.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads Weka {@code .arff} files as the UCR/UEA archives write them: {@code %} comments,
 * {@code @relation}, {@code @attribute} lines, {@code @data}, one case per line with the class
 * last. Two layouts are understood:
 * <ul>
 * <li>univariate: numeric attributes (one per time step), then the class;</li>
 * <li>multivariate (UEA): one {@code relational} attribute whose nested numeric attributes
 *     are the time steps, then the class. Each case is a quoted string holding one line per
 *     channel, separated by the two characters {@code \n}, followed by {@code ,class}.</li>
 * </ul>
 * {@code ?} marks a missing value; trailing steps missing on every channel (the padding of
 * unequal-length problems) are dropped. A nominal class attribute ({@code {a,b,c}}) declares the
 * class labels and their order. Sparse data lines are rejected.
 */
final class ArffReader implements SeriesReader {

    @Override
    public SeriesFile read(Path file) throws IOException {
        try (LineSource src = new LineSource(file)) {
            Header h = readHeader(src);
            List<RawCase> cases = new ArrayList<>();
            int channels = h.relational ? -1 : 1;
            int channelsLine = -1;
            String line;
            while ((line = src.next()) != null) {
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("%")) {
                    continue;
                }
                if (s.startsWith("{")) {
                    throw src.error("sparse ARFF data lines are not supported", "write the cases in dense form");
                }
                RawCase c = h.relational ? multivariate(s, h, src) : univariate(s, h, src);
                if (channels < 0) {
                    channels = c.channels();
                    channelsLine = src.line();
                } else if (c.channels() != channels) {
                    throw src.error("case has " + c.channels() + " channels, expected " + channels + " (from the first case, line "
                            + channelsLine + ")", "every case needs the same channels; a shorter line may be truncated");
                }
                cases.add(c);
            }
            if (cases.isEmpty()) {
                throw src.error("no cases after @data (line " + h.dataLine + ")", "an .arff file holds one case per line after @data");
            }
            return new SeriesFile(file, cases, channels, h.classLabels, h.relation, src.sha256());
        }
    }

    private static RawCase univariate(String s, Header h, LineSource src) {
        String[] fields = s.split(",", -1);
        if (fields.length != h.steps + 1) {
            throw src.error("found " + fields.length + " comma-separated fields, expected " + (h.steps + 1) + " (" + h.steps
                    + " numeric attributes and the class)", "one value per @attribute; a shorter line may be truncated");
        }
        float[] v = new float[h.steps];
        for (int t = 0; t < h.steps; t++) {
            v[t] = Values.parse(fields[t], src, "attribute " + t);
        }
        return finish(v, h.steps, 1, label(fields[h.steps], h, src), src);
    }

    private static RawCase multivariate(String s, Header h, LineSource src) {
        char quote = s.charAt(0);
        if (quote != '\'' && quote != '"') {
            throw src.error("expected a quoted relational value (channels separated by \\n) before the class",
                    "a UEA multivariate case is '<channel 0>\\n<channel 1>...',<class>");
        }
        int end = s.indexOf(quote, 1);
        if (end < 0) {
            throw src.error("the quoted relational value is not closed", "the line may be truncated");
        }
        String rest = s.substring(end + 1).strip();
        if (!rest.startsWith(",") || rest.length() < 2) {
            throw src.error("expected ',<class>' after the quoted relational value", "the line may be truncated");
        }
        String[] chans = s.substring(1, end).split("\\\\n", -1);
        int channels = chans.length;
        float[] values = new float[h.steps * channels];
        for (int c = 0; c < channels; c++) {
            String[] tokens = chans[c].split(",", -1);
            if (tokens.length != h.steps) {
                throw src.error("channel " + c + " has " + tokens.length + " values, expected " + h.steps + " (the nested attributes of "
                        + h.relationalName + ")", "every channel has one value per nested attribute; pad with '?'");
            }
            for (int t = 0; t < h.steps; t++) {
                values[t * channels + c] = Values.parse(tokens[t], src, "channel " + c + ", step " + t);
            }
        }
        return finish(values, h.steps, channels, label(rest.substring(1), h, src), src);
    }

    private static RawCase finish(float[] values, int steps, int channels, String label, LineSource src) {
        int length = Values.trimmedLength(values, steps, channels);
        if (length == 0) {
            throw src.error("the case has no values (all missing)", "give at least one value");
        }
        float[] v = length == steps ? values : Arrays.copyOf(values, length * channels);
        return new RawCase(label, length, channels, v, src.line());
    }

    private static String label(String raw, Header h, LineSource src) {
        String l = unquote(raw.strip());
        if (l.isEmpty() || l.equals("?")) {
            throw src.error("the class value is missing", "every case needs its class as the last field");
        }
        if (h.classLabels != null && !h.classLabels.contains(l)) {
            throw src.error("class '" + l + "' is not one of the values declared for attribute " + h.className,
                    "declared: {" + String.join(",", h.classLabels) + "}; a line may be truncated");
        }
        return l;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** What the header declares. */
    private static final class Header {
        String relation;
        boolean relational;
        String relationalName;
        int steps;
        String className;
        List<String> classLabels;
        int dataLine;
    }

    private static Header readHeader(LineSource src) throws IOException {
        Header h = new Header();
        List<String[]> top = new ArrayList<>();
        boolean nested = false;
        int nestedNumeric = 0;
        String line;
        while ((line = src.next()) != null) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("%")) {
                continue;
            }
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.startsWith("@relation")) {
                h.relation = unquote(s.substring("@relation".length()).strip());
            } else if (lower.startsWith("@attribute")) {
                String[] nameType = nameAndType(s.substring("@attribute".length()).strip(), src);
                String type = nameType[1].toLowerCase(Locale.ROOT);
                if (nested) {
                    if (!isNumeric(type)) {
                        throw src.error("nested attribute '" + nameType[0] + "' has type " + nameType[1] + ", expected numeric",
                                "the time steps of a relational attribute are numeric");
                    }
                    nestedNumeric++;
                } else {
                    if (type.equals("relational")) {
                        if (!top.isEmpty()) {
                            throw src.error("the relational attribute must come first", "UEA layout: relational attribute, then the class");
                        }
                        nested = true;
                        h.relational = true;
                        h.relationalName = nameType[0];
                    }
                    top.add(new String[] {nameType[0], nameType[1], Integer.toString(src.line())});
                }
            } else if (lower.startsWith("@end")) {
                if (!nested) {
                    throw src.error("@end without a relational attribute", "remove the line");
                }
                nested = false;
            } else if (lower.equals("@data")) {
                if (nested) {
                    throw src.error("@data inside relational attribute " + h.relationalName, "close it with '@end " + h.relationalName + "'");
                }
                h.dataLine = src.line();
                layout(h, top, nestedNumeric, src);
                return h;
            } else {
                throw src.error("expected @relation, @attribute, @end or @data", "ARFF header lines start with '@'; comments with '%'");
            }
        }
        throw src.error("the file ends without a '@data' line", "an .arff file has @relation and @attribute lines, then '@data' and the cases");
    }

    private static void layout(Header h, List<String[]> top, int nestedNumeric, LineSource src) {
        if (top.size() < 2) {
            throw src.error("found " + top.size() + " attributes before @data, expected the series attributes and a class",
                    "declare numeric (or one relational) attributes, then the class");
        }
        String[] cls = top.get(top.size() - 1);
        h.className = cls[0];
        if (cls[1].startsWith("{")) {
            List<String> declared = nominal(cls[1]);
            h.classLabels = declared.isEmpty() ? null : declared;
        }
        if (h.relational) {
            if (top.size() != 2) {
                throw src.error("a relational (multivariate) layout needs exactly two attributes, the relational one and the class,"
                        + " found " + top.size(), "see the UEA .arff files");
            }
            if (nestedNumeric == 0) {
                throw src.error("relational attribute " + h.relationalName + " has no nested numeric attributes", "declare one per time step");
            }
            h.steps = nestedNumeric;
        } else {
            for (int i = 0; i < top.size() - 1; i++) {
                if (!isNumeric(top.get(i)[1].toLowerCase(Locale.ROOT))) {
                    throw src.error("attribute '" + top.get(i)[0] + "' (line " + top.get(i)[2] + ") has type " + top.get(i)[1]
                            + ", expected numeric", "every attribute but the last (the class) is one time step");
                }
            }
            h.steps = top.size() - 1;
        }
    }

    private static boolean isNumeric(String type) {
        return type.equals("numeric") || type.equals("real") || type.equals("integer");
    }

    private static String[] nameAndType(String s, LineSource src) {
        String name;
        String rest;
        if (!s.isEmpty() && (s.charAt(0) == '\'' || s.charAt(0) == '"')) {
            int end = s.indexOf(s.charAt(0), 1);
            if (end < 0) {
                throw src.error("unclosed quote in the attribute name", "close the quote");
            }
            name = s.substring(1, end);
            rest = s.substring(end + 1).strip();
        } else {
            int sp = 0;
            while (sp < s.length() && !Character.isWhitespace(s.charAt(sp))) {
                sp++;
            }
            name = s.substring(0, sp);
            rest = s.substring(sp).strip();
        }
        if (name.isEmpty() || rest.isEmpty()) {
            throw src.error("expected '@attribute <name> <type>'", "e.g. '@attribute att0 numeric'");
        }
        return new String[] {name, rest};
    }

    private static List<String> nominal(String type) {
        String inner = type.substring(1, type.lastIndexOf('}') > 0 ? type.lastIndexOf('}') : type.length());
        List<String> out = new ArrayList<>();
        for (String v : inner.split(",")) {
            String l = unquote(v.strip());
            if (!l.isEmpty()) {
                out.add(l);
            }
        }
        return out;
    }
}
