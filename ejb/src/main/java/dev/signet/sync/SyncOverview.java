package dev.signet.sync;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Sync accounts and their runs as views, for the console: what an account reads from, when it
 * runs, what it yields, and how its runs went (a running one with its step and counts, for the
 * live progress bar). Access is that of {@link SyncAccounts} and {@link SyncRuns}.
 */
@PermitAll
@Stateless
public class SyncOverview {
    @EJB
    private SyncAccounts accounts;
    @EJB
    private SyncRuns runs;

    public record Account(UUID uuid, String name, String description, Optional<Instant> tokenIssued, boolean finalised,
                          Optional<LdapSource> ldap, Optional<String> schedule, Set<String> yieldAttributes, Optional<Run> lastRun) {
    }

    /**
     * @param step where a running run is ({@code reading}, {@code applying}, ...)
     * @param report the conflict report of a failed run
     */
    public record Run(UUID id, Instant started, Optional<Instant> ended, String status, String step, int read, int created,
                      int updated, int deleted, int unchanged, int conflicts, Optional<String> report, boolean restartable) {
        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    public List<Account> accounts() {
        return accounts.list().stream().map(a -> view(a, true)).toList();
    }

    public Account account(String id) {
        return view(accounts.get(id), true);
    }

    /** The account's runs, newest first (at most 100). */
    public List<Run> runs(String id) {
        return runs.history(id).stream().map(SyncOverview::run).toList();
    }

    /** One run of the account, for polling its progress. */
    public Optional<Run> run(String id, UUID runId) {
        return runs.history(id).stream().filter(r -> r.id().equals(runId)).findFirst().map(SyncOverview::run);
    }

    private Account view(SyncAccountView a, boolean withLastRun) {
        Optional<Run> last = withLastRun ? runs.history(a.uuid().toString()).stream().findFirst().map(SyncOverview::run) : Optional.empty();
        return new Account(a.uuid(), a.name(), a.description().orElse(null), a.tokenIssued(), a.finalised(), a.ldapSource(),
                a.schedule(), Set.copyOf(a.yieldAttributes()), last);
    }

    private static Run run(SyncRunView r) {
        return new Run(r.id(), r.started(), r.ended(), r.status().name(), r.step(), r.read(), r.created(), r.updated(), r.deleted(),
                r.unchanged(), r.conflicts(), r.report(), r.restartable());
    }
}
