package dev.signet.batch.ldap;

import dev.signet.sync.SyncRuns;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** A run that failed before step 2 (source unreachable, bind refused) is recorded as failed too. */
@Named
@Dependent
public class SyncRunListener extends AbstractJobListener {
    @Inject
    private JobContext job;
    @EJB
    private SyncRuns runs;

    @Override
    public void afterJob() {
        if (job.getBatchStatus() == BatchStatus.FAILED) {
            runs.failIfRunning(LdapEntryReader.run(job), "the job failed: " + job.getExitStatus());
        }
    }
}
