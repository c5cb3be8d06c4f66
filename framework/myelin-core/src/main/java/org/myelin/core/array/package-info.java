/**
 * Shaped numeric arrays over flat primitive storage: row-major {@link org.myelin.core.array.FloatMatrix} (float32, for networks) and {@link org.myelin.core.array.DoubleMatrix} (float64, for readouts and metrics). The element type and the layout are part of the name; the storage is a public flat array so kernels index it directly and hot loops allocate nothing.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.3.0")
package org.myelin.core.array;
