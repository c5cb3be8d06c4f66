package org.myelin.api.neuron;

/** How the membrane leak is discretised in time (science/snn.md section 0). */
public enum LeakDiscretisation {
    /** {@code beta = exp(-dt / tau)} (snnTorch's usual mapping, hxtorch). */
    EXACT_EXP,
    /** {@code beta = 1 - dt / tau} (Norse, SpikingJelly). */
    FORWARD_EULER
}
