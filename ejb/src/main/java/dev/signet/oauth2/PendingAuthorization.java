package dev.signet.oauth2;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An authorization request that has passed validation and waits for the person to log in and
 * consent. It lives in the cluster-wide {@code oauth2} cache (as JSON), so the browser may come
 * back to any node.
 *
 * @param issuer the issuer the request was made to (tokens and the redirect carry it)
 * @param deviceKey set for a device authorization: approval completes that instead of redirecting
 * @param account the account that was shown the consent page, bound to its {@code consentToken}
 * @param loginRequired {@code prompt=login} or an exceeded {@code max_age}: a fresh login is due
 * @param browser the digest of the browser cookie of the browser that started the request: every
 *     later step must come from it (no login CSRF, no handing a request id to someone else)
 */
record PendingAuthorization(String client, String redirectUri, Set<String> scopes, String state, String nonce,
                            String codeChallenge, String issuer, boolean promptNone, boolean promptConsent,
                            Long maxAgeSeconds, boolean loginRequired, String deviceKey, String account, String consentToken,
                            String browser) {

    PendingAuthorization withLoginDone() {
        return new PendingAuthorization(client, redirectUri, scopes, state, nonce, codeChallenge, issuer, promptNone, promptConsent,
                maxAgeSeconds, false, deviceKey, account, consentToken, browser);
    }

    PendingAuthorization awaitingConsent(String accountUuid, String token) {
        return new PendingAuthorization(client, redirectUri, scopes, state, nonce, codeChallenge, issuer, promptNone, promptConsent,
                maxAgeSeconds, loginRequired, deviceKey, accountUuid, token, browser);
    }

    String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("client", client)
                .add("scopes", String.join(" ", scopes)).add("issuer", issuer)
                .add("promptNone", promptNone).add("promptConsent", promptConsent).add("loginRequired", loginRequired)
                .add("browser", browser);
        optional(json, "redirectUri", redirectUri);
        optional(json, "state", state);
        optional(json, "nonce", nonce);
        optional(json, "codeChallenge", codeChallenge);
        optional(json, "deviceKey", deviceKey);
        optional(json, "account", account);
        optional(json, "consentToken", consentToken);
        if (maxAgeSeconds != null) {
            json.add("maxAge", maxAgeSeconds);
        }
        return json.build().toString();
    }

    static PendingAuthorization fromJson(String text) {
        JsonObject json = Json.createReader(new StringReader(text)).readObject();
        return new PendingAuthorization(json.getString("client"), string(json, "redirectUri"),
                new LinkedHashSet<>(Arrays.asList(json.getString("scopes").split(" "))), string(json, "state"), string(json, "nonce"),
                string(json, "codeChallenge"), json.getString("issuer"), json.getBoolean("promptNone"),
                json.getBoolean("promptConsent"), json.containsKey("maxAge") ? json.getJsonNumber("maxAge").longValue() : null,
                json.getBoolean("loginRequired"), string(json, "deviceKey"), string(json, "account"), string(json, "consentToken"),
                json.getString("browser"));
    }

    private static void optional(JsonObjectBuilder json, String key, String value) {
        if (value != null) {
            json.add(key, value);
        }
    }

    static String string(JsonObject json, String key) {
        return json.get(key) instanceof JsonString s ? s.getString() : null;
    }
}
