package dev.signet.oauth2;

import dev.signet.fault.InvalidInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The attributes of an OAuth2 client an admin may write, named as in Kanidm where Kanidm has them,
 * and the validation each value gets.
 */
public final class ClientAttribute {
    public static final String NAME = "name";
    public static final String DISPLAYNAME = "displayname";
    public static final String REDIRECT_URI = "oauth2_rs_origin";
    public static final String LANDING = "oauth2_rs_origin_landing";
    public static final String ALLOW_LOCALHOST = "oauth2_allow_localhost_redirect";
    public static final String CONSENT_PROMPT = "oauth2_consent_prompt_enable";
    public static final String DISABLE_PKCE = "oauth2_allow_insecure_client_disable_pkce";
    public static final String LEGACY_CRYPTO = "oauth2_jwt_legacy_crypto_enable";
    public static final String ACCESS_EXPIRY = "oauth2_access_token_expiry";
    public static final String REFRESH_EXPIRY = "oauth2_refresh_token_expiry";
    public static final String GROUPS_CLAIM = "oauth2_groups_claim";
    public static final String PREFER_SHORT_USERNAME = "oauth2_prefer_short_username";

    static final Set<String> WRITABLE = Set.of(DISPLAYNAME, REDIRECT_URI, LANDING, ALLOW_LOCALHOST, CONSENT_PROMPT,
            DISABLE_PKCE, LEGACY_CRYPTO, ACCESS_EXPIRY, REFRESH_EXPIRY, GROUPS_CLAIM, PREFER_SHORT_USERNAME);
    private static final Logger LOG = Logger.getLogger(ClientAttribute.class.getName());
    private static final int MAX_REFRESH_SECONDS = 30 * 24 * 3600;

    private ClientAttribute() {
    }

    /** Replaces the attribute's values on the client (an empty list clears it to its default). */
    static void replace(OAuth2Client client, String attribute, List<String> values) {
        if (!WRITABLE.contains(attribute)) {
            throw new InvalidInput(attribute, NAME.equals(attribute)
                    ? "the name is the client id and cannot change" : "unknown or read-only attribute: " + attribute);
        }
        if (!REDIRECT_URI.equals(attribute) && values.size() > 1) {
            throw new InvalidInput(attribute, attribute + " takes one value");
        }
        String value = values.isEmpty() ? null : values.get(0);
        switch (attribute) {
            case DISPLAYNAME -> client.setDisplayname(value == null ? null : text(attribute, value));
            case LANDING -> client.setLanding(value == null ? null : httpsUri(attribute, value));
            case REDIRECT_URI -> {
                client.redirectUris().clear();
                values.forEach(v -> client.redirectUris().add(redirectUri(v)));
            }
            case ALLOW_LOCALHOST -> client.setAllowLocalhostRedirect(bool(attribute, value, false));
            case CONSENT_PROMPT -> client.setConsentPrompt(bool(attribute, value, true));
            case DISABLE_PKCE -> {
                boolean disable = bool(attribute, value, false);
                if (disable && !client.confidential()) {
                    throw new InvalidInput(attribute, "PKCE can be disabled for a confidential client only");
                }
                if (disable) {
                    LOG.warning(() -> "PKCE disabled for OAuth2 client " + client.name()
                            + ": its authorization codes are no longer bound to the browser that asked for them");
                }
                client.setPkceDisabled(disable);
            }
            case LEGACY_CRYPTO -> client.setLegacyCrypto(bool(attribute, value, false));
            case ACCESS_EXPIRY -> client.setAccessSeconds(seconds(attribute, value, OAuth2Client.DEFAULT_ACCESS_SECONDS,
                    OAuth2Client.MAX_ACCESS_SECONDS));
            case REFRESH_EXPIRY -> client.setRefreshSeconds(seconds(attribute, value, OAuth2Client.DEFAULT_REFRESH_SECONDS,
                    MAX_REFRESH_SECONDS));
            case GROUPS_CLAIM -> client.setGroupsClaim(value == null ? GroupsClaim.SPN : GroupsClaim.parse(value));
            case PREFER_SHORT_USERNAME -> client.setPreferShortUsername(bool(attribute, value, false));
            default -> throw new IllegalStateException(attribute);
        }
    }

    /**
     * A redirect URI is compared character for character at authorization, so only exact,
     * fragment-free URIs are accepted: https anywhere, http only on the loopback (which the
     * client must also opt into with {@link #ALLOW_LOCALHOST}), or a private-use scheme for apps.
     */
    static String redirectUri(String value) {
        URI uri = uri(REDIRECT_URI, value);
        if (uri.getRawFragment() != null || value.contains("*")) {
            throw new InvalidInput(REDIRECT_URI, "a redirect URI has no fragment and no wildcard: " + value);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !loopback(uri)) {
            throw new InvalidInput(REDIRECT_URI, "http is allowed for the loopback only: " + value);
        }
        if ((scheme.equals("https") || scheme.equals("http")) && (uri.getHost() == null || uri.getHost().isEmpty())) {
            throw new InvalidInput(REDIRECT_URI, "a redirect URI needs a host: " + value);
        }
        if (scheme.equals("javascript") || scheme.equals("data") || scheme.equals("file")) {
            throw new InvalidInput(REDIRECT_URI, "not a redirect URI: " + value);
        }
        return value;
    }

    static boolean loopback(URI uri) {
        String host = uri.getHost();
        return "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
    }

    private static String httpsUri(String attribute, String value) {
        URI uri = uri(attribute, value);
        if (!uri.getScheme().equalsIgnoreCase("https") && !(uri.getScheme().equalsIgnoreCase("http") && loopback(uri))) {
            throw new InvalidInput(attribute, attribute + " must be an https URL");
        }
        return value;
    }

    private static URI uri(String attribute, String value) {
        try {
            if (value == null || value.length() > 2048) {
                throw new URISyntaxException(String.valueOf(value), "missing or too long");
            }
            URI uri = new URI(value);
            if (!uri.isAbsolute()) {
                throw new URISyntaxException(value, "not absolute");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInput(attribute, attribute + " must be an absolute URI: " + value);
        }
    }

    private static String text(String attribute, String value) {
        if (value.isBlank() || value.length() > 1024 || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput(attribute, attribute + " must be 1 to 1024 printable characters");
        }
        return value.strip();
    }

    private static boolean bool(String attribute, String value, boolean defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInput(attribute, attribute + " must be true or false");
        };
    }

    private static int seconds(String attribute, String value, int defaultValue, int max) {
        if (value == null) {
            return defaultValue;
        }
        try {
            int seconds = Integer.parseInt(value);
            if (seconds < 60 || seconds > max) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new InvalidInput(attribute, attribute + " must be a number of seconds from 60 to " + max);
        }
    }
}
