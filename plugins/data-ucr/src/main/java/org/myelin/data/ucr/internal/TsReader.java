package org.myelin.data.ucr.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the sktime/aeon {@code .ts} format (spec 1.0): {@code #} comment lines, header lines
 * ({@code @problemName}, {@code @timeStamps}, {@code @missing}, {@code @univariate},
 * {@code @dimensions}, {@code @equalLength}, {@code @seriesLength}, {@code @classLabel}), then
 * {@code @data} and one case per line: channels separated by {@code :}, values inside a channel
 * by {@code ,}, the class label as the last {@code :} field, {@code ?} for a missing value.
 * Cases may have different lengths; the channels of one case must have the same length.
 * Time-stamped series and regression targets are rejected: this is a classification reader.
 */
final class TsReader implements SeriesReader {

    private static final String VALUE_FORMAT = "a case is channel values separated by ',', channels separated by ':',"
            + " then ':' and the class label";

    @Override
    public SeriesFile read(Path file) throws IOException {
        try (LineSource src = new LineSource(file)) {
            Header h = readHeader(src);
            Set<String> declared = new LinkedHashSet<>(h.classLabels);
            List<RawCase> cases = new ArrayList<>();
            int channels = h.dimensions;
            String channelsFrom = h.dimensions > 0 ? "@dimensions " + h.dimensions : null;
            int firstLength = -1;
            String line;
            while ((line = src.next()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(":", -1);
                int found = fields.length - 1;
                if (channels < 0) {
                    if (found < 1) {
                        throw src.error("expected at least one channel and a class label, found no ':'", VALUE_FORMAT);
                    }
                    channels = found;
                    channelsFrom = "the first case, line " + src.line();
                }
                if (found != channels) {
                    throw src.error("found " + Math.max(found, 0) + " channel" + (found == 1 ? "" : "s") + " before the class label, expected "
                            + channels + " (from " + channelsFrom + ")", VALUE_FORMAT + "; a shorter line may be truncated");
                }
                String label = fields[channels].strip();
                if (label.isEmpty()) {
                    throw src.error("the class label (after the last ':') is empty", VALUE_FORMAT);
                }
                if (!declared.contains(label)) {
                    throw src.error("class label '" + shorten(label) + "' is not declared in @classLabel",
                            "declared labels: " + String.join(" ", declared) + "; a line without its label may be truncated");
                }
                float[][] perChannel = new float[channels][];
                for (int c = 0; c < channels; c++) {
                    String[] tokens = fields[c].split(",", -1);
                    float[] v = new float[tokens.length];
                    for (int t = 0; t < tokens.length; t++) {
                        v[t] = Values.parse(tokens[t], src, "channel " + c + ", step " + t);
                    }
                    perChannel[c] = v;
                }
                int length = perChannel[0].length;
                for (int c = 1; c < channels; c++) {
                    if (perChannel[c].length != length) {
                        throw src.error("channel " + c + " has " + perChannel[c].length + " values but channel 0 has " + length,
                                "all channels of one case must have the same length");
                    }
                }
                if (h.seriesLength > 0 && length != h.seriesLength) {
                    throw src.error("case has " + length + " values per channel, but the header says @seriesLength " + h.seriesLength,
                            "fix the case or the header; a shorter line may be truncated");
                }
                if (h.equalLength && firstLength >= 0 && length != firstLength) {
                    throw src.error("case has " + length + " values per channel, the first case " + firstLength + ", but the header says"
                            + " @equalLength true", "fix the case or say @equalLength false");
                }
                if (firstLength < 0) {
                    firstLength = length;
                }
                float[] values = new float[length * channels];
                for (int c = 0; c < channels; c++) {
                    float[] v = perChannel[c];
                    for (int t = 0; t < length; t++) {
                        values[t * channels + c] = v[t];
                    }
                }
                cases.add(new RawCase(label, length, channels, values, src.line()));
            }
            if (cases.isEmpty()) {
                throw src.error("no cases after @data (line " + h.dataLine + ")", "a .ts file holds one case per line after @data");
            }
            return new SeriesFile(file, cases, channels, new ArrayList<>(declared), h.problemName, src.sha256());
        }
    }

    /** What the header lines say. */
    private static final class Header {
        String problemName;
        int dimensions = -1;
        boolean equalLength;
        int seriesLength = -1;
        List<String> classLabels;
        int dataLine;
    }

    private static Header readHeader(LineSource src) throws IOException {
        Header h = new Header();
        Boolean univariate = null;
        String line;
        while ((line = src.next()) != null) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            if (!s.startsWith("@")) {
                throw src.error("expected a header line starting with '@' before the cases", "the cases follow a line '@data'");
            }
            String[] words = s.split("\\s+");
            String tag = words[0].toLowerCase(Locale.ROOT);
            switch (tag) {
                case "@problemname":
                    h.problemName = words.length > 1 ? s.substring(words[0].length()).strip() : null;
                    break;
                case "@timestamps":
                    if (flag(src, words)) {
                        throw src.error("time-stamped series ((time, value) pairs) are not supported", "give the series without time stamps");
                    }
                    break;
                case "@missing":
                    flag(src, words);
                    break;
                case "@univariate":
                    univariate = flag(src, words);
                    break;
                case "@dimensions":
                case "@dimension":
                    h.dimensions = positive(src, words);
                    break;
                case "@equallength":
                    h.equalLength = flag(src, words);
                    break;
                case "@serieslength":
                    h.seriesLength = positive(src, words);
                    break;
                case "@classlabel":
                    if (!flag(src, words)) {
                        throw src.error("@classLabel false: the cases carry no class labels", "the ucr plugin reads classification problems");
                    }
                    if (words.length < 3) {
                        throw src.error("@classLabel true declares no labels", "list the labels: @classLabel true <label> <label> ...");
                    }
                    h.classLabels = Arrays.asList(words).subList(2, words.length);
                    break;
                case "@targetlabel":
                    throw src.error("regression problem (@targetLabel): there are no classes", "the ucr plugin reads classification problems");
                case "@data":
                    h.dataLine = src.line();
                    if (h.classLabels == null) {
                        throw src.error("no '@classLabel true <labels>' line before @data", "the ucr plugin reads labelled classification problems");
                    }
                    if (h.dimensions < 0 && Boolean.TRUE.equals(univariate)) {
                        h.dimensions = 1;
                    }
                    if (h.dimensions > 1 && Boolean.TRUE.equals(univariate)) {
                        throw src.error("@univariate true contradicts @dimensions " + h.dimensions, "fix the header");
                    }
                    if (!h.equalLength) {
                        h.seriesLength = -1;
                    }
                    return h;
                default:
                    // later spec versions add tags; they do not change how cases are read
                    break;
            }
        }
        throw src.error("the file ends without a '@data' line", "a .ts file has header lines, then '@data', then one case per line");
    }

    private static boolean flag(LineSource src, String[] words) {
        if (words.length >= 2) {
            String v = words[1].toLowerCase(Locale.ROOT);
            if (v.equals("true") || v.equals("false")) {
                return v.equals("true");
            }
        }
        throw src.error(words[0] + " needs true or false", "write e.g. '" + words[0] + " true'");
    }

    private static int positive(LineSource src, String[] words) {
        try {
            int v = Integer.parseInt(words.length >= 2 ? words[1] : "");
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw src.error(words[0] + " needs a positive whole number", "write e.g. '" + words[0] + " 12'");
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
