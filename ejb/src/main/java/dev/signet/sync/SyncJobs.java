package dev.signet.sync;

import java.util.UUID;

/**
 * Starts a sync account's job; implemented where the jobs are (the batch module), so the core
 * and the REST layer start runs without depending on Jakarta Batch.
 */
public interface SyncJobs {
    /** Starts a run now; answers its id. */
    UUID start(UUID account);

    /** Restarts a run that failed while reading, from its last staged chunk. */
    void restart(String account, UUID run);

    /** Runs the account's job on this schedule from now on (cron fields); null stops scheduled runs. */
    void reschedule(UUID account, String schedule);
}
