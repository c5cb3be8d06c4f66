package org.myelin.api.metric;

import org.myelin.api.Plugin;
import org.myelin.api.array.Matrix;
import org.myelin.api.param.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A representational similarity metric plugin (kind {@code metric}): compares two
 * representations of the same stimuli, {@code x} (n x p) and {@code y} (n x q).
 */
@ConsumerType
public interface SimilarityMetric extends Plugin {

    /** @return what the metric promises (symmetry, whether it is a distance) */
    MetricTraits traits();

    /**
     * Compares two representations.
     *
     * @param x first representation, rows = stimuli
     * @param y second representation, same number of rows
     * @param params validated parameters
     * @return the value plus details
     * @throws org.myelin.api.InvalidInputException for NaN/Inf (naming matrix, row and column),
     *         different stimulus counts, too few stimuli or degenerate inputs
     */
    SimilarityResult compare(Matrix x, Matrix y, Parameters params);
}
