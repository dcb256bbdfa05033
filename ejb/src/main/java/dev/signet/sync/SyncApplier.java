package dev.signet.sync;

import dev.signet.access.Caller;
import dev.signet.audit.Audit;
import dev.signet.entry.EntryLookup;
import dev.signet.entry.Entries;
import dev.signet.fault.Conflict;
import dev.signet.model.Entry;
import dev.signet.model.Group;
import dev.signet.schema.Schema;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a sync account's change set, whoever brought it (the SCIM push, the LDAP sync job), in
 * the caller's one transaction: any conflict refuses it all, with a report naming each entry and
 * the rule it broke, and the sync state (cookie) stays as it was.
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
    private EntryLookup lookup;
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
        List<String> conflicts = conflicts(account, changes);
        if (!conflicts.isEmpty()) {
            audit.failure("sync.apply", actor, null, account.name(), conflicts.size() + " conflicts; nothing applied");
            throw new Conflict("entries", "nothing was applied; " + conflicts.size() + " conflict(s):\n" + String.join("\n", conflicts));
        }
        int created = 0;
        Set<UUID> membershipChanges = new HashSet<>();
        // entries first without members (a group may list members that come later), then members
        for (SyncChangeSet.Item item : changes.entries()) {
            if (em.find(Entry.class, item.uuid()) == null) {
                created++;
            }
            Map<String, List<String>> plain = new HashMap<>(item.attrs());
            plain.remove(Schema.MEMBER);
            List<String> hash = plain.remove(PASSWORD_HASH);
            membershipChanges.addAll(entries.importSynced(account.uuid(), item.kind(), item.uuid(), item.externalId(), plain));
            if (hash != null && !hash.isEmpty() && em.find(Entry.class, item.uuid()) instanceof dev.signet.model.Account imported) {
                passwords.importSynced(imported, hash.get(0));
            }
        }
        em.flush();
        for (SyncChangeSet.Item item : changes.entries()) {
            if (item.attrs().containsKey(Schema.MEMBER)) {
                membershipChanges.addAll(entries.importSynced(account.uuid(), item.kind(), item.uuid(), item.externalId(),
                        Map.of(Schema.NAME, List.of(item.name()), Schema.MEMBER, item.attrs().get(Schema.MEMBER))));
            }
        }
        int deleted = 0;
        Instant now = Instant.now();
        Set<UUID> listed = new HashSet<>();
        changes.entries().forEach(i -> listed.add(i.uuid()));
        for (Entry owned : SyncAuthority.owned(em, account.uuid())) {
            boolean delete = changes.deleteUuids().contains(owned.uuid()) || (changes.deleteMissing() && !listed.contains(owned.uuid()));
            if (delete && !owned.recycled()) {
                owned.recycle(now);
                if (owned instanceof Group group) {
                    membershipChanges.addAll(group.members());
                }
                deleted++;
            }
        }
        entries.refreshMemberships(membershipChanges);
        account.advance(changes.toCookie());
        SyncChangeSet.Applied applied = new SyncChangeSet.Applied(created, changes.entries().size() - created, deleted, changes.toCookie());
        audit.success("sync.apply", actor, null, "sync account " + account.name() + ": " + applied.created() + " created, "
                + applied.updated() + " updated, " + applied.deleted() + " deleted");
        return applied;
    }

    /** Every rule the change set would break, one line per entry; nothing is written while checking. */
    private List<String> conflicts(SyncAccount account, SyncChangeSet changes) {
        List<String> found = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<UUID> uuids = new HashSet<>();
        for (SyncChangeSet.Item item : changes.entries()) {
            String label = item.externalId() + " (" + item.uuid() + ")";
            if (!uuids.add(item.uuid())) {
                found.add(label + ": the same id twice in one change set");
            }
            String name;
            try {
                name = Schema.require(Schema.NAME, item.kind()).syntax().normalise(Schema.NAME, item.name());
            } catch (dev.signet.fault.InvalidInput e) {
                found.add(label + ": " + e.getMessage());
                continue;
            }
            if (!names.add(name)) {
                found.add(label + ": name " + name + " twice in one change set");
            }
            Entry existing = em.find(Entry.class, item.uuid());
            if (existing != null && !account.uuid().equals(existing.syncParent().orElse(null))) {
                found.add(label + ": id belongs to " + existing.name() + ", which this sync account does not own");
            }
            Optional<Entry> holder = lookup.live(name).filter(e -> !e.uuid().equals(item.uuid()));
            if (holder.isPresent()) {
                Entry other = holder.get();
                found.add(label + ": name " + name + " is taken by " + (other.syncParent().isEmpty() ? "a local entry"
                        : other.syncParent().get().equals(account.uuid()) ? "another entry of this sync account"
                        : "an entry of another sync account"));
            }
        }
        return found;
    }
}
