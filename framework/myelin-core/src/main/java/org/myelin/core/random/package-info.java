/**
 * Named, seeded random streams: a {@link org.myelin.core.random.RandomStream} derives independent child streams by name, so adding a new consumer of random numbers never shifts the numbers another consumer draws.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.myelin.core.random;
