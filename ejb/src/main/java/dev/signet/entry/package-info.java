/**
 * Entries of every kind, and the one write path every change to them goes through.
 *
 * <p>Owns: the entry services ({@code Entries}: create, read, modify; {@code Lifecycle}: lock,
 * recycle, revive, purge; SSH keys, POSIX ids), lookups by UUID, name or spn, views of entries as
 * a caller may see them, and the {@code WritePath} with its rules ({@code WriteRule} beans run in a
 * fixed order over a whole set of writes: values fit the schema, sync owner decides, unique values,
 * POSIX ids once only, referential integrity, memberof transitive), for one REST write as for a
 * sync run of 100,000.
 *
 * <p>Must not: depend on the sync service (it reads the agreements through {@code SyncOwners},
 * which sync implements), write an entry anywhere but through the {@code WritePath}, return
 * entities to callers outside the core (views only), or walk groups on a read.
 */
package dev.signet.entry;
