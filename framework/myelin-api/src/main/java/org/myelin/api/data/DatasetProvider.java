package org.myelin.api.data;

import java.io.IOException;

import org.myelin.api.Plugin;
import org.myelin.api.param.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A dataset plugin (kind {@code dataset}): opens a dataset from files named by its parameters.
 * PATH parameters arrive already resolved to absolute paths.
 */
@ConsumerType
public interface DatasetProvider extends Plugin {

    /**
     * Opens the dataset. Implementations read and check the files here, so that a bad or
     * truncated file fails before training starts.
     *
     * @param params validated parameters
     * @return the dataset
     * @throws org.myelin.api.InvalidInputException naming the file (and line or offset) when a file is malformed
     * @throws IOException when a file cannot be read
     */
    Dataset open(Parameters params) throws IOException;
}
