/**
 * The {@code shd} dataset plugin: the reader of Spiking Heidelberg Digits HDF5 files (through
 * the jhdf library embedded in this bundle), the binning of spike times into events, and the DS
 * component {@link org.myelin.data.shd.internal.ShdDatasetProvider}. Private to the bundle.
 */
package org.myelin.data.shd.internal;
