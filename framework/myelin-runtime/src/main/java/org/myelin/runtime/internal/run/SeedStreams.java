package org.myelin.runtime.internal.run;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives the seed of a named random stream from the run seed: SplitMix64 over the run seed
 * mixed with a 64-bit FNV-1a hash of the stream name. Same run seed, same stream seeds, on every
 * machine and thread count.
 */
public final class SeedStreams {

    /** Streams recorded with every run. */
    public static final List<String> STANDARD = List.of("model", "data", "init", "shuffle", "driver");

    private SeedStreams() {
    }

    /**
     * @param runSeed the run seed
     * @param stream stream name
     * @return the stream's seed
     */
    public static long seed(long runSeed, String stream) {
        long h = 0xcbf29ce484222325L;
        for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(runSeed ^ mix(h));
    }

    /**
     * @param runSeed the run seed
     * @return the seeds of the {@link #STANDARD} streams
     */
    public static Map<String, Long> standard(long runSeed) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String s : STANDARD) {
            out.put(s, seed(runSeed, s));
        }
        return out;
    }

    private static long mix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
