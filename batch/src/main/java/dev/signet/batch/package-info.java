/**
 * Sync from existing identity systems, as Jakarta Batch jobs.
 *
 * <p>Will hold: the job XML ({@code META-INF/batch-jobs}), the readers for each source (an LDAP
 * directory by syncrepl or full search, a SCIM feed) that stage a change set chunk by chunk, the
 * step that hands the whole change set to the core's sync service in one JTA transaction, and the
 * persistent EJB timer that starts scheduled runs on exactly one cluster node. The schedule syntax
 * is the core's ({@link dev.signet.sync.CronSchedule}), checked before anything is stored.
 *
 * <p>Must not: decide conflicts, authority or yield rules; those live in the core's {@code sync}
 * package so that REST pushes (SCIM) and batch runs obey the same rules.
 */
package dev.signet.batch;
