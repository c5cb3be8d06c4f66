package org.myelin.data.idx.internal;

import java.util.Map;

import org.myelin.api.data.DataSplit;
import org.myelin.api.data.Dataset;
import org.myelin.api.data.DatasetInfo;

/**
 * An opened IDX dataset held in memory.
 *
 * @param name the dataset name (the folder's name)
 * @param info shape, classes and metadata
 * @param train training split
 * @param test test split
 * @param digests SHA-256 of the files read, by file name
 */
record IdxDataset(String name, DatasetInfo info, DataSplit train, DataSplit test, Map<String, String> digests)
        implements Dataset {

    /** Copies the digests. */
    IdxDataset {
        digests = Map.copyOf(digests);
    }
}
