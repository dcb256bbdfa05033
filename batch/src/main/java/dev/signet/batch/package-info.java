/**
 * Sync from existing LDAP directories, as a Jakarta Batch job ({@code META-INF/batch-jobs/ldap-sync.xml}).
 *
 * <p>Owns ({@code batch.ldap}): the job's step 1, a chunk step whose reader reads the source (one
 * RFC 4533 refreshOnly search from the account's sync cookie where the directory offers content
 * synchronisation, else the whole directory a page at a time), whose processor maps each directory
 * entry through the account's attribute map to the core's {@code ImportedEntry}, and whose writer
 * stages the chunk; step 2, a batchlet that hands the whole staged change set to the core in one
 * JTA transaction; the listener that records a run failed before step 2; and the starting of runs,
 * by request or by the persistent calendar timer of an account's schedule
 * ({@link dev.signet.sync.CronSchedule}, checked before anything is stored), which fires on one
 * cluster node. SCIM pushes do not pass through here (the web module takes them).
 *
 * <p>Must not: decide conflicts, authority or yield rules, or what a directory value means in
 * Signet; those live in the core's {@code sync} package, so that SCIM pushes and batch runs obey
 * the same rules.
 */
package dev.signet.batch;
