package org.myelin.core.optim;

import org.myelin.core.parallel.ParallelRows;

/**
 * Updates parameter arrays in place from their gradients, with the semantics of the PyTorch
 * optimiser of the same name. State (moments, momentum buffers) is created on the first step
 * for the arrays given then; later steps must pass the same arrays in the same order.
 */
public interface Optimizer {

    /**
     * One update.
     *
     * @param params parameter arrays, updated in place
     * @param grads their gradients, same shapes (not modified, except by nothing)
     */
    void step(float[][] params, float[][] grads);

    /**
     * One update that may spread the elements over the threads of {@code rows}; the result is the
     * same bits as {@link #step(float[][], float[][])} for any number of threads. The default
     * runs {@link #step(float[][], float[][])} in the calling thread.
     *
     * @param params parameter arrays, updated in place
     * @param grads their gradients, same shapes
     * @param rows the threads that may be used
     */
    default void step(float[][] params, float[][] grads, ParallelRows rows) {
        step(params, grads);
    }

    /** @return the learning rate of the next step */
    double learningRate();

    /**
     * @param lr the learning rate for the next steps (a schedule sets it before every step)
     */
    void setLearningRate(double lr);

    /**
     * Sets the momentum (SGD momentum, Adam beta1), as a one-cycle schedule does.
     *
     * @param momentum the value
     */
    void setMomentum(double momentum);

    /** @return the number of steps taken */
    long steps();
}
