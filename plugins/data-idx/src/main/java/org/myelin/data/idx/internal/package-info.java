/**
 * The {@code idx} dataset plugin: the IDX reader for MNIST-style image and label files
 * (gzipped or not), the lazily converting split, and the DS component
 * {@link org.myelin.data.idx.internal.IdxDatasetProvider}. Private to the bundle.
 */
package org.myelin.data.idx.internal;
