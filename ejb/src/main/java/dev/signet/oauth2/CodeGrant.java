package dev.signet.oauth2;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** What an authorization code stands for, bound to its client, redirect URI and PKCE challenge. */
record CodeGrant(UUID client, String redirectUri, Login login, Set<String> scopes, String nonce, String codeChallenge,
                 String issuer) {

    String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("client", client.toString()).add("redirectUri", redirectUri)
                .add("scopes", String.join(" ", scopes)).add("issuer", issuer);
        login.writeTo(json);
        if (nonce != null) {
            json.add("nonce", nonce);
        }
        if (codeChallenge != null) {
            json.add("codeChallenge", codeChallenge);
        }
        return json.build().toString();
    }

    static CodeGrant fromJson(String text) {
        JsonObject json = Json.createReader(new StringReader(text)).readObject();
        return new CodeGrant(UUID.fromString(json.getString("client")), json.getString("redirectUri"), Login.readFrom(json),
                new LinkedHashSet<>(Arrays.asList(json.getString("scopes").split(" "))), PendingAuthorization.string(json, "nonce"),
                PendingAuthorization.string(json, "codeChallenge"), json.getString("issuer"));
    }
}
