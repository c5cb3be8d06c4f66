package org.myelin.api.data;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/** An opened dataset with a train and a test split. */
@ConsumerType
public interface Dataset {

    /** @return a short name, e.g. {@code GunPoint} */
    String name();

    /** @return shape and label information */
    DatasetInfo info();

    /** @return the training split */
    DataSplit train();

    /** @return the test split */
    DataSplit test();

    /** @return SHA-256 of every file read, by file name, recorded with the run */
    Map<String, String> digests();
}
