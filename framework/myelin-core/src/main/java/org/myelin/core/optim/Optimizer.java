package org.myelin.core.optim;

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
