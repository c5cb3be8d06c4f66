/**
 * Plain array value types shared by several contracts: dense double matrices and spike event lists.
 */
@Export
@Version("1.0.0")
package org.myelin.api.array;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
