/**
 * Parameter descriptions ({@link org.myelin.api.param.ParameterSpec}) and validated parameter values ({@link org.myelin.api.param.Parameters}). Every plugin describes its parameters so that the runtime validates a spec before anything runs.
 */
@Export
@Version("1.0.0")
package org.myelin.api.param;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
