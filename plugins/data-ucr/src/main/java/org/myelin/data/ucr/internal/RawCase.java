package org.myelin.data.ucr.internal;

/**
 * One case as read from a file, before class names become indices.
 *
 * @param label the class label as written in the file
 * @param length number of time steps
 * @param channels number of channels
 * @param values time-major values {@code values[t * channels + c]}; NaN marks a missing value
 * @param line the 1-based line of the file the case was read from, for error messages
 */
record RawCase(String label, int length, int channels, float[] values, int line) {
}
