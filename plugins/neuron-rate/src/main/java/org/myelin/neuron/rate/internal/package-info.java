/**
 * The {@code rate} neuron model: leaky continuous-time rate units with relu, sigmoid, tanh or
 * softplus activations, their exact backward pass, and the DS component
 * {@link org.myelin.neuron.rate.internal.RateNeuronModel}. Private to the bundle.
 */
package org.myelin.neuron.rate.internal;
