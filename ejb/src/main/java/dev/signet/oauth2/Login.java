package dev.signet.oauth2;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A person's Signet login as OIDC sees it: who, which session, when (auth_time) and how (acr). */
public record Login(UUID account, UUID session, Instant authTime, String method) {
    /** RFC 8176 authentication method references for a Signet mechanism. */
    public List<String> amr() {
        return switch (method == null ? "" : method) {
            case "passwordmfa" -> List.of("pwd", "otp", "mfa");
            case "passkey" -> List.of("hwk", "user");
            default -> List.of("pwd");
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
