package dev.signet.sync;

import dev.signet.entry.Entries;
import dev.signet.fault.InvalidInput;
import dev.signet.model.EntryKind;
import dev.signet.schema.Schema;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every rule a change set would break, one line per entry, found with a few bulk queries before
 * anything is written: an id twice, a name twice or taken by an entry this run does not remove, an
 * id or a mail address held by an entry the sync account does not own, an entry changing kind, a
 * group member the sync account does not own, account policy.
 */
final class SyncConflictCheck {
    /** Bind parameters per IN list: well below PostgreSQL's 32767 per statement. */
    private static final int CHUNK = 1000;

    private final EntityManager em;
    private final SyncAccount account;
    private final SyncChangeSet changes;
    private final Set<UUID> owned;
    private final List<String> found = new ArrayList<>();

    SyncConflictCheck(EntityManager em, SyncAccount account, SyncChangeSet changes, Set<UUID> owned) {
        this.em = em;
        this.account = account;
        this.changes = changes;
        this.owned = owned;
    }

    List<String> run() {
        Set<UUID> listed = new HashSet<>();
        Map<String, SyncChangeSet.Item> byName = new HashMap<>();
        Map<String, SyncChangeSet.Item> byMail = new HashMap<>();
        for (SyncChangeSet.Item item : changes.entries()) {
            if (!listed.add(item.uuid())) {
                found.add(label(item) + ": the same id twice in one change set");
            }
            String name;
            try {
                name = Schema.require(Schema.NAME, item.kind()).syntax().normalise(Schema.NAME, item.name());
                for (String raw : item.attrs().getOrDefault(Schema.MAIL, List.of())) {
                    String mail = Schema.require(Schema.MAIL, item.kind()).syntax().normalise(Schema.MAIL, raw);
                    if (byMail.putIfAbsent(mail, item) != null) {
                        found.add(label(item) + ": mail " + mail + " twice in one change set");
                    }
                }
            } catch (InvalidInput e) {
                found.add(label(item) + ": " + e.getMessage());
                continue;
            }
            if (byName.putIfAbsent(name, item) != null) {
                found.add(label(item) + ": name " + name + " twice in one change set");
            }
        }
        idsHeldElsewhere(listed);
        kindsChanged();
        membersOwned(listed);
        noAccountPolicy();
        namesTaken(byName, listed);
        mailTaken(byMail, listed);
        return found;
    }

    /** An entry's kind is for life: a person's id under the group schema would give the person group attributes. */
    private void kindsChanged() {
        for (EntryKind kind : EntryKind.values()) {
            Map<UUID, SyncChangeSet.Item> ofKind = new HashMap<>();
            changes.entries().stream().filter(i -> i.kind() == kind && owned.contains(i.uuid())).forEach(i -> ofKind.put(i.uuid(), i));
            for (List<UUID> chunk : chunks(List.copyOf(ofKind.keySet()))) {
                for (Object[] row : em.createQuery("select e.uuid, e.name from Entry e where e.uuid in :ids and type(e) <> :type", Object[].class)
                        .setParameter("ids", chunk).setParameter("type", Entries.entityClass(kind)).getResultList()) {
                    found.add(label(ofKind.get((UUID) row[0])) + ": id belongs to " + row[1] + ", which is not a " + kind.restName()
                            + " (an entry's kind never changes)");
                }
            }
        }
    }

    /**
     * A synced group holds only entries of its own sync account (this change set's or imported
     * before): a source must not reach local accounts, or another source's, through its groups.
     */
    private void membersOwned(Set<UUID> listed) {
        for (SyncChangeSet.Item item : changes.entries()) {
            for (String ref : item.attrs().getOrDefault(Schema.MEMBER, List.of())) {
                UUID member;
                try {
                    member = UUID.fromString(ref.trim());
                } catch (IllegalArgumentException e) {
                    found.add(label(item) + ": member " + ref + " is not the id of an entry");
                    continue;
                }
                if (!owned.contains(member) && !listed.contains(member)) {
                    found.add(label(item) + ": member " + member + " is not an entry of this sync account");
                }
            }
        }
    }

    /**
     * Account policy decides how accounts log in; a sync source never sets it, so a source
     * cannot lock anyone out through its groups. Admins set it locally (where the sync account
     * yields it), subject to administering every member.
     */
    private void noAccountPolicy() {
        for (SyncChangeSet.Item item : changes.entries()) {
            item.attrs().keySet().stream().filter(Schema.ACCOUNT_POLICY::contains).sorted().forEach(attr ->
                    found.add(label(item) + ": " + attr + " is account policy, which a sync source does not set"));
        }
    }

    /** Whether this run removes the (owned) entry: listed for deletion, or a full refresh that does not list it. */
    private boolean removedByThisRun(UUID uuid, Set<UUID> listed) {
        return owned.contains(uuid) && (changes.deleteUuids().contains(uuid) || changes.deleteMissing() && !listed.contains(uuid));
    }

    private void idsHeldElsewhere(Set<UUID> listed) {
        List<UUID> unknown = listed.stream().filter(u -> !owned.contains(u)).toList();
        Map<UUID, String> holders = new HashMap<>();
        for (List<UUID> chunk : chunks(unknown)) {
            for (Object[] row : em.createQuery("select e.uuid, e.name from Entry e where e.uuid in :ids", Object[].class)
                    .setParameter("ids", chunk).getResultList()) {
                holders.put((UUID) row[0], (String) row[1]);
            }
        }
        for (SyncChangeSet.Item item : changes.entries()) {
            if (holders.containsKey(item.uuid())) {
                found.add(label(item) + ": id belongs to " + holders.get(item.uuid()) + ", which this sync account does not own");
            }
        }
    }

    private void namesTaken(Map<String, SyncChangeSet.Item> byName, Set<UUID> listed) {
        for (List<String> chunk : chunks(List.copyOf(byName.keySet()))) {
            for (Object[] row : em.createQuery("select e.uuid, e.liveName, e.syncParent from Entry e where e.liveName in :names", Object[].class)
                    .setParameter("names", chunk).getResultList()) {
                UUID holder = (UUID) row[0];
                SyncChangeSet.Item item = byName.get((String) row[1]);
                if (holder.equals(item.uuid()) || removedByThisRun(holder, listed)) {
                    continue;
                }
                found.add(label(item) + ": name " + row[1] + " is taken by " + (row[2] == null ? "a local entry"
                        : row[2].equals(account.uuid()) ? "another entry of this sync account" : "an entry of another sync account"));
            }
        }
    }

    private void mailTaken(Map<String, SyncChangeSet.Item> byMail, Set<UUID> listed) {
        for (List<String> chunk : chunks(List.copyOf(byMail.keySet()))) {
            for (Object[] row : em.createQuery("select m, e.uuid, e.syncParent from Entry e join e.mail m"
                            + " where m in :mails and e.recycledAt is null", Object[].class)
                    .setParameter("mails", chunk).getResultList()) {
                UUID holder = (UUID) row[1];
                // an entry of this change set gives its mail up if the source no longer lists it there
                if (listed.contains(holder) || removedByThisRun(holder, listed)) {
                    continue;
                }
                found.add(label(byMail.get((String) row[0])) + ": mail " + row[0] + " is taken by "
                        + (row[2] == null ? "a local entry" : "an entry of another sync account"));
            }
        }
    }

    private static String label(SyncChangeSet.Item item) {
        return item.externalId() + " (" + item.uuid() + ")";
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
