package dev.signet.oauth2;

import java.util.List;

/**
 * What the browser sees next in an authorization: the login page, the consent page, a redirect
 * back to the client, or (device flow) the page confirming the device and the page saying it may
 * continue.
 *
 * @param consentToken the consent or device confirmation form's token: the answer must carry it
 * @param userCode the user code of the device to confirm, as the device shows it
 */
public record AuthorizationStep(Kind kind, String requestId, String redirect, String clientTitle, List<String> scopes,
                                String consentToken, String message, String userCode) {
    public enum Kind { LOGIN, CONSENT, REDIRECT, DEVICE_CONFIRM, DEVICE_DONE }

    static AuthorizationStep login(String requestId, String clientTitle) {
        return new AuthorizationStep(Kind.LOGIN, requestId, null, clientTitle, List.of(), null, null, null);
    }

    static AuthorizationStep consent(String requestId, String clientTitle, List<String> scopes, String consentToken) {
        return new AuthorizationStep(Kind.CONSENT, requestId, null, clientTitle, scopes, consentToken, null, null);
    }

    static AuthorizationStep redirect(String uri) {
        return new AuthorizationStep(Kind.REDIRECT, null, uri, null, List.of(), null, null, null);
    }

    static AuthorizationStep deviceConfirm(String requestId, String clientTitle, List<String> scopes, String consentToken,
                                           String userCode) {
        return new AuthorizationStep(Kind.DEVICE_CONFIRM, requestId, null, clientTitle, scopes, consentToken, null, userCode);
    }

    static AuthorizationStep deviceDone(String clientTitle, String message) {
        return new AuthorizationStep(Kind.DEVICE_DONE, null, null, clientTitle, List.of(), null, message, null);
    }
}
