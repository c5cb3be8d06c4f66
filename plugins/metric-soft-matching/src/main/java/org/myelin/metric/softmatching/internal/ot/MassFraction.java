package org.myelin.metric.softmatching.internal.ot;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A transported mass in [0, 1] as an exact fraction {@code numerator / denominator} with a
 * power-of-ten denominator, read from the shortest decimal form of the double ({@code 0.6} is
 * 3/5, not 0.59999999999999997779...). The exact solvers scale supplies by the denominator, so
 * the plan carries exactly the mass the user wrote. When the decimal needs more digits than
 * fit the integer flows, it is rounded to as many digits as fit.
 *
 * @param numerator numerator, {@code 0 <= numerator <= denominator}
 * @param denominator positive denominator
 */
record MassFraction(long numerator, long denominator) {

    /**
     * @param mass a mass in [0, 1]
     * @param maxDenominator largest denominator the caller's integer flows can take
     * @return the fraction, reduced
     * @throws IllegalArgumentException for a mass outside [0, 1] or not a number
     */
    static MassFraction of(double mass, long maxDenominator) {
        if (!(mass >= 0 && mass <= 1)) {
            throw new IllegalArgumentException("mass " + mass + " is not in [0, 1]");
        }
        BigDecimal d = new BigDecimal(Double.toString(mass)).stripTrailingZeros();
        int scale = Math.max(d.scale(), 0);
        while (scale > 0 && BigInteger.TEN.pow(scale).compareTo(BigInteger.valueOf(maxDenominator)) > 0) {
            scale--;
        }
        BigDecimal r = d.setScale(scale, RoundingMode.HALF_EVEN);
        long num = r.unscaledValue().longValueExact();
        long den = BigInteger.TEN.pow(scale).longValueExact();
        long g = BigInteger.valueOf(num).gcd(BigInteger.valueOf(den)).longValue();
        if (g > 1) {
            num /= g;
            den /= g;
        }
        if (num == 0) {
            den = 1;
        }
        return new MassFraction(num, den);
    }

    /** @return the mass as a double */
    double value() {
        return (double) numerator / denominator;
    }
}
