package dev.signet.credential;

import java.util.List;

/**
 * The options a client passes to {@code navigator.credentials.create/get}: the ceremony id to send
 * back, the challenge, the relying party, the user (registration) and the credential ids.
 */
public record PasskeyChallenge(String ceremony, String challenge, String rpId, String userId, String userName,
                               String displayName, List<String> credentialIds) {
}
