package org.myelin.api.neuron;

/** When the reset of a spike emitted at step t is applied. */
public enum ResetTiming {
    /** In step t itself (Norse, SpikingJelly, snnTorch with {@code reset_delay=False}). */
    SAME_STEP,
    /** At step t+1, from the previous membrane value (snnTorch default). */
    NEXT_STEP
}
