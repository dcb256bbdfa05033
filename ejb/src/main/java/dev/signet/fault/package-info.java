/**
 * The refusals of the core, as exceptions each protocol maps to its own errors in one place (REST:
 * problem+json; LDAP: result codes).
 *
 * <p>Owns: {@code SignetFault} and its kinds: invalid input (naming the field), not authenticated,
 * access denied, entry not found (also for an entry the caller may not see), conflict, policy
 * violation, too many requests. A fault rolls back the transaction that raised it.
 *
 * <p>Must not: depend on any other package, or carry a message that tells whether an account or
 * entry exists to a caller who may not know.
 */
package dev.signet.fault;
