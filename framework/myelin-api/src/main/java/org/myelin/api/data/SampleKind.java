package org.myelin.api.data;

/** How a dataset's samples are represented. */
public enum SampleKind {
    /** Dense time series: {@code length x channels} values ({@link Sample#values()}). */
    SEQUENCE,
    /** Spike events ({@link Sample#events()}). */
    EVENTS,
    /** One static vector per sample (an image, a feature vector): length 1. */
    STATIC
}
