package org.myelin.api.learning;

import org.myelin.api.Plugin;
import org.myelin.api.run.RunContext;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A learning rule plugin (kind {@code learning}): trains a network on a dataset and evaluates
 * it. Reports progress and metrics through the {@link RunContext}, checks for cancellation
 * between steps, and does no work in its DS activation.
 */
@ConsumerType
public interface LearningRule extends Plugin {

    /**
     * Trains and evaluates.
     *
     * @param task network, data and validated parameters
     * @param context the run
     * @return final metrics (e.g. {@code test_accuracy}) and representations for comparisons
     * @throws Exception on failure; the runtime records the run as FAILED with the message
     */
    TrainingResult train(TrainingTask task, RunContext context) throws Exception;
}
