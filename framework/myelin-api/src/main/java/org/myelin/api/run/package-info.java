/**
 * What a plugin sees of the run it works in: logging of params, metrics and artifacts, progress, cancellation and named seeds.
 */
@Export
@Version("1.0.0")
package org.myelin.api.run;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
