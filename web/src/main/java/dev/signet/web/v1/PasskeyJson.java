package dev.signet.web.v1;

import dev.signet.credential.PasskeyAssertion;
import dev.signet.credential.PasskeyChallenge;
import dev.signet.fault.InvalidInput;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * WebAuthn's JSON forms (as {@code PublicKeyCredential.toJSON()} and the options'
 * {@code parseCreationOptionsFromJSON} use them): binary fields base64url.
 */
public final class PasskeyJson {
    static final long TIMEOUT_MS = 300_000;

    private PasskeyJson() {
    }

    public static JsonObject creationOptions(PasskeyChallenge c) {
        return Json.createObjectBuilder().add("ceremony", c.ceremony()).add("publicKey", Json.createObjectBuilder()
                .add("challenge", c.challenge())
                .add("rp", Json.createObjectBuilder().add("id", c.rpId()).add("name", c.rpId()))
                .add("user", Json.createObjectBuilder().add("id", c.userId()).add("name", c.userName()).add("displayName", c.displayName()))
                .add("pubKeyCredParams", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "public-key").add("alg", -7))
                        .add(Json.createObjectBuilder().add("type", "public-key").add("alg", -257))
                        .add(Json.createObjectBuilder().add("type", "public-key").add("alg", -8)))
                .add("timeout", TIMEOUT_MS)
                .add("excludeCredentials", descriptors(c))
                .add("authenticatorSelection", Json.createObjectBuilder().add("residentKey", "preferred").add("userVerification", "required"))
                .add("attestation", "none")).build();
    }

    public static JsonObject requestOptions(PasskeyChallenge c) {
        return Json.createObjectBuilder().add("publicKey", Json.createObjectBuilder()
                .add("challenge", c.challenge())
                .add("rpId", c.rpId())
                .add("timeout", TIMEOUT_MS)
                .add("allowCredentials", descriptors(c))
                .add("userVerification", "required")).build();
    }

    /** {@code {"id", "response": {"authenticatorData", "clientDataJSON", "signature", "userHandle"?}}}. */
    public static PasskeyAssertion assertion(JsonValue value) {
        JsonObject credential = object(value, "passkey");
        JsonObject response = object(credential.get("response"), "passkey");
        return new PasskeyAssertion(EntryJson.optionalString(credential, "id"), EntryJson.optionalString(response, "authenticatorData"),
                EntryJson.optionalString(response, "clientDataJSON"), EntryJson.optionalString(response, "signature"),
                EntryJson.optionalString(response, "userHandle"));
    }

    static JsonObject object(JsonValue value, String field) {
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInput(field, field + " must be a WebAuthn credential object");
        }
        return value.asJsonObject();
    }

    private static JsonArrayBuilder descriptors(PasskeyChallenge c) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        c.credentialIds().forEach(id -> list.add(Json.createObjectBuilder().add("type", "public-key").add("id", id)));
        return list;
    }
}
