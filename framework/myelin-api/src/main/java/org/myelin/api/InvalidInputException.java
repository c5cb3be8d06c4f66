package org.myelin.api;

/**
 * Something a user supplied is wrong: a spec value, a file, a matrix. Maps to exit code 3.
 * The message always names the input and, where one is known, what would be right.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final String fix;

    /**
     * @param input names the offending input (a file with line, a spec path, a matrix row)
     * @param problem what is wrong with it
     * @param fix what would be right, or {@code null} when nothing useful can be said
     */
    public InvalidInputException(String input, String problem, String fix) {
        this(input, problem, fix, null);
    }

    /**
     * @param input names the offending input
     * @param problem what is wrong with it
     * @param fix what would be right, or {@code null}
     * @param cause the underlying error, or {@code null}
     */
    public InvalidInputException(String input, String problem, String fix, Throwable cause) {
        super(compose(input, problem, fix), cause);
        this.input = input;
        this.fix = fix;
    }

    private static String compose(String input, String problem, String fix) {
        StringBuilder sb = new StringBuilder();
        if (input != null && !input.isEmpty()) {
            sb.append(input).append(": ");
        }
        sb.append(problem);
        if (fix != null && !fix.isEmpty()) {
            sb.append(" (").append(fix).append(')');
        }
        return sb.toString();
    }

    /** @return the name of the offending input */
    public String input() {
        return input;
    }

    /** @return what would be right, or {@code null} */
    public String fix() {
        return fix;
    }
}
