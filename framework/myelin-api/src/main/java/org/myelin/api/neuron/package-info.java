/**
 * Neuron models: per-step dynamics of a population with the vector-Jacobian products BPTT needs, and the explicit conventions (leak discretisation, reset rule and timing, threshold comparison, surrogate) that make published results reproducible.
 */
@Export
@Version("1.0.0")
package org.myelin.api.neuron;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
