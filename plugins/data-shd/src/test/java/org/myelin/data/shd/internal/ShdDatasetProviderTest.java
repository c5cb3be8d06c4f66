package org.myelin.data.shd.internal;

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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.api.InvalidInputException;
import org.myelin.api.array.SpikeEvents;
import org.myelin.api.data.Dataset;
import org.myelin.api.data.Sample;
import org.myelin.api.data.SampleKind;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.Parameters;

/**
 * Opens the synthetic SHD files of src/test/resources/shd (written by make_shd_fixtures.py in
 * the layout of science/snn.md section 7.1); the expected bins are derived by hand from the
 * spike lists in that script, step = floor(1000 t / dt_ms), channel = unit / channel_group.
 */
class ShdDatasetProviderTest {

    private final ShdDatasetProvider provider = new ShdDatasetProvider();

    @TempDir
    Path tmp;

    private Dataset open(Object... keyValues) throws IOException {
        Map<String, Object> raw = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        return provider.open(Parameters.resolve("data.params", provider.parameters(), raw));
    }

    static Path fixtures() {
        try {
            return Paths.get(ShdDatasetProviderTest.class.getResource("/shd").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path fixture(String name) {
        return fixtures().resolve(name);
    }

    private static void assertEvents(int[][] stepChannel, SpikeEvents ev) {
        int[] steps = new int[stepChannel.length];
        int[] channels = new int[stepChannel.length];
        for (int k = 0; k < stepChannel.length; k++) {
            steps[k] = stepChannel[k][0];
            channels[k] = stepChannel[k][1];
        }
        assertArrayEquals(steps, ev.steps(), "steps of " + ev);
        assertArrayEquals(channels, ev.channels(), "channels of " + ev);
    }

    @Test
    void binsAt10MsOver1000MsByDefault() throws IOException {
        Dataset d = open("dir", fixtures().toString());
        assertEquals(6, d.train().size());
        assertEquals(3, d.test().size());
        assertEquals(SampleKind.EVENTS, d.info().kind());
        assertEquals(700, d.info().channels());
        assertEquals(100, d.info().maxLength());
        assertTrue(d.info().equalLength());
        assertEquals(20, d.info().classCount());
        assertEquals("english-three", d.info().classNames().get(3));
        assertEquals("german-drei", d.info().classNames().get(13));
        Sample s0 = d.train().get(0);
        assertEquals(3, s0.label());
        assertEquals(100, s0.length());
        assertEquals(700, s0.channels());
        assertEquals(null, s0.values());
        // (0 ms, 0), (0.98 ms, 1), (11.72 ms, 699), (11.72 ms, 5), (500 ms, 3)
        assertEvents(new int[][] {{0, 0}, {0, 1}, {1, 5}, {1, 699}, {50, 3}}, s0.events());
        assertEvents(new int[][] {{0, 10}, {0, 11}, {0, 12}, {75, 699}}, d.train().get(1).events());
        assertEquals(0, d.train().get(3).events().size(), "a sample without spikes");
        assertEquals(100, d.train().get(3).length());
        // two spikes in one bin stay two events (counts); the spike at 1250 ms is outside the window
        assertEvents(new int[][] {{4, 350}, {4, 350}}, d.train().get(4).events());
        // 0.1 s is 0.0999756 s in float16: still step 9
        assertEvents(new int[][] {{9, 0}, {9, 699}}, d.train().get(5).events());
        assertEquals("1", d.info().metadata().get("dropped_spikes"));
        // the test file stores float32 times
        assertEvents(new int[][] {{0, 7}, {0, 8}, {1, 9}}, d.test().get(0).events());
        assertEvents(new int[][] {{50, 600}, {50, 601}, {50, 602}, {50, 603}, {50, 604}}, d.test().get(1).events());
        assertEquals(19, d.test().get(2).label());
    }

    @Test
    void channelGroupsSumNeighbouringChannels() throws IOException {
        Dataset d = open("dir", fixtures().toString(), "channel_group", 5);
        assertEquals(140, d.info().channels());
        assertEvents(new int[][] {{0, 0}, {0, 0}, {1, 1}, {1, 139}, {50, 0}}, d.train().get(0).events());
        Dataset odd = open("dir", fixtures().toString(), "channel_group", 3);
        assertEquals(234, odd.info().channels(), "ceil(700 / 3)");
        assertEvents(new int[][] {{0, 0}, {0, 0}, {1, 1}, {1, 233}, {50, 1}}, odd.train().get(0).events());
    }

    @Test
    void binaryKeepsOneEventPerBin() throws IOException {
        Dataset d = open("dir", fixtures().toString(), "binary", true, "channel_group", 5);
        assertEvents(new int[][] {{0, 0}, {1, 1}, {1, 139}, {50, 0}}, d.train().get(0).events());
        assertEvents(new int[][] {{4, 70}}, d.train().get(4).events());
    }

    @Test
    void finerStepsAndOpenEndedWindow() throws IOException {
        Dataset ms = open("dir", fixtures().toString(), "dt_ms", 1.0);
        assertEquals(1000, ms.train().get(0).length());
        assertEvents(new int[][] {{0, 0}, {0, 1}, {11, 5}, {11, 699}, {500, 3}}, ms.train().get(0).events());
        Dataset open = open("dir", fixtures().toString(), "max_time_ms", 0.0);
        assertFalse(open.info().equalLength());
        assertEquals(51, open.train().get(0).length(), "up to the last spike at 500 ms");
        assertEquals(1, open.train().get(3).length(), "an empty sample gets one step");
        assertEquals(126, open.train().get(4).length(), "the spike at 1250 ms is kept");
        assertEquals(126, open.info().maxLength());
        assertEquals("0", open.info().metadata().get("dropped_spikes"));
    }

    @Test
    void explicitFilesLimitsAndNumericClassNames() throws IOException {
        Dataset d = open("train", fixture("no_extra.h5").toString(), "test", fixture("no_extra.h5").toString(),
                "train_limit", 1);
        assertEquals(1, d.train().size());
        assertEquals(2, d.test().size());
        assertEquals(java.util.List.of("0", "1", "2", "3", "4"), d.info().classNames(), "no extra/keys: 0 to the largest label");
        assertEquals(Map.of("no_extra.h5", d.digests().get("no_extra.h5")), d.digests());
    }

    @Test
    void digestsAreTheSha256OfTheFiles() throws IOException {
        // sha256sum of the committed files (src/test/resources/README.md)
        Map<String, String> digests = open("dir", fixtures().toString()).digests();
        assertEquals(ShdFixtures.SHA256.get("shd_train.h5"), digests.get("shd_train.h5"));
        assertEquals(ShdFixtures.SHA256.get("shd_test.h5"), digests.get("shd_test.h5"));
    }

    @Test
    void unsortedSpikeTimesAreSortedIntoSteps() throws IOException {
        Dataset d = open("train", fixture("unsorted.h5").toString(), "test", fixture("unsorted.h5").toString());
        // times 0.03, 0.01, 0.02 s on units 1, 2, 3, stored as float32: 0.0299999993, 0.0099999998,
        // 0.0199999996 s, which bin exactly into steps 2, 0, 1
        assertEvents(new int[][] {{0, 2}, {1, 3}, {2, 1}}, d.train().get(0).events());
    }

    @Test
    void unitOutsideTheChannelsNamesFileSampleAndSpike() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> open("train", fixture("unit_out_of_range.h5").toString(), "test", fixture("shd_test.h5").toString()));
        assertTrue(e.getMessage().contains("unit_out_of_range.h5 sample 0 spike 1: unit 700 is outside [0, 700)"), e.getMessage());
    }

    @Test
    void negativeSpikeTimeIsNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> open("train", fixture("negative_time.h5").toString(), "test", fixture("shd_test.h5").toString()));
        assertTrue(e.getMessage().contains("negative_time.h5 spikes/times[1][1]: spike time is -0.5 s"), e.getMessage());
    }

    @Test
    void missingDatasetIsNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> open("train", fixture("shd_train.h5").toString(), "test", fixture("no_units.h5").toString()));
        assertTrue(e.getMessage().contains("no_units.h5: has no dataset spikes/units"), e.getMessage());
    }

    @Test
    void truncatedFileIsNamed() throws IOException {
        byte[] full = Files.readAllBytes(fixture("shd_train.h5"));
        for (int keep : new int[] {full.length / 2, 1000, 100, 10}) {
            Path cut = tmp.resolve("cut" + keep + ".h5");
            Files.write(cut, Arrays.copyOf(full, keep));
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> open("train", cut.toString(), "test", fixture("shd_test.h5").toString()), "kept " + keep + " bytes");
            assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
        }
    }

    @Test
    void garbledFileIsNamed() throws IOException {
        Path text = tmp.resolve("shd_train.h5");
        Files.write(text, "this is not an HDF5 file\n".repeat(100).getBytes(StandardCharsets.UTF_8));
        Files.copy(fixture("shd_test.h5"), tmp.resolve("shd_test.h5"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open("dir", tmp.toString()));
        assertTrue(e.getMessage().startsWith(text + ": is not a readable HDF5 file in the SHD layout"), e.getMessage());
    }

    @Test
    void missingFilesAndParametersAreNamed() {
        InvalidParameterException p = assertThrows(InvalidParameterException.class, () -> open());
        assertTrue(p.getMessage().contains("neither dir nor train is given"), p.getMessage());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> open("dir", tmp.toString()));
        assertTrue(e.getMessage().contains("shd_train.h5: does not exist"), e.getMessage());
    }
}
