package org.myelin.runtime.internal.spec;

import org.myelin.api.InvalidInputException;

/** A spec file is malformed or invalid. Exit code 3. The input names file, line and column. */
public class SpecException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /**
     * @param location {@code file:line:column} and the field path
     * @param problem what is wrong
     * @param fix what would be right, or {@code null}
     */
    public SpecException(String location, String problem, String fix) {
        super(location, problem, fix);
    }
}
