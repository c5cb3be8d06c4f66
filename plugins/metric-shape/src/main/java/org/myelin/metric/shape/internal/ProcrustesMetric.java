package org.myelin.metric.shape.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.myelin.api.PluginProperties;
import org.myelin.api.array.Matrix;
import org.myelin.api.metric.MetricTraits;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.api.metric.SimilarityResult;
import org.myelin.api.param.InvalidParameterException;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;
import org.myelin.core.linalg.Blas;
import org.myelin.core.linalg.Lapack;
import org.myelin.core.linalg.Svd;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code procrustes} metric: netrep's {@code LinearMetric} (Williams et al. 2021,
 * science/metrics.md section 2). Zero-pad the narrower side to {@code P = max(p, q)} units,
 * centre columns ({@code center}), partially whiten each side ({@code alpha}: 1 = Procrustes,
 * 0 = CCA-type, between = netrep's partial whitening, see {@link PartialWhitening}), align with
 * the SVD {@code Xw' Yw = U S V'} and score the aligned pair.
 *
 * <p>Since {@code <Xc Zx U, Yc Zy V> = tr(S)} and U, V are orthogonal, the score needs no
 * n x P product: with {@code M = Zx Xc' Yc Zy} and its nuclear norm {@code ||M||_*},
 * {@code angular = arccos(||M||_* / (||Xc Zx||_F ||Yc Zy||_F))} and
 * {@code euclidean = sqrt(||Xc Zx||_F^2 + ||Yc Zy||_F^2 - 2 ||M||_*)} (the alpha = 1 closed forms of
 * the section), with {@code ||M||_*} from {@link NuclearNorm} (for alpha = 1 from the unpadded
 * p x q product, since padding only adds zero singular values). Both are metrics; angular lies in [0, pi/2]. For nearly aligned inputs, where
 * these formulas lose digits to cancellation ({@code arccos} near 1), the score is recomputed from
 * the aligned n x P matrices ({@link AlignedDistance}).
 *
 * <p>Details: {@code cosine} ({@code ||M||_*} over the norms), {@code nuclear_norm},
 * {@code alpha}, {@code score}, {@code center}, {@code units_x}, {@code units_y},
 * {@code padded_units}, and with {@code include_plan=true} {@code plan}: the P x P orthogonal
 * map {@code U V'} that takes the whitened X onto the whitened Y ({@code Xw U V' ~ Yw}).
 */
@Component(service = SimilarityMetric.class, property = {PluginProperties.ID + "=procrustes", PluginProperties.KIND + "=metric"})
public final class ProcrustesMetric implements SimilarityMetric {

    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.ofDouble("alpha", 1.0, "", 0.0, 1.0,
                    "whitening: 1 = Procrustes (rotations only), 0 = CCA-type (any invertible linear map), between = partial"),
            ParameterSpec.ofEnum("score", "angular", "angular: arccos of the aligned cosine (scale invariant, radians);"
                    + " euclidean: Frobenius distance of the aligned representations", "angular", "euclidean"),
            ParameterSpec.ofBoolean("center", true, "subtract each unit's mean over the stimuli first"),
            ParameterSpec.ofBoolean("include_plan", false, "put the P x P alignment U V' into details.plan"));

    private static final MetricTraits TRAITS = new MetricTraits(true, true, 0.0);

    /** Below this relative gap {@code (|A|^2 + |B|^2 - 2||M||_*) / (|A|^2 + |B|^2)} the score is recomputed directly. */
    private static final double NEAR_IDENTICAL = 1e-6;

    /** Creates the component; it holds no state. */
    public ProcrustesMetric() {
    }

    @Override
    public String id() {
        return "procrustes";
    }

    @Override
    public String description() {
        return "Generalized shape metric (Williams et al. 2021, netrep LinearMetric): Procrustes to CCA-type by alpha,"
                + " angular or euclidean, zero-padding unequal unit counts";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public MetricTraits traits() {
        return TRAITS;
    }

    @Override
    public SimilarityResult compare(Matrix x, Matrix y, Parameters params) {
        double alpha = params.has("alpha") ? params.getDouble("alpha") : 1.0;
        String score = params.has("score") ? params.getString("score") : "angular";
        boolean centre = !params.has("center") || params.getBoolean("center");
        boolean plan = params.has("include_plan") && params.getBoolean("include_plan");
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new InvalidParameterException("alpha", "alpha must lie in [0, 1], got " + alpha,
                    "1 = Procrustes, 0 = CCA-type, between = partial whitening");
        }
        Representation.checkPair(x, y);
        int width = Math.max(x.cols(), y.cols());
        int n = x.rows();
        Representation a = Representation.of(x, width, centre);
        Representation b = Representation.of(y, width, centre);
        boolean angular = "angular".equals(score);
        if (angular || alpha < 1) {
            String why = angular ? "the angular score is 0/0" : "there is nothing to whiten";
            a.requireVariance("x", centre, why);
            b.requireVariance("y", centre, why);
        }
        PartialWhitening wx = PartialWhitening.of(covariance(a, alpha), width, alpha, a.squaredNorm());
        PartialWhitening wy = PartialWhitening.of(covariance(b, alpha), width, alpha, b.squaredNorm());
        double[] m;
        int mRows;
        int mCols;
        if (wx.z() == null) {
            // no whitening: the zero padding adds only zero singular values, so use the p x q product
            mRows = x.cols();
            mCols = y.cols();
            m = new double[mRows * mCols];
            Blas.dgemm(true, false, mRows, mCols, n, 1.0, a.data(), 0, width, b.data(), 0, width, 0.0, m, 0, mCols);
        } else {
            mRows = width;
            mCols = width;
            double[] c = new double[width * width];
            Blas.dgemm(true, false, width, width, n, 1.0, a.data(), 0, width, b.data(), 0, width, 0.0, c, 0, width);
            double[] t = new double[width * width];
            Blas.dgemm(false, false, width, width, width, 1.0, wx.z(), 0, width, c, 0, width, 0.0, t, 0, width);
            m = new double[width * width];
            Blas.dgemm(false, false, width, width, width, 1.0, t, 0, width, wy.z(), 0, width, 0.0, m, 0, width);
        }
        double nuclear = NuclearNorm.of(m, mRows, mCols);
        double nx = wx.transformedSquaredNorm();
        double ny = wy.transformedSquaredNorm();
        double cosine = nx > 0 && ny > 0 ? Math.min(1.0, nuclear / (Math.sqrt(nx) * Math.sqrt(ny))) : 0.0;
        double gap = nx + ny - 2 * nuclear;
        double value = angular ? Math.acos(cosine) : Math.sqrt(Math.max(0.0, gap));
        boolean nearIdentical = gap < NEAR_IDENTICAL * (nx + ny);
        Svd svd = plan || nearIdentical ? Lapack.svd(padded(m, mRows, mCols, width), width, width) : null;
        if (nearIdentical) {
            // the closed forms cancel for nearly aligned inputs: score the aligned matrices themselves
            double[][] aligned = aligned(a, b, wx, wy, svd, width);
            value = angular ? AlignedDistance.angle(aligned[0], aligned[1], n, width, null, nx, ny)
                    : AlignedDistance.euclidean(aligned[0], aligned[1], n, width, null);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cosine", cosine);
        details.put("nuclear_norm", nuclear);
        details.put("alpha", alpha);
        details.put("score", score);
        details.put("center", centre);
        details.put("units_x", x.cols());
        details.put("units_y", y.cols());
        details.put("padded_units", width);
        if (plan) {
            double[] q = new double[width * width];
            Blas.dgemm(false, false, width, width, width, 1.0, svd.u(), 0, width, svd.vt(), 0, width, 0.0, q, 0, width);
            details.put("plan", new Matrix(width, width, q));
        }
        return new SimilarityResult(value, details);
    }

    /** M embedded in the top-left corner of a width x width zero matrix. */
    private static double[] padded(double[] m, int rows, int cols, int width) {
        if (rows == width && cols == width) {
            return m;
        }
        double[] out = new double[width * width];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(m, i * cols, out, i * width, cols);
        }
        return out;
    }

    /** {@code Xc Zx U} and {@code Yc Zy V}, n x P each. */
    private static double[][] aligned(Representation a, Representation b, PartialWhitening wx, PartialWhitening wy, Svd svd,
            int width) {
        double[] v = new double[width * width];
        for (int i = 0; i < width; i++) {
            for (int j = 0; j < width; j++) {
                v[i * width + j] = svd.vt()[j * width + i];
            }
        }
        return new double[][] {times(a, wx, svd.u(), width), times(b, wy, v, width)};
    }

    private static double[] times(Representation r, PartialWhitening w, double[] rotation, int width) {
        double[] map = rotation;
        if (w.z() != null) {
            map = new double[width * width];
            Blas.dgemm(false, false, width, width, width, 1.0, w.z(), 0, width, rotation, 0, width, 0.0, map, 0, width);
        }
        double[] out = new double[r.rows() * width];
        Blas.dgemm(false, false, r.rows(), width, width, 1.0, r.data(), 0, width, map, 0, width, 0.0, out, 0, width);
        return out;
    }

    private static double[] covariance(Representation r, double alpha) {
        if (alpha > 1 - PartialWhitening.EIGENVALUE_FLOOR) {
            return null;
        }
        double[] c = new double[r.width() * r.width()];
        Blas.dsyrk(true, r.width(), r.rows(), 1.0, r.data(), 0, r.width(), 0.0, c, 0, r.width());
        return c;
    }
}
