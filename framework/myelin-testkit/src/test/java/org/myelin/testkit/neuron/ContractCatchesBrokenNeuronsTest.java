package org.myelin.testkit.neuron;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.myelin.api.neuron.NeuronModel;
import org.myelin.testkit.neuron.ToyLeakyNeuron.Flaw;

/** Each planted bug makes the contract check that is meant to find it fail, for the right reason. */
class ContractCatchesBrokenNeuronsTest {

    private static NeuronModelContract contractFor(NeuronModel model) {
        return new NeuronModelContract() {
            @Override
            protected NeuronModel model() {
                return model;
            }
        };
    }

    private static NeuronModelContract contractFor(Flaw flaw) {
        return contractFor(new ToyLeakyNeuron(flaw));
    }

    private static void failsWith(String fragment, Executable check) {
        AssertionError e = assertThrows(AssertionError.class, check);
        assertTrue(e.getMessage().contains(fragment), "expected a failure about '" + fragment + "', got: " + e.getMessage());
    }

    @Test
    void droppedLeakInTheStateGradientFailsTheFiniteDifferenceCheck() {
        failsWith("central differences", contractFor(Flaw.LEAK_DROPPED_IN_BACKWARD)::backwardMatchesFiniteDifferencesOfTheState);
    }

    @Test
    void wrongSurrogateSlopeFailsTheSurrogateCheck() {
        failsWith("fast_sigmoid(25.0)", contractFor(Flaw.SURROGATE_SLOPE_DOUBLED)::surrogatePathMatchesTheDeclaredSurrogate);
    }

    @Test
    void wrongSignOfTheBetaGradientFailsTheParameterCheck() {
        failsWith("dL/dbeta[0]", contractFor(Flaw.BETA_GRADIENT_SIGN)::trainableParameterGradientsMatchFiniteDifferences);
    }

    @Test
    void writingOutsideTheRowRangeFailsTheBatchCheck() {
        failsWith("wrote row", contractFor(Flaw.WRITES_OUTSIDE_ROWS)::rowsAreIndependentOfTheRestOfTheBatch);
    }

    @Test
    void stateKeptBetweenCallsFailsTheDeterminismCheck() {
        failsWith("a second call on the same instance", contractFor(Flaw.REMEMBERS_CALLS)::isDeterministic);
    }

    @Test
    void initialisingOtherRowsFailsTheInitStateCheck() {
        failsWith("initState(state, 1, 3) wrote row 0", contractFor(Flaw.INIT_IGNORES_ROWS)::initStateResetsTheState);
    }

    @Test
    void defaultOutsideItsRangeFailsTheParameterDescriptionCheck() {
        failsWith("default of 'beta' is invalid", contractFor(Flaw.DEFAULT_OUT_OF_RANGE)::parametersAreWellFormed);
    }

    @Test
    void missingComponentPropertiesFailTheDeclarationCheck() {
        NeuronModel undeclared = new ToyLeakyNeuron(Flaw.NONE) {
            // an anonymous subclass carries no @Component annotation
        };
        failsWith("myelin.id=toy-leaky", contractFor(undeclared)::declaresIdAndKind);
    }

    @Test
    void attachedResetWithoutADetachedGradientConfigurationIsReported() {
        NeuronModelContract c = contractFor(new ToyLeakyNeuron(Flaw.NONE) {
            @Override
            public org.myelin.api.neuron.NeuronDynamics create(org.myelin.api.param.Parameters params, int size, double dtMs) {
                return new AttachedResetView(super.create(params, size, dtMs));
            }
        });
        failsWith("gradientCheckParameters()", c::backwardMatchesFiniteDifferencesOfTheState);
    }
}
