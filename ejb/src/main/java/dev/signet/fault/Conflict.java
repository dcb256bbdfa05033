package dev.signet.fault;

/** The request contradicts what is stored: a name or value already taken, a stale version. */
public class Conflict extends SignetFault {
    private static final long serialVersionUID = 1L;
    private final String field;

    public Conflict(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
