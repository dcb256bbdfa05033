package dev.signet.web.oauth2;

import dev.signet.web.console.ConsoleFilter;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The pages of the sign-in flow (login, credentials, passkey, consent, device code and
 * confirmation, errors), rendered from the console's Facelets templates
 * ({@code oauth2-pages/page.xhtml}): plain forms that work without JavaScript (the passkey page
 * needs it for WebAuthn), every value escaped by the template, a CSP whose only script is the
 * console's under this answer's nonce, and no framing.
 */
final class SignInPages {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VIEW = "/oauth2-pages/page";

    private final HttpServletRequest request;
    private final HttpServletResponse response;

    SignInPages(HttpServletRequest request, HttpServletResponse response) {
        this.request = request;
        this.response = response;
    }

    Response username(String requestId, String client, String error, int status) {
        return page(status, new FlowPage(FlowPage.Kind.USERNAME, "Sign in", "Sign in to " + client, error, requestId, null, null, false,
                false, List.of(), null, null, null, null, null, null));
    }

    /** The password (and, for passwordmfa, TOTP or backup code) form of an authentication session. */
    Response credentials(String requestId, String auth, String username, boolean mfa, boolean passkey) {
        return page(200, new FlowPage(FlowPage.Kind.CREDENTIALS, "Sign in", "Sign in as " + username, null, requestId, auth, username, mfa,
                passkey, List.of(), null, null, null, null, null, null));
    }

    /** Asks the browser's authenticator for an assertion over the challenge (console.js), then posts it. */
    Response passkey(String requestId, String auth, JsonObject options) {
        return page(200, new FlowPage(FlowPage.Kind.PASSKEY, "Passkey", "Use your passkey", null, requestId, auth, null, false, true,
                List.of(), null, null, null, null, options.toString(), null));
    }

    Response consent(String requestId, String client, List<String> scopes, String consentToken) {
        return page(200, new FlowPage(FlowPage.Kind.CONSENT, "Consent", client + " asks for access", null, requestId, null, null, false,
                false, describe(scopes), consentToken, null, "Allow", "Deny", null, null));
    }

    /**
     * RFC 8628 section 5.4: the device is named with the code it shows, so a person who was sent
     * a link by someone else's device sees whose device this is before anything is approved.
     */
    Response deviceConfirm(String requestId, String client, List<String> scopes, String userCode, String consentToken) {
        return page(200, new FlowPage(FlowPage.Kind.DEVICE_CONFIRM, "Confirm device", "Sign in " + client + " on a device?", null,
                requestId, null, null, false, false, describe(scopes), consentToken, userCode, "Sign the device in", "Deny", null, null));
    }

    Response deviceCode(String error) {
        return page(error == null ? 200 : 400, new FlowPage(FlowPage.Kind.DEVICE_CODE, "Device sign-in", "Sign in a device", error, null,
                null, null, false, false, List.of(), null, null, null, null, null, null));
    }

    Response message(int status, String title, String text) {
        boolean refusal = status >= 400;
        return page(status, new FlowPage(FlowPage.Kind.MESSAGE, title, title, refusal ? text : null, null, null, null, false, false,
                List.of(), null, null, null, null, null, refusal ? null : text));
    }

    private static List<String> describe(List<String> scopes) {
        Map<String, String> known = Map.of("openid", "openid: that you signed in, and your account's unique id",
                "profile", "profile: your name and username", "email", "email: your email address",
                "groups", "groups: the groups you are a member of", "ssh_publickeys", "ssh_publickeys: your SSH public keys");
        return scopes.stream().map(s -> known.getOrDefault(s, s)).toList();
    }

    private Response page(int status, FlowPage page) {
        String nonce = nonce();
        request.setAttribute(ConsoleFilter.NONCE, nonce);
        request.setAttribute(Flow.PAGE, page);
        byte[] html = RenderedPage.render((HttpServletRequest) request.getAttribute(ConsoleFilter.ORIGINAL_REQUEST),
                (HttpServletResponse) request.getAttribute(ConsoleFilter.ORIGINAL_RESPONSE), VIEW);
        // bytes, not a String: RESTEasy's MessageSanitizerContainerResponseFilter escapes every String entity of a
        // 400 text/html answer (for pages built from raw input), which would show these refusals as markup; every
        // value on these pages is escaped by the template, and the filter stays on for whatever else answers 400 in HTML
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .header("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'nonce-" + nonce
                        + "'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                .header("X-Frame-Options", "DENY").header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }

    private static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
