package org.myelin.core.snn;

import java.util.Locale;

import org.myelin.api.InvalidInputException;

/** The loss on the network's outputs; both are means over the (masked) batch, as in PyTorch. */
public enum LossKind {
    /** Mean over samples (or masked steps) of {@code -log softmax(z)[label]} ({@code F.cross_entropy}). */
    CROSS_ENTROPY("cross_entropy"),
    /** Mean over masked elements of {@code (z - target)^2} ({@code F.mse_loss}); class labels become one-hot targets. */
    MSE("mse");

    private final String word;

    LossKind(String word) {
        this.word = word;
    }

    /** @return the spec word */
    public String word() {
        return word;
    }

    /**
     * @param text the spec word
     * @param input names the input in the error message
     * @return the loss
     * @throws InvalidInputException listing the valid words
     */
    public static LossKind parse(String text, String input) {
        for (LossKind l : values()) {
            if (l.word.equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
                return l;
            }
        }
        throw new InvalidInputException(input, "unknown loss '" + text + "'", "valid: cross_entropy, mse");
    }
}
