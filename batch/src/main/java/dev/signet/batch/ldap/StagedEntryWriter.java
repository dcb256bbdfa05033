package dev.signet.batch.ldap;

import dev.signet.sync.SyncRuns;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Step 1's writer: each chunk of mapped entries staged for step 2. */
@Named
@Dependent
public class StagedEntryWriter extends AbstractItemWriter {
    @Inject
    private JobContext job;
    @EJB
    private SyncRuns runs;

    @Override
    public void writeItems(List<Object> items) {
        runs.stage(LdapEntryReader.run(job), items);
    }
}
