package dev.signet.radius.eap;

import java.util.Optional;

/**
 * Where an EAP conversation gets the secret a person must prove: their RADIUS secret (never the
 * login password). Empty for an unknown name or a person without one; the conversation then
 * fails exactly as for a wrong secret, so the answer tells nothing about which.
 *
 * <p>It may be asked again for the same name when a conversation is replayed on another node;
 * it should therefore only read (count failures from the final {@link EapStep}, not here). The
 * returned array is wiped after use.
 */
@FunctionalInterface
public interface InnerAuthenticator {
    Optional<char[]> radiusSecretOf(String username);
}
