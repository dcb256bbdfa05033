package dev.signet.oauth2;

import dev.signet.fault.SignetFault;

/**
 * An authorization request that must not be answered with a redirect: unknown client, redirect URI
 * not registered, or no such pending request. The browser gets an error page instead, so a forged
 * request cannot bounce a user to an unregistered address.
 */
public class InvalidAuthorizationRequest extends SignetFault {
    private static final long serialVersionUID = 1L;

    public InvalidAuthorizationRequest(String message) {
        super(message);
    }
}
