package org.myelin.metric.rsa.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.myelin.api.InvalidInputException;

/**
 * The comparisons of two RDM vectors a, b (N = n(n-1)/2 entries, upper triangle row-major), as
 * rsatoolbox's {@code compare} (science/metrics.md section 3.2):
 *
 * <ul>
 * <li>{@code cosine}: {@code a.b / (|a||b|)}, no centring;</li>
 * <li>{@code pearson} (rsatoolbox {@code corr}): Pearson r;</li>
 * <li>{@code spearman}: Pearson r of the mid-ranks (scipy {@code rankdata}, tie-corrected);</li>
 * <li>{@code rho-a}: centred mid-ranks, {@code 12 sum(ra rb) / (N^3 - N)};</li>
 * <li>{@code kendall-tau-a}: (concordant - discordant) / (N(N-1)/2), tied pairs count as neither;</li>
 * <li>{@code kendall-tau-b}: scipy {@code kendalltau} (tie-adjusted denominator);</li>
 * <li>{@code whitened-cosine} (rsatoolbox {@code cosine_cov} without a pattern covariance):
 *     cosine of the double-centred matrices {@code H D H}, D the full symmetric RDM.</li>
 * </ul>
 */
final class RdmComparison {

    /** The comparison names accepted by the {@code compare} parameter. */
    static final List<String> METHODS = List.of("spearman", "pearson", "cosine", "whitened-cosine", "kendall-tau-a",
            "kendall-tau-b", "rho-a");

    private RdmComparison() {
    }

    /**
     * @param method one of {@link #METHODS}
     * @param a first RDM vector
     * @param b second RDM vector, same length
     * @param n stimuli (conditions) behind the vectors
     * @return the comparison value
     * @throws InvalidInputException when a vector has no variance the method needs
     */
    static double compare(String method, double[] a, double[] b, int n) {
        switch (method) {
            case "cosine":
                requireNonZero(a, "x");
                requireNonZero(b, "y");
                return cosine(a, b);
            case "pearson":
                requireVariance(a, "x", method);
                requireVariance(b, "y", method);
                return pearson(a, b);
            case "whitened-cosine":
                return whitenedCosine(a, b, n);
            default:
                break;
        }
        requireVariance(a, "x", method);
        requireVariance(b, "y", method);
        boolean kendall = method.startsWith("kendall");
        CompletableFuture<Ranking> rb = CompletableFuture.supplyAsync(() -> Ranking.of(b, kendall));
        Ranking ra = Ranking.of(a, kendall);
        Ranking rankB = rb.join();
        switch (method) {
            case "spearman":
                return pearson(ra.midRanks(), rankB.midRanks());
            case "rho-a":
                return rhoA(ra.midRanks(), rankB.midRanks());
            case "kendall-tau-a":
                return KendallTau.count(ra, rankB).tauA();
            case "kendall-tau-b":
                return KendallTau.count(ra, rankB).tauB();
            default:
                throw new IllegalArgumentException("unknown comparison " + method);
        }
    }

    private static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return clip(ab / Math.sqrt(aa * bb));
    }

    private static double pearson(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            double u = a[i] - ma;
            double v = b[i] - mb;
            ab += u * v;
            aa += u * u;
            bb += v * v;
        }
        return clip(ab / Math.sqrt(aa * bb));
    }

    private static double rhoA(double[] ra, double[] rb) {
        double m = (ra.length + 1) / 2.0;
        double s = 0;
        for (int i = 0; i < ra.length; i++) {
            s += (ra[i] - m) * (rb[i] - m);
        }
        double n = ra.length;
        return 12.0 * s / (n * n * n - n);
    }

    /**
     * {@code <H A H, H B H> / (|H A H| |H B H|)} from the vectors: with row means r of the full
     * symmetric matrix (zero diagonal) and grand mean m, {@code (H A H)_ij = A_ij - r_i - r_j + m};
     * off-diagonal entries count twice, the diagonal ones {@code -2 r_i + m} once.
     */
    private static double whitenedCosine(double[] a, double[] b, int n) {
        double[] ra = rowMeans(a, n);
        double[] rb = rowMeans(b, n);
        double ma = mean(ra);
        double mb = mean(rb);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++, k++) {
                double u = a[k] - ra[i] - ra[j] + ma;
                double v = b[k] - rb[i] - rb[j] + mb;
                ab += u * v;
                aa += u * u;
                bb += v * v;
            }
        }
        ab *= 2;
        aa *= 2;
        bb *= 2;
        for (int i = 0; i < n; i++) {
            double u = -2 * ra[i] + ma;
            double v = -2 * rb[i] + mb;
            ab += u * v;
            aa += u * u;
            bb += v * v;
        }
        if (!(aa > 0)) {
            throw constant("x", "whitened-cosine");
        }
        if (!(bb > 0)) {
            throw constant("y", "whitened-cosine");
        }
        return clip(ab / Math.sqrt(aa * bb));
    }

    private static double[] rowMeans(double[] v, int n) {
        double[] r = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++, k++) {
                r[i] += v[k];
                r[j] += v[k];
            }
        }
        for (int i = 0; i < n; i++) {
            r[i] /= n;
        }
        return r;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e;
        }
        return s / v.length;
    }

    private static double clip(double r) {
        return Math.max(-1.0, Math.min(1.0, r));
    }

    private static void requireVariance(double[] v, String name, String method) {
        for (int i = 1; i < v.length; i++) {
            if (v[i] != v[0]) {
                return;
            }
        }
        throw constant(name, method);
    }

    private static void requireNonZero(double[] v, String name) {
        for (double e : v) {
            if (e != 0) {
                return;
            }
        }
        throw new InvalidInputException(name, "the RDM is all zeros (every stimulus pair has dissimilarity 0), so the"
                + " cosine is 0/0", "give stimuli whose patterns differ");
    }

    private static InvalidInputException constant(String name, String method) {
        return new InvalidInputException(name, "all entries of the RDM are equal, so " + method + " is 0/0 (zero variance)",
                "give stimuli whose dissimilarities differ, or compare=cosine");
    }
}
