package dev.signet.sync;

import dev.signet.access.AccessControl;
import dev.signet.access.BuiltinGroup;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.domain.KeyEncryption;
import dev.signet.fault.Conflict;
import dev.signet.fault.EntryNotFound;
import dev.signet.model.EntryKind;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jakarta.json.spi.JsonProvider;
import java.util.Base64;

/**
 * A sync job's runs, for the job's steps: where the source is, the change set staged by step 1,
 * and step 2 applying it whole through {@link SyncApplier}. Also the run history admins read.
 */
// access checked: the job's steps run as Signet; the history needs idm_admins
@PermitAll
@Stateless
public class SyncRuns {
    /** Looked up once: Json.createXxx() finds the provider through a ServiceLoader scan at every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    static final String PASSWORD_CONTEXT = "signet sync bind password";
    /** A staged group's posixGroup members, by name, until step 2 resolves them. */
    public static final String MEMBER_UID = "member_uid";

    /** An account cookie that holds an RFC 4533 sync cookie (base64) after this prefix. */
    static final String SYNCREPL = "syncrepl:";

    /** What the job's reader needs: the source, its bind password, and the source's sync cookie when there is one. */
    public record SourceAccess(LdapSource source, char[] password, byte[] cookie) {
    }

    /** An entry the source reports by UUID only: still there unchanged (present), or deleted. */
    public record SourceMark(UUID uuid, boolean present) {
    }

    /** One entry as step 1 read it: kind, UUID, DN, attributes in Signet's names (member as DNs). */
    public record SourceItem(EntryKind kind, UUID uuid, String dn, Map<String, List<String>> attrs) {
    }

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private SyncApplier applier;
    @EJB
    private Callers callers;
    @EJB
    private SyncAccounts accounts;
    @EJB
    private Audit audit;

    /** A new run of the account's job; refused while the account cannot sync. */
    public UUID begin(UUID account) {
        // the account's row locked: two starts at once (an admin and the schedule) see each other's run
        SyncAccount found = em.find(SyncAccount.class, account, LockModeType.PESSIMISTIC_WRITE);
        if (found == null || found.finalised() || found.ldapSource().isEmpty()) {
            throw new Conflict("sync_account", "the sync account has no LDAP source to run, or is finalised");
        }
        Optional<UUID> going = runningRun(account);
        if (going.isPresent()) {
            throw new Conflict("run", "run " + going.get() + " of " + found.name() + " is still going; wait for it to end");
        }
        // what earlier runs that failed while reading staged is kept for their restart only until a new run
        em.createQuery("delete from StagedEntry s where s.run in (select r.id from SyncRun r where r.account = :account and r.status <> 'RUNNING')")
                .setParameter("account", account).executeUpdate();
        SyncRun run = new SyncRun(UUID.randomUUID(), account, Instant.now(), SyncRun.thisNode());
        em.persist(run);
        return run.id();
    }

    /** The job execution that runs it, recorded once the job started. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void executedBy(UUID run, long execution) {
        // one column only: the job may already be writing the run's counts
        em.createQuery("update SyncRun r set r.jobExecution = :execution where r.id = :run").setParameter("execution", execution)
                .setParameter("run", run).executeUpdate();
    }

    /**
     * A run that failed while reading (the source went away, a timeout) runs again from its last
     * staged chunk; answers the job execution to restart. Refused for any other run: one that
     * failed in step 2 applied nothing and has nothing staged to go on with.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long reopen(String accountId, UUID run) {
        AccessControl.requireMember(callers.current(), BuiltinGroup.IDM_ADMINS, "sync accounts");
        SyncAccount account = accounts.find(accountId).orElseThrow(() -> new EntryNotFound(accountId));
        SyncRun found = em.find(SyncRun.class, run);
        if (found == null || !found.account().equals(account.uuid())) {
            throw new EntryNotFound(run.toString());
        }
        if (!found.restartable() || found.jobExecution().isEmpty() || running(account.uuid())) {
            throw new Conflict("run", "only a run that failed while reading, with no other run going, can be restarted; start a new run");
        }
        found.reopened();
        return found.jobExecution().getAsLong();
    }

    /** Whether a run of the account is under way (a scheduled run then waits for the next time). */
    public boolean running(UUID account) {
        return runningRun(account).isPresent();
    }

    private Optional<UUID> runningRun(UUID account) {
        return em.createQuery("select r.id from SyncRun r where r.account = :account and r.status = 'RUNNING'", UUID.class)
                .setParameter("account", account).setMaxResults(1).getResultStream().findFirst();
    }

    public SourceAccess source(UUID run) {
        SyncAccount account = em.find(SyncAccount.class, em.find(SyncRun.class, run).account());
        String password = account.sealedBindPassword().map(p -> KeyEncryption.fromConfiguredFile().decrypt(p, PASSWORD_CONTEXT)).orElse("");
        byte[] cookie = account.cookie().filter(c -> c.startsWith(SYNCREPL))
                .map(c -> Base64.getDecoder().decode(c.substring(SYNCREPL.length()))).orElse(null);
        return new SourceAccess(account.ldapSource().orElseThrow(), password.toCharArray(), cookie);
    }

    /**
     * Step 1 read the source to its end with RFC 4533: the source's sync cookie to keep, whether
     * the read went on from the account's cookie (so it lists changes only), and whether it sent
     * deletions rather than every entry still there.
     */
    public void sourceRead(UUID run, byte[] cookie, boolean incremental, boolean deletesOnly) {
        em.find(SyncRun.class, run).sourceRead(cookie == null ? null : Base64.getEncoder().encodeToString(cookie), incremental, deletesOnly);
    }

    /** The source refused the account's sync cookie mid-read: the next run starts over with a full read. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void forgetSourceCookie(UUID run) {
        em.find(SyncAccount.class, em.find(SyncRun.class, run).account()).advance(null);
    }

    /** Step 1's writer: a chunk of entries ({@link SourceItem}) and marks ({@link SourceMark}) staged for the run. */
    public void stage(UUID run, List<?> chunk) {
        SyncRun found = em.find(SyncRun.class, run);
        long seq = found.read();
        for (Object staged : chunk) {
            if (staged instanceof SourceMark mark) {
                em.persist(new StagedEntry(run, seq++, mark.present() ? StagedChangeSet.PRESENT : StagedChangeSet.DELETED, mark.uuid(), "", "{}"));
                continue;
            }
            SourceItem item = (SourceItem) staged;
            JsonObjectBuilder attrs = JSON.createObjectBuilder();
            item.attrs().forEach((name, values) -> {
                JsonArrayBuilder list = JSON.createArrayBuilder();
                values.forEach(list::add);
                attrs.add(name, list);
            });
            em.persist(new StagedEntry(run, seq++, item.kind().name(), item.uuid(), item.dn(), attrs.build().toString()));
        }
        found.counted(chunk.size());
    }

    /** Step 2 begins: shown in the run history while its transaction is still open. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void applying(UUID run) {
        em.find(SyncRun.class, run).applying();
    }

    /**
     * Step 2: the staged change set applied in this one transaction (see {@link StagedChangeSet}
     * for what it deletes). A conflict fails the run with its report and leaves everything, the
     * cookie included, as it was.
     */
    public SyncChangeSet.Applied apply(UUID run) {
        SyncRun found = em.find(SyncRun.class, run);
        if (found.status() != SyncRun.Status.RUNNING) {
            throw new Conflict("run", "run " + run + " already ended (" + found.status() + "); nothing applied");
        }
        SyncAccount account = em.find(SyncAccount.class, found.account());
        SyncChangeSet.Applied applied = applier.apply(account, new StagedChangeSet(em, account, found).read());
        em.createQuery("delete from StagedEntry s where s.run = :run").setParameter("run", run).executeUpdate();
        found.completed(applied, Instant.now());
        return applied;
    }

    /** Records why a run failed, whatever happens to the transaction that failed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(UUID run, String why, int conflicts) {
        SyncRun found = em.find(SyncRun.class, run);
        if (found != null) {
            found.failed(why, conflicts, Instant.now());
            if (!found.restartable()) {
                em.createQuery("delete from StagedEntry s where s.run = :run").setParameter("run", run).executeUpdate();
            }
        }
    }

    /** Marks a run failed unless it already ended (the job listener's catch-all). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failIfRunning(UUID run, String why) {
        SyncRun found = em.find(SyncRun.class, run);
        if (found != null && found.status() == SyncRun.Status.RUNNING) {
            fail(run, why, 0);
        }
    }

    /** The account's runs, newest first. */
    public List<SyncRunView> history(String accountId) {
        AccessControl.requireMember(callers.current(), BuiltinGroup.IDM_ADMINS, "sync accounts");
        SyncAccount account = accounts.find(accountId).orElseThrow(() -> new EntryNotFound(accountId));
        return em.createQuery("select r from SyncRun r where r.account = :account order by r.started desc", SyncRun.class)
                .setParameter("account", account.uuid()).setMaxResults(100).getResultList().stream().map(SyncRunView::of).toList();
    }

}
