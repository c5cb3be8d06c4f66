/**
 * Reading and writing arrays in the files other tools exchange: NPY (numpy's {@code .npy},
 * format 1.0 and 2.0 headers, little-endian {@code <f4 <f8 <i4 <i8 |u1 |b1}, C order) through
 * {@link org.myelin.core.io.Npy} and {@link org.myelin.core.io.NpyArray}, and plain CSV matrices
 * (numbers only, no header) through {@link org.myelin.core.io.CsvMatrix}. Bad files get an
 * {@link org.myelin.api.InvalidInputException} naming the file (and line and column for CSV,
 * dtype or expected and actual byte counts for NPY) and saying what would be right.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.myelin.core.io;
