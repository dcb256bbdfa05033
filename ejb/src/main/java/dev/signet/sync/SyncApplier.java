package dev.signet.sync;

import dev.signet.audit.AuditType;
import dev.signet.access.Caller;
import dev.signet.audit.Audit;
import dev.signet.entry.EntryWrite;
import dev.signet.entry.WritePath;
import dev.signet.entry.WriteRefused;
import dev.signet.fault.Conflict;
import dev.signet.model.Account;
import dev.signet.model.Entry;
import dev.signet.schema.InLists;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import dev.signet.credential.Passwords;

/**
 * Applies a sync account's change set, whoever brought it (the SCIM push, the LDAP sync job), in
 * the caller's one transaction: any conflict refuses it all, with a report naming each entry and
 * the rule it broke, and the sync state (cookie) stays as it was.
 *
 * <p>Sized for 100k entries in one transaction: every rule is checked up front with a few bulk
 * queries ({@link SyncConflictCheck} for the sync account's own, the write path's rules in their
 * bulk form for the rest), so the writes need no query of their own and the session
 * flushes only when asked (not before each query, which made a large run quadratic); an entry
 * the source sent unchanged since the last run (same digest) is not touched at all.
 */
// access checked: the callers authenticated the sync account (token or job)
@PermitAll
@Stateless
public class SyncApplier {
    /** A change set's pseudo-attribute for the password hash the source holds ({SSHA}, {PBKDF2-SHA256}, crypt). */
    public static final String PASSWORD_HASH = "password_hash";

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private WritePath writePath;
    @EJB
    private Passwords passwords;
    @EJB
    private Audit audit;

    public SyncChangeSet.Applied apply(SyncAccount account, SyncChangeSet changes) {
        Caller actor = new Caller(account.uuid(), account.name(), Set.of(), true, false);
        String current = account.cookie().orElse(null);
        boolean stateMatches = changes.fromCookie() == null ? current == null
                : current != null && MessageDigest.isEqual(current.getBytes(StandardCharsets.UTF_8),
                changes.fromCookie().getBytes(StandardCharsets.UTF_8));
        if (!stateMatches) {
            audit.failure(AuditType.SYNC_APPLY, actor, null, account.name(), "stale from_state: the source must refresh");
            throw new Conflict("from_state", "from_state does not match the sync state Signet holds for " + account.name()
                    + "; fetch GET /scim/v1/Sync and send the changes since then (or a refresh)");
        }
        FlushModeType before = em.getFlushMode();
        em.setFlushMode(FlushModeType.COMMIT);
        try {
            Set<UUID> owned = new HashSet<>(em.createQuery("select e.uuid from Entry e where e.syncParent = :owner", UUID.class)
                    .setParameter("owner", account.uuid()).getResultList());
            // the sync account's own rules first; the write path adds what its rules refuse, all in one report
            List<String> conflicts = new SyncConflictCheck(em, changes, owned).run();
            SyncChangeSet.Applied applied;
            try {
                applied = write(account, changes, owned, conflicts);
            } catch (WriteRefused refused) {
                audit.failure(AuditType.SYNC_APPLY, actor, null, account.name(), refused.conflicts().size() + " conflicts; nothing applied");
                throw new SyncConflicts(refused.conflicts());
            }
            audit.success(AuditType.SYNC_APPLY, actor, null, "sync account " + account.name() + ": " + applied.created() + " created, "
                    + applied.updated() + " updated, " + applied.deleted() + " deleted, " + applied.unchanged() + " unchanged");
            return applied;
        } finally {
            em.setFlushMode(before);
        }
    }

    private SyncChangeSet.Applied write(SyncAccount account, SyncChangeSet changes, Set<UUID> ownedIds, List<String> conflicts) {
        Set<UUID> listed = new HashSet<>();
        changes.entries().forEach(i -> listed.add(i.uuid()));
        Set<UUID> removed = new HashSet<>();
        for (UUID uuid : ownedIds) {
            if (changes.deleteUuids().contains(uuid) || changes.deleteMissing() && !listed.contains(uuid)) {
                removed.add(uuid);
            }
        }
        Map<UUID, Entry> owned = load(ownedIds.stream().filter(u -> listed.contains(u) || removed.contains(u)).toList());
        List<EntryWrite> writes = new ArrayList<>();
        int deleted = 0;
        for (UUID uuid : removed) {
            Entry entry = owned.get(uuid);
            if (!entry.recycled()) {
                writes.add(EntryWrite.recycle(entry, account.uuid()));
                deleted++;
            }
        }
        int created = 0;
        int unchanged = 0;
        Map<UUID, String> digests = new HashMap<>();
        Map<UUID, List<String>> hashes = new HashMap<>();
        for (SyncChangeSet.Item item : changes.entries()) {
            String digest = SourceDigest.of(item);
            Entry existing = owned.get(item.uuid());
            if (existing != null && !existing.recycled() && digest.equals(existing.syncDigest().orElse(null))) {
                unchanged++;
                continue;
            }
            if (existing == null) {
                created++;
            }
            digests.put(item.uuid(), digest);
            Map<String, List<String>> attrs = new HashMap<>(item.attrs());
            List<String> hash = attrs.remove(PASSWORD_HASH);
            if (hash != null) {
                hashes.put(item.uuid(), hash);
            }
            writes.add(EntryWrite.imported(account.uuid(), existing, item.kind(), item.uuid(), item.externalId(), attrs));
        }
        writePath.writeAll(writes, conflicts);
        for (EntryWrite write : writes) {
            if (write.op() == EntryWrite.Op.RECYCLE) {
                write.entry().sourceDigest(null);
                continue;
            }
            write.entry().sourceDigest(digests.get(write.uuid()));
            List<String> hash = hashes.get(write.uuid());
            if (hash != null && !hash.isEmpty() && write.entry() instanceof Account imported) {
                passwords.importSynced(imported, hash.get(0));
            }
        }
        account.advance(changes.toCookie());
        return new SyncChangeSet.Applied(created, changes.entries().size() - created - unchanged, deleted, unchanged, changes.toCookie());
    }

    /** The entries, a thousand per query (a run may touch 100k). */
    private Map<UUID, Entry> load(List<UUID> uuids) {
        Map<UUID, Entry> found = new HashMap<>();
        for (List<UUID> chunk : InLists.chunks(uuids)) {
            em.createQuery("select e from Entry e where e.uuid in :ids", Entry.class).setParameter("ids", chunk)
                    .getResultList().forEach(e -> found.put(e.uuid(), e));
        }
        return found;
    }
}
