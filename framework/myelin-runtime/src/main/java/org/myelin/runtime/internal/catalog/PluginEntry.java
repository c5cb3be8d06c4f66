package org.myelin.runtime.internal.catalog;

/**
 * One registered plugin service as {@code myelin plugins} lists it.
 *
 * @param kind plugin kind property
 * @param id plugin id
 * @param description the plugin's own sentence
 * @param bundle symbolic name of the providing bundle
 * @param version version of the providing bundle
 * @param bundleId framework id of the providing bundle
 * @param state {@code active}
 * @param location where the bundle came from (file path or URL)
 */
public record PluginEntry(String kind, String id, String description, String bundle, String version, long bundleId, String state,
        String location) {
}
