/**
 * The H2 experiment registry: {@link org.myelin.registry.internal.RegistryComponent} (the DS
 * service) over {@link org.myelin.registry.internal.SqlRegistry} (JDBC, one writer thread,
 * heartbeats, the INTERRUPTED sweep), with schema migrations, the run filter language, artifact
 * storage and the loopback share of the embedded file. Private to this bundle; REGISTRY.md in the
 * module explains the policies.
 */
package org.myelin.registry.internal;
