package org.myelin.api.neuron;

/** Surrogate derivatives of the spike non-linearity; see {@link Surrogate#derivative(double)}. */
public enum SurrogateKind {
    /** {@code (a/2) / (1 + (pi/2 * a * x)^2)}. */
    ATAN,
    /** {@code 1 / (k|x| + 1)^2} (snnTorch fast_sigmoid). */
    FAST_SIGMOID,
    /** {@code k e^{-kx} / (1 + e^{-kx})^2}. */
    SIGMOID,
    /** {@code max(0, 1 - |x| / w) / w}: a triangle of half-width w and unit area. */
    TRIANGLE,
    /** {@code 1 / (a|x| + 1)^2} (Norse SuperSpike). */
    SUPERSPIKE,
    /** Straight-through: derivative 1. */
    STRAIGHT_THROUGH
}
