package org.myelin.core.linalg.internal;

/** Squared Frobenius norms of cross-product results on the heap, with short dependency chains. */
final class CrossProductNorms {

    private CrossProductNorms() {
    }

    /**
     * @param g any matrix, as its elements
     * @return {@code ||g||_F^2}, with four partial sums
     */
    static double all(double[] g) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < g.length; i += 4) {
            s0 += g[i] * g[i];
            s1 += g[i + 1] * g[i + 1];
            s2 += g[i + 2] * g[i + 2];
            s3 += g[i + 3] * g[i + 3];
        }
        for (; i < g.length; i++) {
            s0 += g[i] * g[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * @param g a symmetric k x k row-major matrix of which only the upper triangle is read
     * @param k order
     * @return {@code ||g||_F^2}: the diagonal once, the strictly upper part twice
     */
    static double upperTriangle(double[] g, int k) {
        double diagonal = 0;
        double upper = 0;
        for (int i = 0; i < k; i++) {
            int o = i * k;
            diagonal += g[o + i] * g[o + i];
            double s0 = 0;
            double s1 = 0;
            int j = i + 1;
            for (; j + 1 < k; j += 2) {
                s0 += g[o + j] * g[o + j];
                s1 += g[o + j + 1] * g[o + j + 1];
            }
            for (; j < k; j++) {
                s0 += g[o + j] * g[o + j];
            }
            upper += s0 + s1;
        }
        return diagonal + 2 * upper;
    }
}
