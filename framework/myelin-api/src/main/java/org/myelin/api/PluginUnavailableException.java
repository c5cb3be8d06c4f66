package org.myelin.api;

import java.util.List;

/**
 * A spec or command names a plugin (or driver) that is not available. Maps to exit code 4.
 * The message lists the ids that are available for that kind.
 */
public class PluginUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final PluginKind kind;
    private final String id;
    private final List<String> available;

    /**
     * @param kind the kind that was asked for
     * @param id the id that was asked for
     * @param available the ids of that kind that are available now
     * @param detail extra explanation (why a bundle that would provide it did not load), or {@code null}
     */
    public PluginUnavailableException(PluginKind kind, String id, List<String> available, String detail) {
        super("unknown " + kind.property() + " plugin '" + id + "'; available " + kind.property() + " plugins: "
                + (available.isEmpty() ? "(none)" : String.join(", ", available))
                + (detail == null || detail.isEmpty() ? "" : ". " + detail));
        this.kind = kind;
        this.id = id;
        this.available = List.copyOf(available);
    }

    /** @return the kind that was asked for */
    public PluginKind kind() {
        return kind;
    }

    /** @return the id that was asked for */
    public String id() {
        return id;
    }

    /** @return the ids of that kind that were available */
    public List<String> available() {
        return available;
    }
}
