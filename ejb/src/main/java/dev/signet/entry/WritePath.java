package dev.signet.entry;

import dev.signet.fault.Conflict;
import dev.signet.model.Entry;
import dev.signet.model.Group;
import dev.signet.model.Person;
import dev.signet.model.ServiceAccount;
import dev.signet.schema.AttributeDefinition;
import dev.signet.schema.Schema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The one way an entry is created, changed, recycled, revived, purged or imported, whoever asks
 * (REST, the console, a sync run, first boot, recovery). Kanidm's write pipeline: the values are
 * normalised and checked against the schema, the caller's access check runs on them, then the
 * remaining pre-write rules, the write itself, and the post-write rules, each rule a small bean
 * named for what it keeps true. The order is the list below and nowhere else; uniqueness is last
 * before the write (every other rule may still change the values), referential integrity before
 * memberof after it (it decides whose memberships changed).
 *
 * <p>Access control stays with the callers (they know who asks and why); sync runs are not
 * access-checked here, their token was.
 */
// access checked: by the callers (AccessControl), which run in the same transaction
@PermitAll
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class WritePath {
    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @Inject
    private ValuesFitSchema valuesFitSchema;
    @Inject
    private SyncOwnerDecides syncOwnerDecides;
    @Inject
    private PosixIdsOnceOnly posixIdsOnceOnly;
    @Inject
    private UniqueValues uniqueValues;
    @Inject
    private ReferentialIntegrity referentialIntegrity;
    @Inject
    private MemberOfIsTransitive memberOfIsTransitive;

    /** Run before the caller's access check: normalising values and resolving references (access needs them). */
    private List<WriteRule> transform;
    /** Run after the access check, in this order; uniqueness last. */
    private List<WriteRule> pre;
    /** Run after the write is flushed, in this order. */
    private List<WriteRule> post;

    @PostConstruct
    void order() {
        transform = List.of(valuesFitSchema);
        pre = List.of(syncOwnerDecides, posixIdsOnceOnly, uniqueValues);
        post = List.of(referentialIntegrity, memberOfIsTransitive);
    }

    /** One write; the first rule it breaks is the answer. */
    public void write(EntryWrite write) {
        run(List.of(write), Refusals.failFast());
    }

    /**
     * A change set, written whole or not at all: every conflict is collected (after those the
     * caller already {@code found}) and refused together as {@link WriteRefused}.
     */
    public void writeAll(List<EntryWrite> writes, List<String> found) {
        run(writes, Refusals.collecting(found));
    }

    private void run(List<EntryWrite> writes, Refusals refusals) {
        transform.forEach(rule -> rule.before(writes, refusals));
        if (!refusals.any()) {
            // a new entry exists (unstored) from here on, so the access check and the rules can see it
            writes.stream().filter(w -> w.op() == EntryWrite.Op.CREATE).forEach(w -> w.entry(newEntry(w)));
            writes.forEach(EntryWrite::checkAccess);
        }
        for (WriteRule rule : pre) {
            rule.before(writes, refusals);
        }
        refusals.throwIfAny();
        Instant now = Instant.now();
        // removals first, flushed, so a name the set moves from a removed entry to a new one is free
        // when the new one is inserted (a flush inserts before it updates)
        List<EntryWrite> removals = writes.stream().filter(EntryWrite::removes).toList();
        if (!removals.isEmpty()) {
            removals.forEach(w -> store(w, now));
            flush(removals);
        }
        writes.stream().filter(w -> !w.removes()).forEach(w -> store(w, now));
        flush(writes);
        post.forEach(rule -> rule.after(writes));
    }

    private void store(EntryWrite w, Instant now) {
        switch (w.op()) {
            case CREATE -> {
                em.persist(w.entry());
                storeValues(w);
            }
            case IMPORT -> {
                if (w.entry() == null) {
                    w.entry(newEntry(w));
                    em.persist(w.entry());
                } else if (w.entry().recycled()) {
                    w.entry().revive(now);
                    // back in its groups (and, for a group, above its members): memberof was cleared
                    // or went stale while it was in the recycle bin, and its member list may be unchanged
                    w.membershipChanges().add(w.uuid());
                }
                w.entry().syncedBy(w.syncOwner().orElseThrow(), w.externalId());
                storeValues(w);
                w.entry().touch(now);
            }
            case MODIFY -> {
                if (w.touches()) {
                    storeValues(w);
                    w.applyChange();
                    w.entry().touch(now);
                }
            }
            case RECYCLE -> w.entry().recycle(now);
            case REVIVE -> w.entry().revive(now);
            case PURGE -> em.remove(w.entry());
        }
    }

    private static Entry newEntry(EntryWrite w) {
        String name = w.values().get(Schema.NAME).get(0);
        Instant now = Instant.now();
        return switch (w.kind()) {
            case PERSON -> new Person(w.uuid(), name, now);
            case GROUP -> new Group(w.uuid(), name, now);
            case SERVICE_ACCOUNT -> new ServiceAccount(w.uuid(), name, now);
        };
    }

    private static void storeValues(EntryWrite w) {
        Entry entry = w.entry();
        for (Map.Entry<String, List<String>> attr : w.values().entrySet()) {
            if (attr.getKey().equals(Schema.MEMBER)) {
                storeMembers(w, (Group) entry, attr.getValue());
            } else {
                AttributeDefinition def = Schema.require(attr.getKey(), entry.kind());
                AttributeBinding.write(entry, def, attr.getValue());
            }
        }
        w.gidnumber().ifPresent(entry::setGidnumber);
    }

    private static void storeMembers(EntryWrite w, Group group, List<String> uuids) {
        Set<UUID> wanted = new LinkedHashSet<>();
        uuids.forEach(u -> wanted.add(UUID.fromString(u)));
        Set<UUID> changed = new HashSet<>(group.members());
        changed.addAll(wanted);
        Set<UUID> unchanged = new HashSet<>(group.members());
        unchanged.retainAll(wanted);
        changed.removeAll(unchanged);
        if (!changed.isEmpty()) {
            group.members().clear();
            group.members().addAll(wanted);
            w.membershipChanges().addAll(changed);
        }
    }

    private void flush(List<EntryWrite> writes) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            // the database's unique constraints are the last word when two writers race
            String what = writes.size() == 1 ? writes.get(0).label() : writes.size() + " entries";
            throw new Conflict(Schema.NAME, "conflicting change for " + what + "; retry");
        }
    }
}
