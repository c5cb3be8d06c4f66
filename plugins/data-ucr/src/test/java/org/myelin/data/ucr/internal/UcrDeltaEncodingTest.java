package org.myelin.data.ucr.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.myelin.api.array.SpikeEvents;
import org.myelin.api.data.Dataset;
import org.myelin.api.data.Sample;
import org.myelin.api.data.SampleKind;
import org.myelin.api.param.Parameters;

/**
 * encoding=delta on real archive files. Expected events were computed with numpy from the
 * .ts files, independently of the Java readers: float32 values, d = x - concat([0], x[:-1]),
 * up where d >= threshold on channel 2c, down where d <= -threshold on 2c + 1 (snnTorch
 * spikegen.delta with off_spike=True).
 */
class UcrDeltaEncodingTest {

    private final UcrDatasetProvider provider = new UcrDatasetProvider();

    private Dataset open(String folder, Object... keyValues) throws IOException {
        Map<String, Object> raw = new HashMap<>();
        try {
            raw.put("dir", Paths.get(UcrDeltaEncodingTest.class.getResource("/" + folder).toURI()).toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        return provider.open(Parameters.resolve("data.params", provider.parameters(), raw));
    }

    @Test
    void denseIsTheDefault() throws IOException {
        Dataset d = open("GunPoint");
        assertEquals(SampleKind.SEQUENCE, d.info().kind());
        assertEquals("dense", d.info().metadata().get("encoding"));
    }

    @Test
    void gunPointDeltaSpikesMatchNumpy() throws IOException {
        Dataset d = open("GunPoint", "encoding", "delta", "delta_threshold", 0.1);
        assertEquals(SampleKind.EVENTS, d.info().kind());
        assertEquals(2, d.info().channels());
        assertEquals(150, d.info().maxLength());
        Sample first = d.train().get(0);
        assertNull(first.values());
        assertEquals(150, first.length());
        assertEquals(2, first.channels());
        SpikeEvents ev = first.events();
        assertEquals(25, ev.size());
        assertArrayEquals(new int[] {0, 56, 58, 59, 60, 61}, java.util.Arrays.copyOf(ev.steps(), 6));
        assertArrayEquals(new int[] {1, 0, 0, 0, 0, 0}, java.util.Arrays.copyOf(ev.channels(), 6));
        assertEquals(12, java.util.Arrays.stream(ev.channels()).filter(c -> c == 0).count(), "up spikes");
        assertEquals(13, java.util.Arrays.stream(ev.channels()).filter(c -> c == 1).count(), "down spikes");
        int total = 0;
        for (int i = 0; i < d.train().size(); i++) {
            total += d.train().get(i).events().size();
        }
        assertEquals(1173, total, "events over the 50 training series");
        assertEquals(1, first.label(), "labels are unchanged");
    }

    @Test
    void paddingDropsTheSpikeAgainstZero() throws IOException {
        SpikeEvents ev = open("GunPoint", "encoding", "delta", "delta_padding", true).train().get(0).events();
        assertEquals(24, ev.size());
        assertEquals(56, ev.steps()[0]);
    }

    @Test
    void multivariateChannelsAreDoubled() throws IOException {
        Dataset d = open("BasicMotions", "format", "ts", "encoding", "delta", "delta_threshold", 0.5);
        assertEquals(12, d.info().channels());
        SpikeEvents ev = d.train().get(0).events();
        assertEquals(71, ev.size());
        assertArrayEquals(new int[] {0, 0, 2, 2, 2}, java.util.Arrays.copyOf(ev.steps(), 5));
        assertArrayEquals(new int[] {4, 10, 1, 3, 5}, java.util.Arrays.copyOf(ev.channels(), 5));
        assertEquals("Standing", d.info().classNames().get(d.train().get(0).label()));
    }

    @Test
    void unequalLengthsKeepTheirLength() throws IOException {
        Dataset d = open("JapaneseVowels", "encoding", "delta");
        for (int i = 0; i < d.train().size(); i++) {
            Sample s = d.train().get(i);
            assertEquals(s.length(), s.events().stepCount(), "sample " + i);
            assertEquals(24, s.channels());
        }
    }
}
