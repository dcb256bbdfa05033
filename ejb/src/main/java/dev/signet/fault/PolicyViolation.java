package dev.signet.fault;

import java.util.List;

/** A value is well-formed but a policy refuses it (a weak password); every failed rule is listed. */
public class PolicyViolation extends SignetFault {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final List<String> failures;

    public PolicyViolation(String field, List<String> failures) {
        super(field + ": " + String.join("; ", failures));
        this.field = field;
        this.failures = List.copyOf(failures);
    }

    public String field() {
        return field;
    }

    public List<String> failures() {
        return failures;
    }
}
