/**
 * Learning rules: train a network on a dataset, report progress, obey cancellation and log metrics to the run.
 */
@Export
@Version("1.0.0")
package org.myelin.api.learning;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
