package dev.signet.oauth2;

import java.util.List;

/**
 * What the browser sees next in an authorization: the login page, the consent page, a redirect
 * back to the client, or (device flow) a page saying the device may continue.
 */
public record AuthorizationStep(Kind kind, String requestId, String redirect, String clientTitle, List<String> scopes,
                                String consentToken, String message) {
    public enum Kind { LOGIN, CONSENT, REDIRECT, DEVICE_DONE }

    static AuthorizationStep login(String requestId, String clientTitle) {
        return new AuthorizationStep(Kind.LOGIN, requestId, null, clientTitle, List.of(), null, null);
    }

    static AuthorizationStep consent(String requestId, String clientTitle, List<String> scopes, String consentToken) {
        return new AuthorizationStep(Kind.CONSENT, requestId, null, clientTitle, scopes, consentToken, null);
    }

    static AuthorizationStep redirect(String uri) {
        return new AuthorizationStep(Kind.REDIRECT, null, uri, null, List.of(), null, null);
    }

    static AuthorizationStep deviceDone(String clientTitle, String message) {
        return new AuthorizationStep(Kind.DEVICE_DONE, null, null, clientTitle, List.of(), null, message);
    }
}
