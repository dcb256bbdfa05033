package dev.signet.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import java.util.Map;

/** {@code #{consoleLabels[attribute]}}: what the console calls each attribute it lets people edit. */
@ApplicationScoped
public class ConsoleLabels {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("displayname", "Display name"), Map.entry("legalname", "Legal name"), Map.entry("mail", "Mail addresses"),
            Map.entry("description", "Description"),
            Map.entry("auth_password_minimum_length", "Password minimum length (account policy)"),
            Map.entry("auth_password_minimum_classes", "Password minimum character classes (account policy)"),
            Map.entry("auth_password_history", "Passwords remembered against reuse (account policy)"),
            Map.entry("credential_type_minimum", "Weakest credential allowed: any, mfa or passkey (account policy)"),
            Map.entry("oauth2_consent_prompt_enable", "Ask for consent"),
            Map.entry("oauth2_allow_insecure_client_disable_pkce", "Disable PKCE (confidential clients only; insecure)"),
            Map.entry("oauth2_jwt_legacy_crypto_enable", "Legacy crypto (RS256 ID tokens)"),
            Map.entry("oauth2_allow_localhost_redirect", "Allow localhost redirects"),
            Map.entry("oauth2_prefer_short_username", "Prefer the short user name (name, not spn)"));

    @Produces
    @Named("consoleLabels")
    public Map<String, String> labels() {
        return LABELS;
    }
}
