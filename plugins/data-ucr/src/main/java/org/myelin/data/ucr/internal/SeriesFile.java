package org.myelin.data.ucr.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * The content of one UCR/UEA file.
 *
 * @param file the file read
 * @param cases the cases in file order
 * @param channels number of channels of every case
 * @param declaredClasses the class labels the header declares, in declared order, or
 *                        {@code null} when the format declares none ({@code .tsv})
 * @param problemName the problem name the header gives, or {@code null}
 * @param sha256 SHA-256 of the file's bytes, lower-case hex
 */
record SeriesFile(Path file, List<RawCase> cases, int channels, List<String> declaredClasses, String problemName,
        String sha256) {

    /** Copies the lists. */
    SeriesFile {
        cases = List.copyOf(cases);
        declaredClasses = declaredClasses == null ? null : List.copyOf(declaredClasses);
    }
}
