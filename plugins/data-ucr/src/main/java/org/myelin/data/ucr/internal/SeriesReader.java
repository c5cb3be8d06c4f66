package org.myelin.data.ucr.internal;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one UCR/UEA file completely, checking it as it goes. */
interface SeriesReader {

    /**
     * @param file the file to read
     * @return its cases and header facts
     * @throws org.myelin.api.InvalidInputException naming the file and line when the content is malformed
     * @throws IOException when the file cannot be read
     */
    SeriesFile read(Path file) throws IOException;
}
