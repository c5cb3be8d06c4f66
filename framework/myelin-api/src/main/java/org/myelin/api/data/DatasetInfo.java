package org.myelin.api.data;

import java.util.List;
import java.util.Map;

/**
 * Shape and label information of a dataset.
 *
 * @param kind how samples are represented
 * @param channels number of channels (input features per time step)
 * @param maxLength the longest sample in time steps (1 for static data)
 * @param equalLength whether all samples have {@code maxLength} steps
 * @param classNames class names; sample labels index into this list
 * @param metadata free-form facts (source, licence, z-normalised, ...)
 */
public record DatasetInfo(SampleKind kind, int channels, int maxLength, boolean equalLength,
        List<String> classNames, Map<String, String> metadata) {

    /** Copies the collections. */
    public DatasetInfo {
        classNames = List.copyOf(classNames);
        metadata = Map.copyOf(metadata);
    }

    /** @return the number of classes */
    public int classCount() {
        return classNames.size();
    }
}
