package dev.signet.auth;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a login is proved. The {@link #wire()} name is what {@code POST /v1/auth} offers and
 * accepts, what a user session records and what OIDC reports as {@code acr}; it is published, so
 * it never changes.
 */
public enum Mechanism {
    /** The password alone (an account without a TOTP authenticator). */
    PASSWORD("password"),
    /** A TOTP code or a backup code, then the password. */
    PASSWORD_MFA("passwordmfa"),
    /** A passkey assertion with user verification. */
    PASSKEY("passkey"),
    /** A credential reset link exchanged for a credential-update session (never offered at login). */
    RESET_INTENT("reset_intent");

    private final String wire;

    Mechanism(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The mechanism a client or a stored session names; empty for a name Signet does not know. */
    public static Optional<Mechanism> of(String wire) {
        return Arrays.stream(values()).filter(m -> m.wire.equals(wire)).findFirst();
    }
}
