/**
 * The spiking (and rate) network engine: layered networks of neuron populations with dense
 * feed-forward and recurrent projections, sign and connectivity masks, readouts, losses and input
 * encoders; the forward pass and surrogate-gradient backpropagation through time, event-driven
 * where the presynaptic signal is spikes, parallel over fixed batch chunks so that results do not
 * depend on the thread count.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.myelin.core.snn;
