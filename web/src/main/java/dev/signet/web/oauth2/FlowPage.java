package dev.signet.web.oauth2;

import java.util.List;

/**
 * What one page of the sign-in flow shows, for {@code oauth2-pages/page.xhtml}. Built by
 * {@link SignInPages}; the template escapes every value.
 *
 * @param kind which form the page is
 * @param title the {@code <title>} (before " - Signet")
 * @param heading the page's one {@code h1}
 * @param error a refusal shown above the form, or null
 * @param scopes what the client will receive, described
 */
public record FlowPage(Kind kind, String title, String heading, String error, String requestId, String auth, String username,
                       boolean mfa, boolean passkey, List<String> scopes, String consentToken, String userCode, String allow,
                       String deny, String passkeyOptions, String text) {
    public enum Kind { USERNAME, CREDENTIALS, PASSKEY, CONSENT, DEVICE_CONFIRM, DEVICE_CODE, MESSAGE }

    public FlowPage {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    static FlowPage of(Kind kind, String title, String heading) {
        return new FlowPage(kind, title, heading, null, null, null, null, false, false, List.of(), null, null, null, null, null, null);
    }

    public boolean is(String name) {
        return kind.name().equals(name);
    }
}
