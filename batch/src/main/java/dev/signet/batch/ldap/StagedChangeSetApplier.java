package dev.signet.batch.ldap;

import dev.signet.sync.SyncChangeSet;
import dev.signet.sync.RunFailure;
import dev.signet.sync.SyncRuns;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/** Step 2: the staged change set applied whole in one transaction; a conflict fails the run with its report. */
@Named
@Dependent
public class StagedChangeSetApplier extends AbstractBatchlet {
    @Inject
    private JobContext job;
    @EJB
    private SyncRuns runs;

    @Override
    public String process() {
        UUID run = LdapEntryReader.run(job);
        try {
            runs.applying(run);
            SyncChangeSet.Applied applied = runs.apply(run);
            return "created " + applied.created() + ", updated " + applied.updated() + ", deleted " + applied.deleted() + ", unchanged " + applied.unchanged();
        } catch (RuntimeException e) {
            runs.fail(run, RunFailure.describe(e), RunFailure.conflicts(e));
            throw e;
        }
    }
}
