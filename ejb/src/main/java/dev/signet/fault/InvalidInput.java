package dev.signet.fault;

/** The request is malformed; {@link #field()} names the attribute or parameter at fault. */
public class InvalidInput extends SignetFault {
    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
