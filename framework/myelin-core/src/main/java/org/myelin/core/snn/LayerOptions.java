package org.myelin.core.snn;

import java.util.List;
import java.util.Map;

import org.myelin.api.InvalidInputException;

/**
 * The engine's options of one layer, read from the spec's layer entry ({@code Layer.options()}).
 *
 * @param recurrent whether the layer has a recurrent projection {@code V S[t-1]} from its own output
 * @param bias whether the feed-forward projection has a bias
 * @param daleExcitatory Dale's law: the fraction of this layer's units that are excitatory (the first
 *                       {@code round(f * size)} units); every weight leaving a unit (its column in the next
 *                       layer's {@code W} and in its own {@code V}) is {@code sign * |w|}. {@code 0} = no sign constraint
 * @param connectivity density of a fixed random connectivity mask on the feed-forward weights (1 = dense)
 * @param recurrentConnectivity density of the mask on the recurrent weights (1 = dense)
 * @param noiseStd standard deviation of Gaussian noise added to the input current at every step (0 = none)
 * @param weightGain scale of the feed-forward initialisation {@code U(-g/sqrt(fan_in), g/sqrt(fan_in))}
 * @param recurrentGain scale of the recurrent initialisation
 */
public record LayerOptions(boolean recurrent, boolean bias, double daleExcitatory, double connectivity,
        double recurrentConnectivity, double noiseStd, double weightGain, double recurrentGain) {

    /** The option names, in documentation order. */
    public static final List<String> NAMES = List.of("recurrent", "bias", "dale", "connectivity", "recurrent_connectivity",
            "noise_std", "weight_gain", "recurrent_gain");

    /** A dense feed-forward layer with bias and no noise. */
    public static final LayerOptions DEFAULT = new LayerOptions(false, true, 0, 1, 1, 0, 1, 1);

    /**
     * Reads and validates the options of layer {@code index}.
     *
     * @param options the spec's layer options (plain YAML values)
     * @param index the layer's position, used in messages ({@code model.layers[i].<option>})
     * @return the options
     * @throws InvalidInputException naming {@code model.layers[i].<option>} and the valid values
     */
    public static LayerOptions parse(Map<String, Object> options, int index) {
        String at = "model.layers[" + index + "].";
        for (String key : options.keySet()) {
            if (!NAMES.contains(key)) {
                throw new InvalidInputException(at + key, "unknown layer option '" + key + "'",
                        "valid layer options: " + String.join(", ", NAMES));
            }
        }
        boolean recurrent = bool(options, "recurrent", false, at);
        boolean bias = bool(options, "bias", true, at);
        double dale = number(options, "dale", 0, at, 0, 1, "a fraction of excitatory units in (0, 1], e.g. 0.8");
        if (options.containsKey("dale") && dale == 0) {
            throw new InvalidInputException(at + "dale", "a layer with no excitatory unit", "give a fraction in (0, 1], e.g. 0.8, or remove dale");
        }
        double conn = number(options, "connectivity", 1, at, 0, 1, "a connection density in (0, 1]");
        double rconn = number(options, "recurrent_connectivity", 1, at, 0, 1, "a connection density in (0, 1]");
        if (conn == 0 || rconn == 0) {
            throw new InvalidInputException(at + (conn == 0 ? "connectivity" : "recurrent_connectivity"),
                    "a density of 0 leaves no connection", "give a density in (0, 1]");
        }
        if (!recurrent && options.containsKey("recurrent_connectivity")) {
            throw new InvalidInputException(at + "recurrent_connectivity", "the layer is not recurrent",
                    "add recurrent: true or remove recurrent_connectivity");
        }
        if (!recurrent && options.containsKey("recurrent_gain")) {
            throw new InvalidInputException(at + "recurrent_gain", "the layer is not recurrent",
                    "add recurrent: true or remove recurrent_gain");
        }
        double noise = number(options, "noise_std", 0, at, 0, Double.MAX_VALUE, "a standard deviation >= 0");
        double gain = number(options, "weight_gain", 1, at, 0, Double.MAX_VALUE, "a positive scale");
        double rgain = number(options, "recurrent_gain", 1, at, 0, Double.MAX_VALUE, "a positive scale");
        if (gain == 0) {
            throw new InvalidInputException(at + "weight_gain", "a gain of 0 makes every weight 0", "give a positive scale");
        }
        return new LayerOptions(recurrent, bias, dale, conn, rconn, noise, gain, rgain);
    }

    private static boolean bool(Map<String, Object> o, String key, boolean dflt, String at) {
        Object v = o.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        String s = v.toString().trim();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new InvalidInputException(at + key, "expected true or false, got '" + v + "'", null);
    }

    private static double number(Map<String, Object> o, String key, double dflt, String at, double min, double max, String what) {
        Object v = o.get(key);
        if (v == null) {
            return dflt;
        }
        double d;
        if (v instanceof Number) {
            d = ((Number) v).doubleValue();
        } else {
            try {
                d = Double.parseDouble(v.toString().trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(at + key, "expected a number, got '" + v + "'", "give " + what);
            }
        }
        if (!Double.isFinite(d) || d < min || d > max) {
            throw new InvalidInputException(at + key, "value " + v + " is out of range", "give " + what);
        }
        return d;
    }
}
