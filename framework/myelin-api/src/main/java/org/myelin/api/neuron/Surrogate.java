package org.myelin.api.neuron;

import java.util.Locale;
import java.util.Objects;

/**
 * A surrogate derivative with its slope, as written in specs: {@code atan(2)},
 * {@code fast_sigmoid(25)}, {@code sigmoid(4)}, {@code triangle(1)}, {@code superspike(100)},
 * {@code straight_through}. The argument {@code x} is always measured relative to the
 * threshold ({@code v - threshold}).
 *
 * @param kind the surrogate family
 * @param slope its slope or width parameter (alpha, k or w)
 */
public record Surrogate(SurrogateKind kind, double slope) {

    /** Checks the slope. */
    public Surrogate {
        Objects.requireNonNull(kind, "kind");
        if (!(slope > 0) || !Double.isFinite(slope)) {
            throw new IllegalArgumentException("surrogate slope must be a positive number, got " + slope);
        }
    }

    /**
     * Parses {@code name(slope)} or {@code name} (default slope: atan 2, fast_sigmoid 25,
     * sigmoid 25, triangle 1, superspike 100, straight_through 1).
     *
     * @param text e.g. {@code "atan(2)"}
     * @return the surrogate
     * @throws IllegalArgumentException listing the valid forms
     */
    public static Surrogate parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        String name = s;
        Double slope = null;
        int open = s.indexOf('(');
        if (open >= 0) {
            if (!s.endsWith(")")) {
                throw new IllegalArgumentException("bad surrogate '" + text + "'; write e.g. atan(2)");
            }
            name = s.substring(0, open).trim();
            try {
                slope = Double.parseDouble(s.substring(open + 1, s.length() - 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad surrogate slope in '" + text + "'; write e.g. atan(2)");
            }
        }
        SurrogateKind kind;
        double dflt;
        switch (name) {
            case "atan": kind = SurrogateKind.ATAN; dflt = 2; break;
            case "fast_sigmoid": kind = SurrogateKind.FAST_SIGMOID; dflt = 25; break;
            case "sigmoid": kind = SurrogateKind.SIGMOID; dflt = 25; break;
            case "triangle": kind = SurrogateKind.TRIANGLE; dflt = 1; break;
            case "superspike": kind = SurrogateKind.SUPERSPIKE; dflt = 100; break;
            case "straight_through": kind = SurrogateKind.STRAIGHT_THROUGH; dflt = 1; break;
            default:
                throw new IllegalArgumentException("unknown surrogate '" + text
                        + "'; valid: atan(a), fast_sigmoid(k), sigmoid(k), triangle(w), superspike(a), straight_through");
        }
        return new Surrogate(kind, slope == null ? dflt : slope);
    }

    /**
     * The surrogate derivative dS/dx at {@code x = v - threshold}.
     * ATAN: {@code (a/2)/(1+(pi/2*a*x)^2)}; FAST_SIGMOID and SUPERSPIKE: {@code 1/(k|x|+1)^2};
     * SIGMOID: {@code k*sig(kx)*(1-sig(kx))}; TRIANGLE: {@code max(0, 1 - |x|/w) / w} (half-width w,
     * unit area); STRAIGHT_THROUGH: 1.
     *
     * @param x membrane minus threshold
     * @return the derivative
     */
    public double derivative(double x) {
        switch (kind) {
            case ATAN: {
                double u = Math.PI / 2 * slope * x;
                return slope / 2 / (1 + u * u);
            }
            case FAST_SIGMOID:
            case SUPERSPIKE: {
                double d = slope * Math.abs(x) + 1;
                return 1 / (d * d);
            }
            case SIGMOID: {
                double sg = 1 / (1 + Math.exp(-slope * x));
                return slope * sg * (1 - sg);
            }
            case TRIANGLE: {
                double a = 1 - Math.abs(x) / slope;
                return a > 0 ? a / slope : 0;
            }
            case STRAIGHT_THROUGH:
                return 1;
            default:
                throw new IllegalStateException("unhandled " + kind);
        }
    }

    /** @return the spec form, e.g. {@code atan(2.0)} */
    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + "(" + slope + ")";
    }
}
