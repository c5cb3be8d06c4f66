package org.myelin.api.neuron;

/** What a spike does to the membrane. */
public enum ResetMechanism {
    /** Subtract the threshold ("soft" reset). */
    SUBTRACT,
    /** Set the membrane to the reset value ("hard" reset, reset-to-zero when the value is 0). */
    TO_VALUE,
    /** No reset: pure leaky integration. */
    NONE
}
