/**
 * The {@code lif} and {@code alif} neuron models: leaky integrate-and-fire dynamics with the
 * explicit snnTorch/Norse/SpikingJelly conventions ({@link org.myelin.neuron.lif.internal.LifSettings}),
 * the adaptive-threshold variant of Bellec et al. 2018, and their DS components. Private to the bundle.
 */
package org.myelin.neuron.lif.internal;
