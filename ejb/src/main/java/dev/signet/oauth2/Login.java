package dev.signet.oauth2;

import dev.signet.auth.Mechanism;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A person's Signet login as OIDC sees it: who, which session, when (auth_time) and how (acr). */
public record Login(UUID account, UUID session, Instant authTime, String method) {
    /** RFC 8176 authentication method references for a Signet mechanism. */
    public List<String> amr() {
        return switch (Mechanism.of(method).orElse(Mechanism.PASSWORD)) {
            case PASSWORD_MFA -> List.of("pwd", "otp", "mfa");
            case PASSKEY -> List.of("hwk", "user");
            case PASSWORD, RESET_INTENT -> List.of("pwd");
        };
    }

    void writeTo(JsonObjectBuilder json) {
        json.add("account", account.toString()).add("session", session.toString()).add("authTime", authTime.getEpochSecond());
        if (method != null) {
            json.add("method", method);
        }
    }

    /** The login written into {@code json} by {@link #writeTo}, or null when there is none. */
    static Login readFrom(JsonObject json) {
        if (!json.containsKey("account")) {
            return null;
        }
        return new Login(UUID.fromString(json.getString("account")), UUID.fromString(json.getString("session")),
                Instant.ofEpochSecond(json.getJsonNumber("authTime").longValue()), PendingAuthorization.string(json, "method"));
    }
}
