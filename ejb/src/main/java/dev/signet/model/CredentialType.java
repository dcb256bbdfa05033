package dev.signet.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Kanidm's {@code credential_type_minimum}: the weakest way of logging in an account policy
 * still accepts, from the weakest to the strongest.
 */
public enum CredentialType {
    /** A password alone. */
    ANY,
    /** A password with a TOTP code (or backup code), or a passkey. */
    MFA,
    /** A passkey only. */
    PASSKEY;

    public static Optional<CredentialType> parse(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String attributeValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public CredentialType stricter(CredentialType other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** Whether a login that proved {@code used} satisfies this minimum. */
    public boolean satisfiedBy(CredentialType used) {
        return used.ordinal() >= ordinal();
    }
}
