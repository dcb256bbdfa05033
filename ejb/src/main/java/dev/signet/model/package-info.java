/**
 * The entry entities: what every identity is (an {@code Entry}: UUID for life, a name unique across
 * kinds, memberships) and its kinds (person, service account, group), with account policies, lock
 * history and the POSIX id records.
 *
 * <p>Owns: the JPA mapping of entries and the invariants a single entity can keep by itself.
 * Entities of other features (tokens, credentials, clients, sync accounts) live in their own
 * packages.
 *
 * <p>Must not: depend on any other package of the core, decide access, or be handed to callers
 * outside the core (they get views).
 */
package dev.signet.model;
