/**
 * Hardware drivers for (simulated or real) analog neuromorphic chips and their calibrators.
 */
@Export
@Version("1.0.0")
package org.myelin.api.hardware;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
