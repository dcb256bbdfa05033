package dev.signet.sync;

import dev.signet.entry.Entries;
import dev.signet.fault.InvalidInput;
import dev.signet.model.EntryKind;
import dev.signet.schema.InLists;
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
 * The rules of a sync account's own, which a change set would break, one line per entry, found
 * before anything is written: an id twice, a name or mail that is no name or mail, an entry
 * changing kind, a group member the sync account does not own, account policy. The rules every
 * write keeps (names and mail unique, ids owned, POSIX ids) the write path adds in their bulk form.
 */
final class SyncConflictCheck {
    private final EntityManager em;
    private final SyncChangeSet changes;
    private final Set<UUID> owned;
    private final List<String> found = new ArrayList<>();

    /** {@code em} may be null when only {@link #inSet} is asked. */
    SyncConflictCheck(EntityManager em, SyncChangeSet changes, Set<UUID> owned) {
        this.em = em;
        this.changes = changes;
        this.owned = owned;
    }

    List<String> run() {
        inSet();
        kindsChanged();
        return found;
    }

    /** What the change set breaks by itself, without asking the database. */
    List<String> inSet() {
        Set<UUID> listed = new HashSet<>();
        for (SyncChangeSet.Item item : changes.entries()) {
            if (!listed.add(item.uuid())) {
                found.add(label(item) + ": the same id twice in one change set");
            }
            try {
                Schema.require(Schema.NAME, item.kind()).syntax().normalise(Schema.NAME, item.name());
                for (String raw : item.attrs().getOrDefault(Schema.MAIL, List.of())) {
                    Schema.require(Schema.MAIL, item.kind()).syntax().normalise(Schema.MAIL, raw);
                }
            } catch (InvalidInput e) {
                found.add(label(item) + ": " + e.getMessage());
            }
        }
        membersOwned(listed);
        noAccountPolicy();
        return found;
    }

    /** An entry's kind is for life: a person's id under the group schema would give the person group attributes. */
    private void kindsChanged() {
        for (EntryKind kind : EntryKind.values()) {
            Map<UUID, SyncChangeSet.Item> ofKind = new HashMap<>();
            changes.entries().stream().filter(i -> i.kind() == kind && owned.contains(i.uuid())).forEach(i -> ofKind.put(i.uuid(), i));
            for (List<UUID> chunk : InLists.chunks(ofKind.keySet())) {
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

    private static String label(SyncChangeSet.Item item) {
        return item.externalId() + " (" + item.uuid() + ")";
    }
}
