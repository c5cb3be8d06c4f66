package org.myelin.metric.cka.internal;

/**
 * The three inner products whose normalised ratio is CKA: {@code xy = <K~, L~>},
 * {@code xx = ||K~||^2}, {@code yy = ||L~||^2}, for centred grams K~, L~ (biased: H K H; debiased:
 * the U-centred gram of Szekely and Rizzo), together with the scale that turns them into HSIC
 * estimates ({@code 1/(n-1)^2} biased, {@code 1/(n(n-3))} debiased).
 *
 * @param xy {@code <K~, L~>}
 * @param xx {@code ||K~||^2}
 * @param yy {@code ||L~||^2}
 * @param hsicScale factor from the inner products to the HSIC estimates
 */
record Alignment(double xy, double xx, double yy, double hsicScale) {

    /**
     * @return {@code xy / sqrt(xx yy)} clipped to [-1, 1], the range Cauchy-Schwarz gives the exact value
     * @throws org.myelin.api.InvalidInputException when one side has a zero centred gram
     */
    double cka() {
        if (!(xx > 0)) {
            throw RepresentationChecks.zeroVariance("x");
        }
        if (!(yy > 0)) {
            throw RepresentationChecks.zeroVariance("y");
        }
        return Math.min(1.0, Math.max(-1.0, xy / (Math.sqrt(xx) * Math.sqrt(yy))));
    }
}
