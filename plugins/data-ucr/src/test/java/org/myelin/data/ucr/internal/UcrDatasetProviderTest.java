package org.myelin.data.ucr.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.api.InvalidInputException;
import org.myelin.api.data.DataSplit;
import org.myelin.api.data.Dataset;
import org.myelin.api.data.Sample;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.Parameters;

/**
 * Opens real archive files (see src/test/resources/README.md) and broken copies of them.
 * Expected values were read from the files with Python, independently of these readers.
 */
class UcrDatasetProviderTest {

    private final UcrDatasetProvider provider = new UcrDatasetProvider();

    @TempDir
    Path tmp;

    private Dataset open(Path dir, Object... keyValues) throws IOException {
        Map<String, Object> raw = new HashMap<>();
        raw.put("dir", dir.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        return provider.open(Parameters.resolve("data.params", provider.parameters(), raw));
    }

    private static Path resource(String folder) {
        try {
            return Paths.get(UcrDatasetProviderTest.class.getResource("/" + folder).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a resource folder under a new name so that it can be edited. */
    private Path copy(String folder) throws IOException {
        Path dst = tmp.resolve(folder);
        Files.createDirectories(dst);
        try (var files = Files.list(resource(folder))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
        return dst;
    }

    private static void editLine(Path file, int line, java.util.function.UnaryOperator<String> edit) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(line - 1, edit.apply(lines.get(line - 1)));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    @Test
    void readsGunPointTs() throws IOException {
        Dataset d = open(resource("GunPoint"));
        assertEquals("GunPoint", d.name());
        assertEquals(50, d.train().size());
        assertEquals(150, d.test().size());
        assertEquals(List.of("1", "2"), d.info().classNames());
        assertEquals(1, d.info().channels());
        assertEquals(150, d.info().maxLength());
        assertTrue(d.info().equalLength());
        assertEquals("ts", d.info().metadata().get("format"));
        assertEquals("GunPoint", d.info().metadata().get("problem_name"));
        Sample first = d.train().get(0);
        assertEquals(1, first.label(), "first training case is class '2'");
        assertEquals(150, first.length());
        assertEquals(-0.6478854f, first.value(0, 0));
        assertEquals(-0.63865722f, first.value(149, 0));
        Sample last = d.test().get(149);
        assertEquals(0, last.label(), "last test case is class '1'");
        assertEquals(-1.222043f, last.value(149, 0));
        assertEquals(24, count(d.train(), 0), "training cases of class '1'");
    }

    @Test
    void digestsAreTheSha256OfTheFilesRead() throws IOException {
        Dataset ts = open(resource("GunPoint"));
        // from the shared datasets' SHA256SUMS
        assertEquals(Map.of("GunPoint_TRAIN.ts", "f842401779fd9800d247d8b33121a1a4643710a19b24917dbdd9a060ca8630d5",
                "GunPoint_TEST.ts", "79332750788a6227b325b96bd0d70130c8eb707b9731f8d7dec62b7a7d36017e"), ts.digests());
        Dataset tsv = open(resource("GunPoint"), "format", "tsv");
        assertEquals(Map.of("GunPoint_TRAIN.tsv", "4d14e4f44a6230087cb4b4ed7844c8b0feb76f07a76108cc367d689e0de8f609",
                "GunPoint_TEST.tsv", "5537eb2f3050e1514f3221b5f4c9799b350fb229ea15eed9e78bbae855505ccf"), tsv.digests());
    }

    @Test
    void gunPointTsvGivesTheSameSamplesAsTs() throws IOException {
        Dataset ts = open(resource("GunPoint"));
        Dataset tsv = open(resource("GunPoint"), "format", "tsv");
        assertEquals("tsv", tsv.info().metadata().get("format"));
        assertEquals(ts.info().classNames(), tsv.info().classNames());
        assertSameSamples(ts.train(), tsv.train());
        assertSameSamples(ts.test(), tsv.test());
    }

    @Test
    void readsJapaneseVowelsMultivariateUnequalLength() throws IOException {
        Dataset d = open(resource("JapaneseVowels"));
        assertEquals(30, d.train().size());
        assertEquals(20, d.test().size());
        assertEquals(12, d.info().channels());
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), d.info().classNames());
        assertFalse(d.info().equalLength());
        assertEquals(29, d.info().maxLength());
        assertEquals("13", d.info().metadata().get("min_length"));
        int[] trainLengths = {20, 26, 22, 20, 21, 23, 22, 18, 24, 15, 23, 15, 17, 14, 14, 15, 15, 21, 16, 15, 15, 19, 22, 20, 17, 17,
            13, 16, 13, 14};
        int[] testLengths = {19, 17, 19, 18, 24, 17, 17, 29, 17, 23, 20, 14, 16, 17, 18, 13, 19, 17, 16, 18};
        assertArrayEquals(trainLengths, lengths(d.train()));
        assertArrayEquals(testLengths, lengths(d.test()));
        Sample s = d.train().get(0);
        assertEquals(0, s.label());
        assertEquals(20 * 12, s.values().length);
        assertEquals(1.860936f, s.value(0, 0));
        assertEquals(-0.207383f, s.value(0, 1));
        assertEquals(1.891651f, s.value(1, 0));
        assertEquals(-0.175986f, s.value(19, 11));
    }

    @Test
    void readsBasicMotionsRelationalArffLikeTheTsFile() throws IOException {
        Dataset arff = open(resource("BasicMotions"), "format", "arff");
        assertEquals(8, arff.train().size());
        assertEquals(8, arff.test().size());
        assertEquals(6, arff.info().channels());
        assertEquals(100, arff.info().maxLength());
        assertTrue(arff.info().equalLength());
        assertEquals(List.of("Standing", "Running", "Walking", "Badminton"), arff.info().classNames());
        assertEquals("BasicMotions", arff.info().metadata().get("problem_name"));
        int[] labels = new int[8];
        for (int i = 0; i < 8; i++) {
            labels[i] = arff.train().get(i).label();
        }
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2, 3, 3}, labels);
        assertEquals(0.079106f, arff.train().get(0).value(0, 0));
        assertEquals(0.394032f, arff.train().get(0).value(0, 1));
        assertEquals(1.925618f, arff.train().get(7).value(99, 5));
        Dataset ts = open(resource("BasicMotions"));
        assertEquals("ts", ts.info().metadata().get("format"), "auto prefers .ts over .arff");
        assertSameSamples(ts.train(), arff.train());
        assertSameSamples(ts.test(), arff.test());
    }

    @Test
    void nameDefaultsToTheFolderAndCanBeGiven() throws IOException {
        Path dir = tmp.resolve("renamed");
        Files.createDirectories(dir);
        Files.copy(resource("GunPoint").resolve("GunPoint_TRAIN.tsv"), dir.resolve("GunPoint_TRAIN.tsv"));
        Files.copy(resource("GunPoint").resolve("GunPoint_TEST.tsv"), dir.resolve("GunPoint_TEST.tsv"));
        Dataset d = open(dir, "name", "GunPoint");
        assertEquals("GunPoint", d.name());
        assertEquals("tsv", d.info().metadata().get("format"), "auto falls back to .tsv");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir));
        assertTrue(e.getMessage().contains("renamed_TRAIN.ts"), e.getMessage());
    }

    @Test
    void limitsKeepTheFirstCases() throws IOException {
        Dataset all = open(resource("GunPoint"));
        Dataset d = open(resource("GunPoint"), "train_limit", 5, "test_limit", "3");
        assertEquals(5, d.train().size());
        assertEquals(3, d.test().size());
        assertArrayEquals(all.test().get(2).values(), d.test().get(2).values());
        assertEquals("150", d.info().metadata().get("test_cases_in_file"));
        assertThrows(InvalidParameterException.class, () -> open(resource("GunPoint"), "train_limit", -1));
    }

    @Test
    void zscoreNormalisesEachChannelOfEachSeries() throws IOException {
        Dataset d = open(resource("JapaneseVowels"), "normalize", "zscore");
        assertEquals("zscore", d.info().metadata().get("normalize"));
        Sample s = d.train().get(1);
        for (int c = 0; c < s.channels(); c++) {
            double sum = 0;
            double ss = 0;
            for (int t = 0; t < s.length(); t++) {
                sum += s.value(t, c);
            }
            double mean = sum / s.length();
            for (int t = 0; t < s.length(); t++) {
                ss += (s.value(t, c) - mean) * (s.value(t, c) - mean);
            }
            assertEquals(0.0, mean, 1e-6, "mean of channel " + c);
            assertEquals(1.0, Math.sqrt(ss / (s.length() - 1)), 1e-5, "sd of channel " + c);
        }
        Dataset raw = open(resource("JapaneseVowels"));
        assertEquals(1.303905f, raw.train().get(1).value(0, 0), "normalize=none leaves values as read");
    }

    @Test
    void tsvNaNPaddingIsTrimmedAndLabelsSortedNumerically() throws IOException {
        Path dir = tmp.resolve("Pad");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("Pad_TRAIN.tsv"), "10\t1\t2\t3\tNaN\tNaN\n-1\t1\tNaN\t3\t4\t5\n2.0000000e+00\t0\t0\t1\t1\t1\n");
        Files.writeString(dir.resolve("Pad_TEST.tsv"), "2\t5\t4\t3\t2\t1\n");
        Dataset d = open(dir);
        assertEquals(List.of("-1", "2", "10"), d.info().classNames());
        assertArrayEquals(new int[] {3, 5, 5}, lengths(d.train()));
        assertFalse(d.info().equalLength());
        assertEquals(5, d.info().maxLength());
        assertEquals(2, d.train().get(0).label());
        assertTrue(Float.isNaN(d.train().get(1).value(1, 0)), "interior NaN stays as a missing value");
        assertEquals("true", d.info().metadata().get("missing_values"));
        assertEquals(1, d.test().get(0).label(), "test label 2 matches training label 2.0000000e+00");
    }

    @Test
    void tsMissingValuesBecomeNaN() throws IOException {
        Path dir = copy("GunPoint");
        editLine(dir.resolve("GunPoint_TRAIN.ts"), 20, l -> "?," + l.substring(l.indexOf(',') + 1));
        Dataset d = open(dir);
        // line 20 is the first case
        assertTrue(Float.isNaN(d.train().get(0).value(0, 0)));
        assertEquals(-0.64199155f, d.train().get(0).value(1, 0));
        assertEquals(150, d.train().get(0).length());
        assertEquals("true", d.info().metadata().get("missing_values"));
    }

    @Test
    void missingFilesListWhatWasLookedForAndWhere() {
        Path dir = tmp.resolve("Nothing");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> {
            Files.createDirectories(dir);
            open(dir);
        });
        String m = e.getMessage();
        for (String f : List.of("Nothing_TRAIN.ts", "Nothing_TEST.ts", "Nothing_TRAIN.tsv", "Nothing_TRAIN.arff")) {
            assertTrue(m.contains(f), "message does not name " + f + ": " + m);
        }
        assertTrue(m.contains(dir.toString()), m);
        InvalidInputException absent = assertThrows(InvalidInputException.class, () -> open(tmp.resolve("absent")));
        assertTrue(absent.getMessage().contains("does not exist"), absent.getMessage());
    }

    @Test
    void aTrainFileWithoutItsTestFileIsNamed() throws IOException {
        Path dir = tmp.resolve("GunPoint");
        Files.createDirectories(dir);
        Files.copy(resource("GunPoint").resolve("GunPoint_TRAIN.ts"), dir.resolve("GunPoint_TRAIN.ts"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir, "format", "ts"));
        assertTrue(e.getMessage().contains("found GunPoint_TRAIN.ts but not GunPoint_TEST.ts"), e.getMessage());
    }

    @Test
    void wrongChannelCountNamesFileAndLine() throws IOException {
        Path dir = copy("JapaneseVowels");
        Path train = dir.resolve("JapaneseVowels_TRAIN.ts");
        // line 18 is the third case; drop its first channel
        editLine(train, 18, l -> l.substring(l.indexOf(':') + 1));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir));
        assertEquals(train + ":18", e.input());
        assertTrue(e.getMessage().contains("found 11 channels before the class label, expected 12 (from @dimensions 12)"), e.getMessage());
    }

    @Test
    void nonNumericValueNamesFileLineAndPosition() throws IOException {
        Path dir = copy("GunPoint");
        Path train = dir.resolve("GunPoint_TRAIN.ts");
        editLine(train, 20, l -> {
            String[] v = l.split(",", -1);
            v[3] = "abc";
            return String.join(",", v);
        });
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir));
        assertEquals(train + ":20", e.input());
        assertTrue(e.getMessage().contains("value 'abc' (channel 0, step 3) is not a number"), e.getMessage());
    }

    @Test
    void missingDataLineIsReported() throws IOException {
        Path dir = copy("GunPoint");
        Path test = dir.resolve("GunPoint_TEST.ts");
        List<String> lines = Files.readAllLines(test);
        Files.write(test, lines.subList(0, lines.indexOf("@data")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir));
        assertTrue(e.input().startsWith(test.toString() + ":"), e.input());
        assertTrue(e.getMessage().contains("ends without a '@data' line"), e.getMessage());
    }

    @Test
    void truncatedLastLineIsReported() throws IOException {
        Path dir = copy("GunPoint");
        Path train = dir.resolve("GunPoint_TRAIN.ts");
        byte[] bytes = Files.readAllBytes(train);
        // cut the file in the middle of its last case (line 69)
        Files.write(train, java.util.Arrays.copyOf(bytes, bytes.length - 500));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir));
        assertEquals(train + ":69", e.input());
        assertTrue(e.getMessage().contains("found 0 channels before the class label, expected 1"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void truncatedTsvLineIsReported() throws IOException {
        Path dir = copy("GunPoint");
        Path test = dir.resolve("GunPoint_TEST.tsv");
        editLine(test, 150, l -> l.substring(0, 1));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir, "format", "tsv"));
        assertEquals(test + ":150", e.input());
        assertTrue(e.getMessage().contains("expected a class label and values separated by tabs"), e.getMessage());
    }

    @Test
    void testLabelUnknownToTrainingIsAnError() throws IOException {
        Path dir = copy("GunPoint");
        Path test = dir.resolve("GunPoint_TEST.tsv");
        editLine(test, 7, l -> "3" + l.substring(l.indexOf('\t')));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir, "format", "tsv"));
        assertEquals(test + ":7", e.input());
        assertTrue(e.getMessage().contains("class label '3' does not occur in the training file GunPoint_TRAIN.tsv"), e.getMessage());
        assertTrue(e.getMessage().contains("training labels: 1, 2"), e.getMessage());
    }

    @Test
    void undeclaredTsLabelIsAnError() throws IOException {
        Path dir = copy("BasicMotions");
        Path test = dir.resolve("BasicMotions_TEST.ts");
        editLine(test, 16, l -> l.substring(0, l.lastIndexOf(':')) + ":Jumping");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir));
        assertEquals(test + ":16", e.input());
        assertTrue(e.getMessage().contains("class label 'Jumping' is not declared in @classLabel"), e.getMessage());
    }

    @Test
    void arffChannelOfWrongLengthNamesLine() throws IOException {
        Path dir = copy("BasicMotions");
        Path train = dir.resolve("BasicMotions_TRAIN.arff");
        // line 113 is the second case; drop the last value of its first channel
        editLine(train, 113, l -> {
            int nl = l.indexOf("\\n");
            return l.substring(0, l.lastIndexOf(',', nl)) + l.substring(nl);
        });
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir, "format", "arff"));
        assertEquals(train + ":113", e.input());
        assertTrue(e.getMessage().contains("channel 0 has 99 values, expected 100"), e.getMessage());
    }

    @Test
    void arffWithoutDataLineAndArffWithUnknownClass() throws IOException {
        Path dir = copy("BasicMotions");
        Path train = dir.resolve("BasicMotions_TRAIN.arff");
        List<String> lines = Files.readAllLines(train);
        Files.write(train, lines.subList(0, lines.indexOf("@data")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir, "format", "arff"));
        assertTrue(e.getMessage().contains("ends without a '@data' line"), e.getMessage());

        Files.write(train, lines);
        editLine(train, 112, l -> l.substring(0, l.lastIndexOf(',')) + ",Sleeping");
        InvalidInputException cls = assertThrows(InvalidInputException.class, () -> open(dir, "format", "arff"));
        assertEquals(train + ":112", cls.input());
        assertTrue(cls.getMessage().contains("class 'Sleeping' is not one of the values declared for attribute activity"),
                cls.getMessage());
    }

    @Test
    void arffChannelCountMustAgreeBetweenCases() throws IOException {
        Path dir = copy("BasicMotions");
        Path test = dir.resolve("BasicMotions_TEST.arff");
        editLine(test, 114, l -> l.substring(0, l.lastIndexOf("\\n")) + "'" + l.substring(l.lastIndexOf('\'') + 1));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(dir, "format", "arff"));
        assertEquals(test + ":114", e.input());
        assertTrue(e.getMessage().contains("case has 5 channels, expected 6 (from the first case, line 112)"), e.getMessage());
    }

    @Test
    void univariateArffIsRead() throws IOException {
        Path dir = tmp.resolve("Tiny");
        Files.createDirectories(dir);
        String header = "% a tiny problem\n@relation Tiny\n@attribute t0 numeric\n@attribute t1 numeric\n@attribute t2 numeric\n"
                + "@attribute target {b,a}\n\n@data\n";
        Files.writeString(dir.resolve("Tiny_TRAIN.arff"), header + "1,2,3,a\n4,?,?,b\n");
        Files.writeString(dir.resolve("Tiny_TEST.arff"), header + "0.5,1e-3,-2,'a'\n");
        Dataset d = open(dir);
        assertEquals(List.of("b", "a"), d.info().classNames());
        assertArrayEquals(new int[] {3, 1}, lengths(d.train()));
        assertEquals(1, d.train().get(0).label());
        assertEquals(0.001f, d.test().get(0).value(1, 0));
        assertEquals(1, d.test().get(0).label());
    }

    @Test
    void declaresItsParameters() {
        assertEquals(List.of("dir", "name", "format", "normalize", "train_limit", "test_limit", "encoding", "delta_threshold",
                "delta_padding"),
                provider.parameters().stream().map(p -> p.name()).toList());
        assertTrue(provider.parameters().get(0).required());
        assertEquals("ucr", provider.id());
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> Parameters.resolve("data.params", provider.parameters(), Map.of("dir", "/x", "format", "csv")));
        assertTrue(e.getMessage().contains("auto|ts|tsv|arff"), e.getMessage());
    }

    private static int count(DataSplit split, int label) {
        int n = 0;
        for (int i = 0; i < split.size(); i++) {
            n += split.get(i).label() == label ? 1 : 0;
        }
        return n;
    }

    private static int[] lengths(DataSplit split) {
        int[] out = new int[split.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = split.get(i).length();
        }
        return out;
    }

    private static void assertSameSamples(DataSplit a, DataSplit b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            Sample s = a.get(i);
            Sample t = b.get(i);
            assertEquals(s.label(), t.label(), "label of case " + i);
            assertEquals(s.length(), t.length(), "length of case " + i);
            assertEquals(s.channels(), t.channels(), "channels of case " + i);
            assertArrayEquals(s.values(), t.values(), "values of case " + i);
        }
    }
}
