/**
 * Root of the Myelin service contracts: plugin kinds, the service properties every plugin carries, and the exceptions that map to the documented exit codes. Every other package under {@code org.myelin.api} holds the contract of one plugin kind.
 */
@Export
@Version("1.0.0")
package org.myelin.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
