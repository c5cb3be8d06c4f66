package org.myelin.api.registry;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything recorded when a run begins.
 *
 * @param experiment experiment name (created on first use)
 * @param specText the canonical spec (JSON, keys sorted, overrides applied)
 * @param specHash hex SHA-256 of {@code specText}
 * @param seed the run seed
 * @param seeds derived seeds of the named random streams
 * @param bundles the bundle set the run executes with
 * @param parentRunId parent run (sweeps, reproductions), or {@code null}
 * @param tags initial tags
 */
public record RunStart(String experiment, String specText, String specHash, long seed, Map<String, Long> seeds,
        List<BundleRecord> bundles, Long parentRunId, Map<String, String> tags) {

    /** Requires the texts and copies the collections. */
    public RunStart {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(specText, "specText");
        Objects.requireNonNull(specHash, "specHash");
        seeds = seeds == null ? Map.of() : Map.copyOf(seeds);
        bundles = bundles == null ? List.of() : List.copyOf(bundles);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
