package org.myelin.api.data;

import org.osgi.annotation.versioning.ConsumerType;

/** One split of a dataset: random access to its samples. */
@ConsumerType
public interface DataSplit {

    /** @return the number of samples */
    int size();

    /**
     * @param index sample index in {@code [0, size())}
     * @return the sample
     */
    Sample get(int index);
}
