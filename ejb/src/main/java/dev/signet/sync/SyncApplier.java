package dev.signet.sync;

import dev.signet.access.Caller;
import dev.signet.audit.Audit;
import dev.signet.entry.Entries;
import dev.signet.fault.Conflict;
import dev.signet.model.Account;
import dev.signet.model.Entry;
import dev.signet.model.Group;
import dev.signet.schema.Schema;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a sync account's change set, whoever brought it (the SCIM push, the LDAP sync job), in
 * the caller's one transaction: any conflict refuses it all, with a report naming each entry and
 * the rule it broke, and the sync state (cookie) stays as it was.
 *
 * <p>Sized for 100k entries in one transaction: every rule is checked up front with a few bulk
 * queries ({@link SyncConflictCheck}), so the writes need no query of their own and the session
 * flushes only when asked (not before each query, which made a large run quadratic); an entry
 * the source sent unchanged since the last run (same digest) is not touched at all.
 */
// access is decided in code: the callers authenticated the sync account (token or job)
@PermitAll
@Stateless
public class SyncApplier {
    /** A change set's pseudo-attribute for the password hash the source holds ({SSHA}, {PBKDF2-SHA256}, crypt). */
    public static final String PASSWORD_HASH = "password_hash";

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private Entries entries;
    @EJB
    private dev.signet.credential.Passwords passwords;
    @EJB
    private Audit audit;

    public SyncChangeSet.Applied apply(SyncAccount account, SyncChangeSet changes) {
        Caller actor = new Caller(account.uuid(), account.name(), Set.of(), true, false);
        String current = account.cookie().orElse(null);
        boolean stateMatches = changes.fromCookie() == null ? current == null
                : current != null && MessageDigest.isEqual(current.getBytes(StandardCharsets.UTF_8),
                changes.fromCookie().getBytes(StandardCharsets.UTF_8));
        if (!stateMatches) {
            audit.failure("sync.apply", actor, null, account.name(), "stale from_state: the source must refresh");
            throw new Conflict("from_state", "from_state does not match the sync state Signet holds for " + account.name()
                    + "; fetch GET /scim/v1/Sync and send the changes since then (or a refresh)");
        }
        FlushModeType before = em.getFlushMode();
        em.setFlushMode(FlushModeType.COMMIT);
        try {
            Set<UUID> owned = new HashSet<>(em.createQuery("select e.uuid from Entry e where e.syncParent = :owner", UUID.class)
                    .setParameter("owner", account.uuid()).getResultList());
            List<String> conflicts = new SyncConflictCheck(em, account, changes, owned).run();
            if (!conflicts.isEmpty()) {
                audit.failure("sync.apply", actor, null, account.name(), conflicts.size() + " conflicts; nothing applied");
                throw new SyncConflicts(conflicts);
            }
            SyncChangeSet.Applied applied = write(account, changes, owned);
            audit.success("sync.apply", actor, null, "sync account " + account.name() + ": " + applied.created() + " created, "
                    + applied.updated() + " updated, " + applied.deleted() + " deleted, " + applied.unchanged() + " unchanged");
            return applied;
        } finally {
            em.setFlushMode(before);
        }
    }

    private SyncChangeSet.Applied write(SyncAccount account, SyncChangeSet changes, Set<UUID> ownedIds) {
        int created = 0;
        int unchanged = 0;
        Set<UUID> membershipChanges = new HashSet<>();
        Map<UUID, String> digests = new HashMap<>();
        // removals first, so a name the source moved to a new entry is free when that entry is written
        int deleted = 0;
        Instant now = Instant.now();
        Set<UUID> listed = new HashSet<>();
        changes.entries().forEach(i -> listed.add(i.uuid()));
        Set<UUID> removed = new HashSet<>();
        for (UUID uuid : ownedIds) {
            if (changes.deleteUuids().contains(uuid) || changes.deleteMissing() && !listed.contains(uuid)) {
                removed.add(uuid);
            }
        }
        Map<UUID, Entry> owned = load(ownedIds.stream().filter(u -> listed.contains(u) || removed.contains(u)).toList());
        for (UUID uuid : removed) {
            Entry entry = owned.get(uuid);
            if (!entry.recycled()) {
                entry.recycle(now);
                entry.sourceDigest(null);
                if (entry instanceof Group group) {
                    membershipChanges.addAll(group.members());
                }
                deleted++;
            }
        }
        em.flush();
        // entries first without members (a group may list members that come later), then members
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
            Map<String, List<String>> plain = new HashMap<>(item.attrs());
            plain.remove(Schema.MEMBER);
            List<String> hash = plain.remove(PASSWORD_HASH);
            membershipChanges.addAll(entries.importSynced(account.uuid(), existing, item.kind(), item.uuid(), item.externalId(), plain));
            Entry written = em.find(Entry.class, item.uuid());
            written.sourceDigest(digest);
            if (hash != null && !hash.isEmpty() && written instanceof Account imported) {
                passwords.importSynced(imported, hash.get(0));
            }
        }
        em.flush();
        for (SyncChangeSet.Item item : changes.entries()) {
            if (digests.containsKey(item.uuid()) && item.attrs().containsKey(Schema.MEMBER)) {
                membershipChanges.addAll(entries.importSynced(account.uuid(), em.find(Entry.class, item.uuid()), item.kind(), item.uuid(), item.externalId(),
                        Map.of(Schema.NAME, List.of(item.name()),
                                Schema.MEMBER, item.attrs().get(Schema.MEMBER))));
            }
        }
        entries.refreshMemberships(membershipChanges);
        account.advance(changes.toCookie());
        return new SyncChangeSet.Applied(created, changes.entries().size() - created - unchanged, deleted, unchanged, changes.toCookie());
    }

    /** The entries, a thousand per query (a run may touch 100k). */
    private Map<UUID, Entry> load(List<UUID> uuids) {
        Map<UUID, Entry> found = new HashMap<>();
        for (int i = 0; i < uuids.size(); i += 1000) {
            em.createQuery("select e from Entry e where e.uuid in :ids", Entry.class).setParameter("ids", uuids.subList(i, Math.min(uuids.size(), i + 1000)))
                    .getResultList().forEach(e -> found.put(e.uuid(), e));
        }
        return found;
    }
}
