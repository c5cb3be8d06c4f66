package org.myelin.testkit.neuron;

import org.myelin.api.neuron.NeuronModel;

/** The correct toy neuron passes every check of the contract. */
class CorrectNeuronPassesContractTest extends NeuronModelContract {

    @Override
    protected NeuronModel model() {
        return new ToyLeakyNeuron(ToyLeakyNeuron.Flaw.NONE);
    }
}
