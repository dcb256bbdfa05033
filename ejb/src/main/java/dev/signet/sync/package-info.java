/**
 * Importing from existing identity systems (Kanidm's sync accounts).
 *
 * <p>Owns: sync accounts (their tokens, yield attributes, schedule, LDAP source, finalise and
 * terminate), the sync agreements the write path's sync-owner rule reads through
 * {@code SyncOwners}, the SCIM sync endpoint's logic, reading an LDAP source (TLS, bind, paged
 * search, attribute maps) into staged change sets, the conflict checks before anything is written,
 * applying a whole change set through the {@code WritePath} in one transaction, and the runs'
 * history.
 *
 * <p>Must not: depend on Jakarta Batch (it starts jobs through {@code SyncJobs}, implemented in the
 * batch module), write entries except through the {@code WritePath}, or apply part of a refused
 * change set.
 */
package dev.signet.sync;
