/**
 * Datasets: the provider plugin contract and the samples it yields (dense sequences, spike events or static vectors).
 */
@Export
@Version("1.0.0")
package org.myelin.api.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
