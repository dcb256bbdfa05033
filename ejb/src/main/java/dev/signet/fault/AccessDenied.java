package dev.signet.fault;

/** The caller may see the entry but not do this to it. */
public class AccessDenied extends SignetFault {
    private static final long serialVersionUID = 1L;

    public AccessDenied(String message) {
        super(message);
    }
}
