/**
 * The {@code ucr} dataset plugin: readers for the UCR/UEA time series archives in the
 * sktime/aeon {@code .ts}, UCR 2018 {@code .tsv} and Weka {@code .arff} formats (univariate
 * and multivariate, equal and unequal length), the DS component
 * {@link org.myelin.data.ucr.internal.UcrDatasetProvider} that opens a problem folder, and
 * the in-memory dataset it returns. Private to the bundle.
 */
package org.myelin.data.ucr.internal;
