package org.myelin.core.readout;

/**
 * Hears about each epoch of an iterative readout fit. It may throw (e.g. a cancellation) to stop
 * the fit; the exception propagates to the caller.
 */
@FunctionalInterface
public interface EpochListener {

    /** A listener that ignores every epoch. */
    EpochListener NONE = (epoch, train) -> { };

    /**
     * @param epoch the epoch, from 1
     * @param train loss and accuracy on the training set of the weights this epoch started from
     */
    void epochFinished(int epoch, Evaluation train);
}
