package org.myelin.metric.rsa.internal;

import org.myelin.api.InvalidInputException;
import org.myelin.api.array.Matrix;
import org.myelin.api.param.Parameters;

/**
 * One representation turned into its RDM according to the {@code rdm}, {@code conditions},
 * {@code folds} and {@code noise} parameters.
 *
 * @param conditions number of stimuli (conditions) the RDM is over
 * @param rdm the RDM vector
 */
record Patterns(int conditions, double[] rdm) {

    /**
     * @param m the representation, rows = observations
     * @param name {@code x} or {@code y}
     * @param method euclidean, correlation or crossnobis
     * @param params the metric's parameters
     * @return its RDM
     */
    static Patterns of(Matrix m, String name, String method, Parameters params) {
        String conditionsFile = path(params, "conditions");
        String foldsFile = path(params, "folds");
        String noiseFile = path(params, "noise");
        int p = m.cols();
        double[] x = m.data();
        int n = m.rows();
        if (!"crossnobis".equals(method)) {
            if (!foldsFile.isEmpty() || !noiseFile.isEmpty()) {
                throw new InvalidInputException(foldsFile.isEmpty() ? "noise" : "folds", "is only used by rdm=crossnobis, not by rdm="
                        + method, "drop it, or use rdm=crossnobis");
            }
            if (!conditionsFile.isEmpty()) {
                int[] labels = NumericFile.read(conditionsFile, "conditions").labels("conditions", conditionsFile, n);
                x = Rdms.conditionMeans(x, p, labels);
                n = Rdms.distinct(labels).length;
            }
            if (n < 3) {
                return new Patterns(n, new double[0]);
            }
            return new Patterns(n, "euclidean".equals(method) ? Rdms.euclidean(x, n, p) : Rdms.correlation(x, n, p, name));
        }
        if (conditionsFile.isEmpty() || foldsFile.isEmpty()) {
            throw new InvalidInputException(conditionsFile.isEmpty() ? "conditions" : "folds", "rdm=crossnobis needs both"
                    + " conditions=FILE and folds=FILE (one integer label per row of x and y)",
                    "give the condition and the fold (run, session) of every row, or use rdm=euclidean or correlation");
        }
        int[] labels = NumericFile.read(conditionsFile, "conditions").labels("conditions", conditionsFile, n);
        int[] folds = NumericFile.read(foldsFile, "folds").labels("folds", foldsFile, n);
        double[] precision = null;
        if (!noiseFile.isEmpty()) {
            NumericFile f = NumericFile.read(noiseFile, "noise");
            if (f.rows() != p || f.cols() != p) {
                throw new InvalidInputException("noise (" + noiseFile + ")", "is " + f.rows() + " x " + f.cols() + " but " + name
                        + " has " + p + " units", "give a " + p + " x " + p + " noise precision matrix (the same for x and y,"
                        + " so both need " + p + " units)");
            }
            precision = f.data();
        }
        int[] distinct = Rdms.distinct(labels);
        return new Patterns(distinct.length, Rdms.crossnobis(x, p, labels, folds, precision, name));
    }

    private static String path(Parameters params, String name) {
        return params.has(name) && params.get(name) != null ? params.getString(name).trim() : "";
    }
}
