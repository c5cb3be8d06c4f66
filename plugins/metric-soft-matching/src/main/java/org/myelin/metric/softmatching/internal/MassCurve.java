package org.myelin.metric.softmatching.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.myelin.api.array.Matrix;
import org.myelin.metric.softmatching.internal.ot.TransportPlan;

/**
 * {@code mass=auto}: the L-curve selection of Kapoor, Williams, Khosla (2026) as their released
 * code does it ({@code src/utils/regularization_search.py}, {@code l_curve_analysis.py}):
 *
 * <ol>
 * <li>sweep the mass over a grid (here {@code m_k = k / (K-1)}, k = 0..K-1; the authors stop at
 *     0.999 only because POT rejects {@code m = 1}, which the exact solver here accepts);</li>
 * <li>for each mass, fit the plan on the training stimuli of each of {@code folds} folds (each
 *     side re-centred on its own stimuli) and evaluate it on the held-out stimuli
 *     ({@code <P_train, C_test>}, re-centred), averaged over folds: the curve's {@code score}
 *     ({@code 1 - cost} for correlation costs, as the authors' {@code fit_kfold_score}, the cost
 *     itself for squared Euclidean). With {@code folds = 1} the costs are in-sample;</li>
 * <li>x axis: the unmatched mass {@code 1 - m};</li>
 * <li>corner: {@code second_difference} = argmax over the interior of the absolute second
 *     difference of the score, {@code argmax |diff(diff(score))| + 1} (the authors'
 *     {@code optimal_regularization}); or {@code curvature} = argmax of
 *     {@code |x' y'' - x'' y'| / ((x'^2 + y'^2)^1.5 + 1e-8)} with numpy-style
 *     {@code gradient} finite differences (their {@code compute_curvature}).</li>
 * </ol>
 *
 * The folds shuffle the stimuli with {@code java.util.Random(seed)} (the authors use scikit-learn's
 * {@code KFold(shuffle=True, random_state=42)}, whose permutation cannot be reproduced here) and
 * have scikit-learn's sizes: the first {@code n mod folds} folds get one extra stimulus.
 */
final class MassCurve {

    static final String SECOND_DIFFERENCE = "second_difference";
    static final String CURVATURE = "curvature";

    private MassCurve() {
    }

    /**
     * The selected mass and the curve it was read from.
     *
     * @param mass the selected mass
     * @param details the curve for the result details
     */
    record Selection(double mass, Map<String, Object> details) {
    }

    /**
     * @param x the original first representation
     * @param y the original second representation
     * @param problem the prepared full problem (fixes which units are kept)
     * @param s matching settings
     * @param points number of grid masses, at least 3
     * @param corner {@link #SECOND_DIFFERENCE} or {@link #CURVATURE}
     * @param folds number of cross-validation folds (1 = in-sample)
     * @param seed shuffling seed for the folds
     * @param inSample plans of the full problem's costs, used (and filled) when {@code folds <= 1}, so
     *        that the caller's later requests for the same masses are not solved again
     * @return the selection
     */
    static Selection select(Matrix x, Matrix y, MatchingProblem problem, MatchingSettings s, int points, String corner,
            int folds, long seed, PartialSolutions inSample) {
        double[] masses = new double[points];
        for (int k = 0; k < points; k++) {
            masses[k] = k == points - 1 ? 1.0 : (double) k / (points - 1);
        }
        double[] score = new double[points];
        double[] unmatched = new double[points];
        if (folds <= 1) {
            PartialSolutions solutions = inSample;
            solutions.solveAll(masses);
            for (int k = 0; k < points; k++) {
                TransportPlan t = solutions.plan(masses[k]);
                score[k] = s.correlation() ? 1.0 - t.cost() : t.cost();
                unmatched[k] = 1.0 - t.mass();
            }
        } else {
            int[][] test = folds(x.rows(), folds, seed);
            for (int[] testRows : test) {
                int[] trainRows = complement(testRows, x.rows());
                MatchingProblem train = MatchingProblem.of(problem.x.restrictedTo(x, trainRows, s.center()),
                        problem.y.restrictedTo(y, trainRows, s.center()), s.correlation());
                MatchingProblem held = MatchingProblem.of(problem.x.restrictedTo(x, testRows, s.center()),
                        problem.y.restrictedTo(y, testRows, s.center()), s.correlation());
                PartialSolutions solutions = new PartialSolutions(train.cost, train.p(), train.q(), s);
                solutions.solveAll(masses);
                for (int k = 0; k < points; k++) {
                    TransportPlan t = solutions.plan(masses[k]);
                    double c = TransportPlan.inner(t.plan(), held.cost);
                    score[k] += (s.correlation() ? 1.0 - c : c) / folds;
                    unmatched[k] += (1.0 - t.mass()) / folds;
                }
            }
        }
        int chosen = SECOND_DIFFERENCE.equals(corner) ? secondDifferenceCorner(score) : curvatureCorner(unmatched, score);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mass", masses);
        d.put("unmatched_mass", unmatched);
        d.put(s.correlation() ? "score" : "cost", score);
        d.put("corner", corner);
        d.put("corner_index", chosen);
        d.put("folds", folds);
        return new Selection(masses[chosen], d);
    }

    /** {@code argmax |y[k-1] - 2 y[k] + y[k+1]|} over the interior, first maximum on ties. */
    static int secondDifferenceCorner(double[] y) {
        int best = 1;
        double max = -1;
        for (int k = 1; k + 1 < y.length; k++) {
            double d = Math.abs(y[k - 1] - 2 * y[k] + y[k + 1]);
            if (d > max) {
                max = d;
                best = k;
            }
        }
        return best;
    }

    /** argmax of the curvature of the parametric curve (x_k, y_k), numpy-style gradients, first maximum on ties. */
    static int curvatureCorner(double[] x, double[] y) {
        double[] dx = gradient(x);
        double[] dy = gradient(y);
        double[] ddx = gradient(dx);
        double[] ddy = gradient(dy);
        int best = 0;
        double max = -1;
        for (int k = 0; k < x.length; k++) {
            double kappa = Math.abs(dx[k] * ddy[k] - ddx[k] * dy[k]) / (Math.pow(dx[k] * dx[k] + dy[k] * dy[k], 1.5) + 1e-8);
            if (kappa > max) {
                max = kappa;
                best = k;
            }
        }
        return best;
    }

    /** numpy.gradient with unit spacing: central differences inside, one-sided at the ends. */
    static double[] gradient(double[] v) {
        int n = v.length;
        double[] g = new double[n];
        g[0] = v[1] - v[0];
        g[n - 1] = v[n - 1] - v[n - 2];
        for (int k = 1; k < n - 1; k++) {
            g[k] = (v[k + 1] - v[k - 1]) / 2;
        }
        return g;
    }

    /** Shuffled folds with scikit-learn's KFold sizes; each fold's rows sorted ascending. */
    static int[][] folds(int n, int folds, long seed) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        Random rnd = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[][] out = new int[folds][];
        int start = 0;
        for (int f = 0; f < folds; f++) {
            int size = n / folds + (f < n % folds ? 1 : 0);
            out[f] = Arrays.copyOfRange(perm, start, start + size);
            Arrays.sort(out[f]);
            start += size;
        }
        return out;
    }

    private static int[] complement(int[] sortedRows, int n) {
        int[] out = new int[n - sortedRows.length];
        for (int i = 0, k = 0, a = 0; i < n; i++) {
            if (k < sortedRows.length && sortedRows[k] == i) {
                k++;
            } else {
                out[a++] = i;
            }
        }
        return out;
    }
}
