package dev.signet.batch.ldap;

import dev.signet.sync.SyncJobs;
import dev.signet.sync.SyncRuns;
import jakarta.annotation.security.PermitAll;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Properties;
import java.util.UUID;

/** Starts the {@code ldap-sync} job for a sync account; the run row commits before the job starts. */
// access is decided in code: callers (SyncAccounts) checked the admin
@PermitAll
@Stateless
@Local(SyncJobs.class)
public class LdapSyncJobs implements SyncJobs {
    static final String RUN = "run";

    @EJB
    private SyncRuns runs;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public UUID start(UUID account) {
        UUID run = runs.begin(account);
        Properties parameters = new Properties();
        parameters.setProperty(RUN, run.toString());
        BatchRuntime.getJobOperator().start("ldap-sync", parameters);
        return run;
    }
}
