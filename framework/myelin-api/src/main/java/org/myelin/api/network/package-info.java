/**
 * The network a learning rule trains: layers of populations with their resolved neuron models.
 */
@Export
@Version("1.0.0")
package org.myelin.api.network;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
