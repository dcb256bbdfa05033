/**
 * Who is calling and what they may do: every access decision about entries, in one place.
 *
 * <p>Owns: the caller of the current invocation ({@code Callers}, from the identity the container
 * propagated, nobody once the account is locked, expired or recycled), the caller's groups and
 * session state ({@code Caller}: read-write window, self-service), the built-in groups and
 * break-glass accounts with their fixed UUIDs, and {@code AccessControl}, which decides per entry,
 * attribute and operation, including the protection of privileged entries from lesser admins.
 * It is why the session beans of the core are {@code @PermitAll} (see {@code dev.signet}).
 *
 * <p>Must not: depend on the authentication service that keeps sessions and tokens (it reads them
 * through the {@code SessionGrants} interface that service implements), write entries, audit, or
 * know any protocol.
 */
package dev.signet.access;
