package org.myelin.api.param;

import org.myelin.api.InvalidInputException;

/** A parameter value is unknown, missing, of the wrong type or out of range. Exit code 3. */
public class InvalidParameterException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /**
     * @param path where the parameter sits, e.g. {@code train.params.lr}
     * @param problem what is wrong
     * @param fix what would be right
     */
    public InvalidParameterException(String path, String problem, String fix) {
        super(path, problem, fix);
    }
}
