package dev.signet.oauth2;

/**
 * A client's issuer, {@code https://{origin}/oauth2/openid/{client}} (Kanidm's shape). The origin
 * is {@code signet.origin} when configured, else the one the request came in on.
 */
public final class Issuers {
    private Issuers() {
    }

    public static String of(String requestOrigin, OAuth2Client client) {
        return origin(requestOrigin) + "/oauth2/openid/" + client.name();
    }

    public static String origin(String requestOrigin) {
        String configured = System.getProperty("signet.origin");
        String origin = configured != null ? configured : requestOrigin;
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }
}
