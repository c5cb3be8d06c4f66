/**
 * Contract tests for neuron model plugins. A plugin's test extends
 * {@link org.myelin.testkit.neuron.NeuronModelContract}, returns its model and parameters, and
 * inherits checks of the declaration (id, kind, parameter descriptions), of the state
 * lifecycle, of batch-row independence and determinism, and of the backward pass against
 * finite differences of the forward pass and against the declared surrogate derivative.
 */
@Export
@Version("1.0.0")
package org.myelin.testkit.neuron;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
