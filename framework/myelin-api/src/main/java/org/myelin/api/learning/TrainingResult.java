package org.myelin.api.learning;

import java.util.Map;

import org.myelin.api.array.Matrix;

/**
 * The outcome of training.
 *
 * @param metrics final metrics by name, e.g. {@code test_accuracy}, {@code train_loss}
 * @param representations named representations (rows = test stimuli, columns = units), e.g.
 *                        {@code layer0}, that {@code compare:} blocks and the metrics can use
 */
public record TrainingResult(Map<String, Double> metrics, Map<String, Matrix> representations) {

    /** Copies the maps. */
    public TrainingResult {
        metrics = Map.copyOf(metrics);
        representations = representations == null ? Map.of() : Map.copyOf(representations);
    }
}
