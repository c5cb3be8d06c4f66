package org.myelin.runtime.internal.catalog;

/**
 * A bundle or component that did not come up, with the reason in plain words.
 *
 * @param bundle symbolic name (or file name for a jar that is not a bundle)
 * @param version bundle version, or {@code ""}
 * @param state INSTALLED, RESOLVED, FAILED_ACTIVATION, UNSATISFIED, NOT_A_BUNDLE
 * @param reason what is wrong and what would fix it
 */
public record BundleProblem(String bundle, String version, String state, String reason) {
}
