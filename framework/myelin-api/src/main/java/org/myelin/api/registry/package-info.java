/**
 * The experiment registry: runs, params, metrics, tags, artifacts and the record needed to reproduce a run.
 */
@Export
@Version("1.0.0")
package org.myelin.api.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
