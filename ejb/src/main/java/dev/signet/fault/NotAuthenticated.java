package dev.signet.fault;

/** No valid credential accompanies a request that needs one. */
public class NotAuthenticated extends SignetFault {
    private static final long serialVersionUID = 1L;

    public NotAuthenticated(String message) {
        super(message);
    }
}
