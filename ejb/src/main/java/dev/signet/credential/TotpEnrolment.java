package dev.signet.credential;

import java.util.UUID;

/** What a person gets when enrolling a TOTP authenticator: shown once, then only the label remains. */
public record TotpEnrolment(UUID id, String uri, String secret) {
}
