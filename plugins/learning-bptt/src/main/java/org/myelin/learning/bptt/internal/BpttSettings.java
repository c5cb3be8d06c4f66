package org.myelin.learning.bptt.internal;

import java.util.List;

import org.myelin.api.InvalidInputException;
import org.myelin.api.param.ParameterSpec;
import org.myelin.api.param.Parameters;
import org.myelin.core.snn.LossKind;
import org.myelin.core.snn.Readout;

/**
 * The validated parameters of the {@code bptt} rule. Surrogate gradients are not set here: they
 * are the neuron model's parameters ({@code model.layers[i].params.surrogate}).
 */
record BpttSettings(int epochs, int batchSize, double lr, String optimizer, double momentum, boolean nesterov,
        double weightDecay, double clip, String schedule, int stepSize, double gamma, LossKind loss, Readout readout,
        String encoder, int steps, double inputGain, String initFrom, int trainLimit, int testLimit) {

    static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.ofInt("epochs", 10L, "", 1L, 100000L, "passes over the training split"),
            ParameterSpec.ofInt("batch_size", 64L, "", 1L, 65536L, "samples per gradient step"),
            ParameterSpec.ofDouble("lr", 1e-3, "", 0.0, 10.0, "learning rate (the peak rate for schedule one_cycle)"),
            ParameterSpec.ofEnum("optimizer", "adam", "adam and adamw as torch.optim (betas 0.9/0.999, eps 1e-8), sgd with momentum",
                    "adam", "adamw", "sgd"),
            ParameterSpec.ofDouble("momentum", 0.9, "", 0.0, 1.0, "SGD momentum (optimizer sgd only)"),
            ParameterSpec.ofBoolean("nesterov", false, "Nesterov momentum (optimizer sgd only)"),
            ParameterSpec.ofDouble("weight_decay", 0.0, "", 0.0, 1.0, "L2 term for adam and sgd, decoupled decay for adamw"),
            ParameterSpec.ofDouble("clip", 0.0, "", 0.0, null, "clip gradients to this global L2 norm (0 = no clipping)"),
            ParameterSpec.ofEnum("schedule", "constant",
                    "learning rate: constant; step (x gamma every step_size epochs); cosine (to 0 over the epochs); "
                            + "one_cycle (torch OneCycleLR defaults, per batch)",
                    "constant", "step", "cosine", "one_cycle"),
            ParameterSpec.ofInt("step_size", 10L, "epochs", 1L, null, "epochs between decays (schedule step)"),
            ParameterSpec.ofDouble("gamma", 0.5, "", 0.0, 1.0, "decay factor (schedule step)"),
            ParameterSpec.ofEnum("loss", "cross_entropy", "loss on the readout: cross_entropy or mse against one-hot labels",
                    "cross_entropy", "mse"),
            ParameterSpec.ofEnum("readout", "sum_membrane", "how the last layer becomes the logits",
                    "sum_membrane", "mean_membrane", "max_membrane", "spike_count", "last_membrane"),
            ParameterSpec.ofEnum("encoder", "auto",
                    "input coding: direct current, rate (Poisson, one Bernoulli draw per step), latency (one spike per channel, "
                            + "static data), events (event datasets); auto = events for event data, else direct",
                    "auto", "direct", "rate", "latency", "events"),
            ParameterSpec.ofInt("steps", 25L, "steps", 1L, 100000L, "time steps a static sample (an image) is presented for"),
            ParameterSpec.ofDouble("input_gain", 1.0, "", 0.0, null, "scale of input values (current, or rate into a spike probability)"),
            ParameterSpec.ofString("init_from", "", "folder (or one .npy of it) of weights saved by an earlier bptt run "
                    + "(W0.npy, b0.npy, ...) to start from; empty = fresh initialisation from the model stream"),
            ParameterSpec.ofInt("train_limit", 0L, "samples", 0L, null, "use only the first N training samples (0 = all)"),
            ParameterSpec.ofInt("test_limit", 0L, "samples", 0L, null, "use only the first N test samples (0 = all)"));

    static BpttSettings of(Parameters p) {
        String optimizer = p.getString("optimizer");
        if (p.getBoolean("nesterov") && !optimizer.equals("sgd")) {
            throw new InvalidInputException("train.params.nesterov", "Nesterov momentum applies to optimizer sgd only",
                    "set optimizer: sgd or remove nesterov");
        }
        if (p.getBoolean("nesterov") && p.getDouble("momentum") == 0) {
            throw new InvalidInputException("train.params.nesterov", "Nesterov momentum needs momentum > 0", "set momentum, e.g. 0.9");
        }
        return new BpttSettings(p.getInt("epochs"), p.getInt("batch_size"), p.getDouble("lr"), optimizer, p.getDouble("momentum"),
                p.getBoolean("nesterov"), p.getDouble("weight_decay"), p.getDouble("clip"), p.getString("schedule"),
                p.getInt("step_size"), p.getDouble("gamma"), LossKind.parse(p.getString("loss"), "train.params.loss"),
                Readout.parse(p.getString("readout"), "train.params.readout"), p.getString("encoder"), p.getInt("steps"),
                p.getDouble("input_gain"), p.getString("init_from"), p.getInt("train_limit"), p.getInt("test_limit"));
    }
}
