package dev.signet.entry;

import dev.signet.audit.AuditType;
import jakarta.annotation.security.PermitAll;
import dev.signet.access.AccessControl;
import dev.signet.access.BuiltinGroup;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.fault.AccessDenied;
import dev.signet.fault.EntryNotFound;
import dev.signet.fault.InvalidInput;
import dev.signet.model.Account;
import dev.signet.model.Entry;
import dev.signet.model.EntryKind;
import dev.signet.model.LockEvent;
import dev.signet.schema.Schema;
import dev.signet.schema.Syntax;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.Locale;

/**
 * Locking keeps an account with a reason and a history; deleting moves an entry to the recycle
 * bin, from which it can be revived with its memberships until it is purged.
 */
@PermitAll
@Stateless
public class Lifecycle {
    /** How long a deleted entry stays revivable; {@code signet.recyclebin.days} overrides it. */
    static final Duration DEFAULT_RECYCLE_RETENTION = Duration.ofDays(7);
    private static final Logger LOG = Logger.getLogger(Lifecycle.class.getName());

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private Callers callers;
    @EJB
    private EntryLookup lookup;
    @EJB
    private WritePath writePath;
    @EJB
    private Audit audit;
    @EJB
    private EntryViews views;

    public void lock(EntryKind kind, String id, String reason) {
        Caller caller = callers.current();
        Account account = account(caller, kind, id, "lock");
        String why = reason == null || reason.isBlank() ? "locked" : Syntax.UTF8.normalise("reason", reason);
        writePath.write(EntryWrite.guarded(account, SyncOwnerDecides.LIFECYCLE).changing(e -> ((Account) e).lock(why)));
        em.persist(new LockEvent(account.uuid(), true, why, caller.uuid(), Instant.now()));
        audit.success(AuditType.ACCOUNT_LOCK, caller, account, why);
    }

    public void unlock(EntryKind kind, String id) {
        Caller caller = callers.current();
        Account account = account(caller, kind, id, "unlock");
        writePath.write(EntryWrite.guarded(account, SyncOwnerDecides.LIFECYCLE).changing(e -> ((Account) e).unlock()));
        em.persist(new LockEvent(account.uuid(), false, null, caller.uuid(), Instant.now()));
        audit.success(AuditType.ACCOUNT_UNLOCK, caller, account, null);
    }

    /** Moves a live entry to the recycle bin; the groups that contained it stop listing it. */
    public void delete(EntryKind kind, String id) {
        Caller caller = callers.current();
        Entry entry = lookup.require(kind, id);
        AccessControl.requireVisible(caller, entry, id);
        AccessControl.requireAdminister(caller, entry, "delete");
        if (BuiltinGroup.of(entry.uuid()).isPresent()) {
            throw new AccessDenied(entry.name() + " is built in and cannot be deleted");
        }
        if (caller.is(entry.uuid())) {
            throw new AccessDenied("an account cannot delete itself");
        }
        writePath.write(EntryWrite.recycle(entry, null));
        audit.success(AuditType.ENTRY_DELETE, caller, entry, "to recycle bin");
    }

    public List<EntryView> recycleBin() {
        Caller caller = callers.current();
        AccessControl.requireRecycleBin(caller);
        List<Entry> recycled = em.createQuery("select e from Entry e where e.recycledAt is not null order by e.recycledAt desc", Entry.class)
                .setMaxResults(Entries.MAX_PAGE).getResultList();
        return views.of(recycled, caller);
    }

    public EntryView revive(String id) {
        Caller caller = callers.current();
        AccessControl.requireRecycleBin(caller);
        Entry entry = recycled(id);
        // reviving gives the entry its memberships (and their rights) back
        if (!AccessControl.atLeastAsPrivileged(caller, entry)) {
            throw new AccessDenied("may not revive " + entry.name());
        }
        writePath.write(EntryWrite.revive(entry));
        audit.success(AuditType.ENTRY_REVIVE, caller, entry, null);
        return views.of(entry, caller);
    }

    /** Makes an account or group POSIX: allocates (or claims) its gid number, sets the shell. */
    public EntryView makePosix(EntryKind kind, String id, Long gidnumber, String shell) {
        Caller caller = callers.current();
        Entry entry = lookup.require(kind, id);
        AccessControl.requireVisible(caller, entry, id);
        AccessControl.requireAdminister(caller, entry, "make POSIX");
        String path = null;
        if (shell != null) {
            if (!(entry instanceof Account)) {
                throw new InvalidInput("shell", "only accounts have a login shell");
            }
            path = Syntax.UTF8.normalise(Schema.LOGINSHELL, shell);
            if (!path.startsWith("/")) {
                throw new InvalidInput(Schema.LOGINSHELL, "loginshell must be an absolute path");
            }
        }
        String loginshell = path;
        writePath.write(EntryWrite.guarded(entry, SyncOwnerDecides.LIFECYCLE).posix(gidnumber).changing(e -> {
            if (loginshell != null) {
                ((Account) e).setLoginshell(loginshell);
            }
        }));
        audit.success(AuditType.ENTRY_POSIX, caller, entry, "gidnumber " + entry.gidnumber().orElseThrow());
        return views.of(entry, caller);
    }

    /** Purges entries that have been in the recycle bin longer than the retention. */
    @Schedule(hour = "*", minute = "23", persistent = false)
    public void purgeExpired() {
        Instant cutoff = Instant.now().minus(retention());
        List<Entry> expired = em.createQuery("select e from Entry e where e.recycledAt < :cutoff", Entry.class)
                .setParameter("cutoff", cutoff).setMaxResults(Entries.MAX_PAGE).getResultList();
        writePath.writeAll(expired.stream().map(EntryWrite::purge).toList(), List.of());
        for (Entry entry : expired) {
            audit.success(AuditType.ENTRY_PURGE, Caller.SYSTEM, entry, "recycled at " + entry.recycledAt().orElseThrow());
        }
        if (!expired.isEmpty()) {
            LOG.info(() -> "Purged " + expired.size() + " entries from the recycle bin");
        }
    }

    /**
     * Purges one recycled entry now, before its retention ends (an admin who knows it must go:
     * everything that names it goes with it, and it can no longer be revived).
     */
    public void purge(String id) {
        Caller caller = callers.current();
        AccessControl.requireRecycleBin(caller);
        AccessControl.requireReadWrite(caller);
        Entry entry = recycled(id);
        if (!AccessControl.atLeastAsPrivileged(caller, entry)) {
            throw new AccessDenied("may not purge " + entry.name());
        }
        writePath.write(EntryWrite.purge(entry));
        audit.success(AuditType.ENTRY_PURGE, caller, entry, "recycled at " + entry.recycledAt().orElseThrow());
    }

    static Duration retention() {
        String days = System.getProperty("signet.recyclebin.days");
        return days == null ? DEFAULT_RECYCLE_RETENTION : Duration.ofDays(Long.parseLong(days));
    }

    private Entry recycled(String id) {
        Entry entry;
        try {
            entry = em.find(Entry.class, UUID.fromString(id.trim()));
        } catch (IllegalArgumentException notUuid) {
            entry = em.createQuery("select e from Entry e where e.name = :name and e.recycledAt is not null order by e.recycledAt desc", Entry.class)
                    .setParameter("name", id.trim().toLowerCase(Locale.ROOT)).setMaxResults(1)
                    .getResultStream().findFirst().orElse(null);
        }
        if (entry == null || !entry.recycled()) {
            throw new EntryNotFound(id);
        }
        return entry;
    }

    private Account account(Caller caller, EntryKind kind, String id, String action) {
        Entry entry = lookup.require(kind, id);
        AccessControl.requireVisible(caller, entry, id);
        if (!(entry instanceof Account account)) {
            throw new InvalidInput("id", "only accounts can be locked");
        }
        AccessControl.requireAdminister(caller, entry, action);
        return account;
    }
}
