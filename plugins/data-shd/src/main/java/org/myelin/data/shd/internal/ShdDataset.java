package org.myelin.data.shd.internal;

import java.util.List;
import java.util.Map;

import org.myelin.api.data.DataSplit;
import org.myelin.api.data.Dataset;
import org.myelin.api.data.DatasetInfo;
import org.myelin.api.data.Sample;

/**
 * An opened SHD dataset: binned spike events held in memory.
 *
 * @param name the dataset name
 * @param info shape, classes and metadata
 * @param train training split
 * @param test test split
 * @param digests SHA-256 of the files read, by file name
 */
record ShdDataset(String name, DatasetInfo info, DataSplit train, DataSplit test, Map<String, String> digests)
        implements Dataset {

    /** Copies the digests. */
    ShdDataset {
        digests = Map.copyOf(digests);
    }

    /**
     * A split backed by a list of event samples.
     *
     * @param samples the samples in file order
     */
    record Split(List<Sample> samples) implements DataSplit {

        /** Copies the list. */
        Split {
            samples = List.copyOf(samples);
        }

        @Override
        public int size() {
            return samples.size();
        }

        @Override
        public Sample get(int index) {
            if (index < 0 || index >= samples.size()) {
                throw new IndexOutOfBoundsException("sample " + index + " of a split with " + samples.size() + " samples");
            }
            return samples.get(index);
        }
    }
}
