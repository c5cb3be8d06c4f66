package org.myelin.testkit.metric;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.myelin.api.metric.SimilarityMetric;
import org.myelin.testkit.metric.VarianceGapDistance.Flaw;

/**
 * Runs single contract tests against deliberately broken metrics and checks that each one
 * fails, so that the contract cannot pass vacuously. The same test methods pass on the
 * unbroken metric ({@link CorrectMetricPassesContractTest}).
 */
class ContractCatchesBrokenMetricsTest {

    private static SimilarityMetricContract contractFor(Flaw flaw) {
        return new SimilarityMetricContract() {
            @Override
            protected SimilarityMetric metric() {
                return new VarianceGapDistance(flaw);
            }
        };
    }

    private static void assertContractFails(Flaw flaw, String expectedInMessage, java.util.function.Function<SimilarityMetricContract, Executable> test) {
        AssertionError e = assertThrows(AssertionError.class, test.apply(contractFor(flaw)), "contract passed a metric with flaw " + flaw);
        assertTrue(e.getMessage() != null && e.getMessage().contains(expectedInMessage),
                "flaw " + flaw + " failed for another reason than expected: " + e.getMessage());
    }

    @Test
    void failsAsymmetricMetricThatClaimsSymmetry() {
        assertContractFails(Flaw.ASYMMETRIC, "traits claim symmetry", c -> c::symmetricWhereTraitsClaimIt);
    }

    @Test
    void failsWrongIdentityValue() {
        assertContractFails(Flaw.WRONG_IDENTITY, "compare(x, x)", c -> c::identityValueForEqualRepresentations);
    }

    @Test
    void failsDistanceWithNonZeroIdentity() {
        assertContractFails(Flaw.DISTANCE_WITH_NONZERO_IDENTITY, "a distance must have compare(x, x) == 0", c -> c::traitsAreConsistent);
    }

    @Test
    void failsMetricThatAcceptsNaN() {
        assertContractFails(Flaw.ACCEPTS_NAN, "was not rejected", c -> c::rejectsNaNNamingMatrixRowAndColumn);
    }

    @Test
    void failsMetricThatAcceptsInfinity() {
        assertContractFails(Flaw.ACCEPTS_INFINITY, "was not rejected", c -> c::rejectsInfinityNamingRowAndColumn);
    }

    @Test
    void failsNaNMessageWithoutRowAndColumn() {
        assertContractFails(Flaw.VAGUE_NAN_MESSAGE, "does not say 'row 3'", c -> c::rejectsNaNNamingMatrixRowAndColumn);
    }

    @Test
    void failsNaNMessageThatDoesNotNameTheMatrix() {
        assertContractFails(Flaw.SAME_MESSAGE_FOR_X_AND_Y, "do not say which matrix", c -> c::rejectsNaNNamingMatrixRowAndColumn);
    }

    @Test
    void failsMetricThatAcceptsDifferentRowCounts() {
        assertContractFails(Flaw.ACCEPTS_ROW_MISMATCH, "did not reject", c -> c::rejectsDifferentStimulusCounts);
    }

    @Test
    void failsNondeterministicMetric() {
        assertContractFails(Flaw.NONDETERMINISTIC, "two calls gave", c -> c::deterministicAndLeavesInputsUnchanged);
    }

    @Test
    void failsMetricThatModifiesItsInput() {
        assertContractFails(Flaw.MODIFIES_INPUT, "compare modified x", c -> c::deterministicAndLeavesInputsUnchanged);
    }

    @Test
    void failsDuplicateParameterNames() {
        assertContractFails(Flaw.DUPLICATE_PARAMETER, "declared twice", c -> c::parametersAreWellFormed);
    }

    @Test
    void failsDefaultOutOfRange() {
        assertContractFails(Flaw.DEFAULT_OUT_OF_RANGE, "does not pass its own validation", c -> c::parametersAreWellFormed);
    }

    @Test
    void failsUndocumentedParameter() {
        assertContractFails(Flaw.UNDOCUMENTED_PARAMETER, "has no doc line", c -> c::parametersAreWellFormed);
    }

    @Test
    void failsIdThatIsNotKebabCase() {
        assertContractFails(Flaw.BAD_ID, "not kebab-case", c -> c::idAndKindArePresent);
    }

    @Test
    void failsBlankDescription() {
        assertContractFails(Flaw.NO_DESCRIPTION, "description() is blank", c -> c::idAndKindArePresent);
    }

    @Test
    void failsDetailsThatAreNotJsonFriendly() {
        assertContractFails(Flaw.NON_JSON_DETAIL, "details.raw", c -> c::detailsAreJsonFriendly);
    }

    @Test
    void failsParametersOfTheTestThatDoNotResolve() {
        SimilarityMetricContract c = new SimilarityMetricContract() {
            @Override
            protected SimilarityMetric metric() {
                return new VarianceGapDistance();
            }

            @Override
            protected Map<String, Object> parameters() {
                return Map.of("scael", 1.0);
            }
        };
        assertThrows(org.myelin.api.param.InvalidParameterException.class, c::identityValueForEqualRepresentations);
    }

    @Test
    void eachFlawBreaksOnlyWhatItNames() {
        // a flaw's test must fail because of the flaw, not because the base metric is wrong
        SimilarityMetricContract ok = new SimilarityMetricContract() {
            @Override
            protected SimilarityMetric metric() {
                return new VarianceGapDistance();
            }
        };
        assertDoesNotThrow(ok::symmetricWhereTraitsClaimIt);
        assertDoesNotThrow(ok::rejectsNaNNamingMatrixRowAndColumn);
        assertDoesNotThrow(ok::deterministicAndLeavesInputsUnchanged);
        assertDoesNotThrow(ok::parametersAreWellFormed);
    }
}
