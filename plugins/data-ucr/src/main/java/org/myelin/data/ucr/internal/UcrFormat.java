package org.myelin.data.ucr.internal;

/** The file formats of the UCR/UEA archives, in the order {@code format=auto} tries them. */
enum UcrFormat {
    /** sktime/aeon {@code .ts}. */
    TS("ts", new TsReader()),
    /** UCR 2018 {@code .tsv}. */
    TSV("tsv", new TsvReader()),
    /** Weka {@code .arff}, univariate or UEA relational multivariate. */
    ARFF("arff", new ArffReader());

    private final String extension;
    private final SeriesReader reader;

    UcrFormat(String extension, SeriesReader reader) {
        this.extension = extension;
        this.reader = reader;
    }

    /** @return the file extension without the dot, also the value of the {@code format} parameter */
    String extension() {
        return extension;
    }

    /** @return the reader for this format */
    SeriesReader reader() {
        return reader;
    }

    /**
     * @param problem problem name
     * @param split {@code TRAIN} or {@code TEST}
     * @return the archive's file name, e.g. {@code GunPoint_TRAIN.ts}
     */
    String fileName(String problem, String split) {
        return problem + "_" + split + "." + extension;
    }
}
