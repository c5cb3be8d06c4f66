/**
 * Representational similarity metrics: compare two stimulus-by-unit matrices and return a value plus details.
 */
@Export
@Version("1.0.0")
package org.myelin.api.metric;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
