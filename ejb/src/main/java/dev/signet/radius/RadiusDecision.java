package dev.signet.radius;

import java.util.Optional;

/**
 * The access rules of a RADIUS login, in the order their refusals are told to the audit trail
 * (the device is told nothing: every refusal is the same Access-Reject). A login is accepted when
 * the name is a person's, the person has a RADIUS secret and proved it, is neither locked nor
 * outside the account's validity period, and is (transitively) a member of one of the groups
 * the client allows.
 *
 * @param softLocked the name is soft-locked by failed attempts (its credential was not checked)
 * @param accountExists the name names a live account
 * @param person the account is a person (service accounts have no RADIUS secret)
 * @param hasSecret the person has a RADIUS secret
 * @param methodServed the request's method is one Signet serves now (EAP and MS-CHAPv2 may not be)
 * @param credentialPresent the request carries a credential at all
 * @param credentialMatches the credential proves the RADIUS secret
 * @param locked the account is locked by an admin
 * @param withinValidity the account is within its valid-from / expiry window
 * @param inAllowedGroup the account is a member of one of the client's groups
 */
public record RadiusDecision(boolean softLocked, boolean accountExists, boolean person, boolean hasSecret, boolean methodServed,
                             boolean credentialPresent, boolean credentialMatches, boolean locked, boolean withinValidity,
                             boolean inAllowedGroup) {

    /** Why the login is refused, or empty when it is accepted. */
    public Optional<String> refusal() {
        if (softLocked) {
            return Optional.of("too many failed attempts (soft lock)");
        }
        if (!methodServed) {
            return Optional.of("method not available");
        }
        if (!credentialPresent) {
            return Optional.of("no credential in the request");
        }
        if (!accountExists) {
            return Optional.of("no such account");
        }
        if (!person) {
            return Optional.of("service accounts have no RADIUS secret");
        }
        if (!hasSecret) {
            return Optional.of("account has no RADIUS secret");
        }
        if (!credentialMatches) {
            return Optional.of("wrong RADIUS secret");
        }
        if (locked) {
            return Optional.of("account locked");
        }
        if (!withinValidity) {
            return Optional.of("account expired or not yet valid");
        }
        if (!inAllowedGroup) {
            return Optional.of("not a member of any of the client's groups");
        }
        return Optional.empty();
    }

    /**
     * Whether the refusal came after a credential was checked against an account's secret, so the
     * attempt stays counted toward the soft lockout; refusals before any check (no credential, a
     * method not served) give the attempt back. A right secret refused for another reason stays
     * counted, as at login: a given-back attempt would confirm a guessed secret.
     */
    public boolean counted() {
        return methodServed && credentialPresent && !softLocked;
    }
}
