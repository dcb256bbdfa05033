package dev.signet.credential;

/** A client's answer to a passkey challenge, every binary field base64url as WebAuthn JSON carries it. */
public record PasskeyAssertion(String credentialId, String authenticatorData, String clientDataJSON, String signature,
                               String userHandle) {
}
