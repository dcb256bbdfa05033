/**
 * Proving who one is, and the sessions and tokens that carry it afterwards.
 *
 * <p>Owns: the step protocol of {@code POST /v1/auth} ({@code Authentication}: init, begin a
 * {@code Mechanism}, credentials; decoys for names that match no account, so the answer never
 * tells which names exist), the short transactions of each credential step, soft lockout and
 * per-source rate limits, reauthentication, bearer tokens (ES256 JWS, their signing key and the
 * user sessions they belong to, revocation), service accounts' API tokens, credential reset
 * intents, and the session grants {@code access} reads through {@code SessionGrants}.
 *
 * <p>Must not: check a password, TOTP or passkey itself (the {@code credential} package does),
 * decide access to entries (it asks {@code access}), change entries other than through the
 * {@code entry} services, or tell a client why an authentication failed beyond
 * {@code Authentication.DENIED} (the real reason goes to the audit trail only).
 */
package dev.signet.auth;
