package dev.signet.sync;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One run of a sync account's job as an admin follows it: counts, status, the step it is in
 * while running, whether it can be restarted, and its report.
 */
public record SyncRunView(UUID id, SyncRun.Status status, Instant started, Optional<Instant> ended, int read, int created, int updated,
                          int deleted, int unchanged, int conflicts, String step, boolean restartable, Optional<String> report) {

    static SyncRunView of(SyncRun run) {
        return new SyncRunView(run.id(), run.status(), run.started(), run.ended(), run.read(), run.created(), run.updated(), run.deleted(),
                run.unchanged(), run.conflicts(), run.step(), run.restartable(), run.report());
    }
}
