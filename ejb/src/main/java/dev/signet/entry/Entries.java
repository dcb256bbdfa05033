package dev.signet.entry;

import dev.signet.sync.SyncAuthority;
import jakarta.annotation.security.PermitAll;
import dev.signet.access.AccessControl;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.fault.Conflict;
import dev.signet.fault.InvalidInput;
import dev.signet.model.Entry;
import dev.signet.model.EntryKind;
import dev.signet.model.Group;
import dev.signet.model.Person;
import dev.signet.model.ServiceAccount;
import dev.signet.schema.AttributeDefinition;
import dev.signet.schema.Match;
import dev.signet.schema.Schema;
import dev.signet.schema.Storage;
import dev.signet.schema.Syntax;
import dev.signet.schema.Visibility;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Creating, reading, changing and deleting entries of every kind. Each call finds its caller,
 * checks access, validates through the schema, keeps the write-path invariants (unique names and
 * mail, memberof) and audits, all in one transaction.
 */
// access is decided in code (AccessControl), per entry and attribute, not by container roles
@PermitAll
@Stateless
public class Entries {
    /** Page size when a client asks for none, and the most it may ask for. */
    public static final int DEFAULT_PAGE = 100;
    public static final int MAX_PAGE = 1000;

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private Callers callers;
    @EJB
    private EntryLookup lookup;
    @EJB
    private MemberOf memberOf;
    @EJB
    private Audit audit;
    @EJB
    private EntryViews views;
    @EJB
    private PosixIds posixIds;

    public EntryView create(EntryKind kind, Map<String, List<String>> attrs) {
        Caller caller = callers.current();
        AccessControl.requireCreate(caller, kind);
        List<String> names = attrs.getOrDefault(Schema.NAME, List.of());
        if (names.size() != 1) {
            throw new InvalidInput(Schema.NAME, "name is required, exactly one value");
        }
        String name = Schema.require(Schema.NAME, kind).syntax().normalise(Schema.NAME, names.get(0));
        requireNameFree(name, null);
        Instant now = Instant.now();
        Entry entry = switch (kind) {
            case PERSON -> new Person(UUID.randomUUID(), name, now);
            case GROUP -> new Group(UUID.randomUUID(), name, now);
            case SERVICE_ACCOUNT -> new ServiceAccount(UUID.randomUUID(), name, now);
        };
        if (kind == EntryKind.PERSON && !attrs.containsKey(Schema.DISPLAYNAME)) {
            throw new InvalidInput(Schema.DISPLAYNAME, "a person needs a displayname");
        }
        em.persist(entry);
        Set<UUID> membershipChanges = new HashSet<>();
        for (Map.Entry<String, List<String>> attr : attrs.entrySet()) {
            if (!attr.getKey().equals(Schema.NAME)) {
                membershipChanges.addAll(apply(caller, entry, attr.getKey(), attr.getValue(), Write.CREATE));
            }
        }
        flush(Schema.NAME, name);
        memberOf.refresh(membershipChanges);
        audit.success("entry.create", caller, entry, kind.restName());
        return views.of(entry, caller);
    }

    /**
     * Creates or updates an entry on behalf of its sync account (the sync token authenticated the
     * request, so no caller checks here; the sync service checked ownership and names first).
     * {@code existing} is the entry with that UUID, or null when the caller checked there is none
     * (a sync run creates 100k entries without a lookup each). Returns the entries whose
     * memberships changed; call {@link #refreshMemberships} once after.
     */
    public Set<UUID> importSynced(UUID owner, Entry existing, EntryKind kind, UUID uuid, String externalId, Map<String, List<String>> attrs) {
        Instant now = Instant.now();
        String name = Schema.require(Schema.NAME, kind).syntax().normalise(Schema.NAME,
                attrs.getOrDefault(Schema.NAME, List.of("")).stream().findFirst().orElse(""));
        Entry entry = existing;
        Set<UUID> changes = new HashSet<>();
        if (entry == null) {
            entry = switch (kind) {
                case PERSON -> new Person(uuid, name, now);
                case GROUP -> new Group(uuid, name, now);
                case SERVICE_ACCOUNT -> new ServiceAccount(uuid, name, now);
            };
            em.persist(entry);
        } else {
            if (entry.recycled()) {
                entry.revive(now);
                // back in its groups (and, for a group, above its members): memberof was cleared
                // or went stale while it was in the recycle bin, and its member list may be unchanged
                changes.add(entry.uuid());
            }
            entry.rename(name);
        }
        entry.syncedBy(owner, externalId);
        for (Map.Entry<String, List<String>> attr : attrs.entrySet()) {
            if (attr.getKey().equals(Schema.GIDNUMBER)) {
                importGidnumber(entry, attr.getValue());
            } else if (!attr.getKey().equals(Schema.NAME)) {
                changes.addAll(apply(Caller.SYSTEM, entry, attr.getKey(), attr.getValue(), Write.IMPORT));
            }
        }
        entry.touch(now);
        return changes;
    }

    /**
     * The source's POSIX id, claimed like an admin's explicit one (at least 65536, never one
     * handed out before); a source that changes an id it gave is refused, ids are for life.
     */
    private void importGidnumber(Entry entry, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        long requested;
        try {
            requested = Long.parseLong(values.get(0).trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput(Schema.GIDNUMBER, entry.name() + ": gidnumber " + values.get(0) + " is not a number");
        }
        if (entry.posix()) {
            if (entry.gidnumber().orElseThrow() != requested) {
                throw new Conflict(Schema.GIDNUMBER, entry.name() + " has gidnumber " + entry.gidnumber().orElseThrow()
                        + "; the source now says " + requested + ", and POSIX ids do not change");
            }
            return;
        }
        entry.setGidnumber(posixIds.claim(entry.uuid(), requested));
    }

    public void refreshMemberships(Set<UUID> changes) {
        em.flush();
        memberOf.refresh(changes);
    }

    public EntryView get(EntryKind kind, String id) {
        Caller caller = callers.current();
        Entry entry = lookup.require(kind, id);
        AccessControl.requireVisible(caller, entry, id);
        return views.of(entry, caller);
    }

    public EntryView self() {
        Caller caller = callers.current();
        AccessControl.requireAuthenticated(caller);
        Entry entry = lookup.byUuid(caller.uuid()).orElseThrow();
        return views.of(entry, caller);
    }

    /**
     * A page of live entries of {@code kind} in name order, after the name {@code after},
     * filtered by exact values of indexed attributes; one query whatever the table size.
     */
    public List<EntryView> list(EntryKind kind, Map<String, String> filter, int limit, String after) {
        Caller caller = callers.current();
        AccessControl.requireAuthenticated(caller);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInput("limit", "limit must be 1 to " + MAX_PAGE);
        }
        StringBuilder jpql = new StringBuilder("select e from Entry e where type(e) = :type and e.recycledAt is null");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("type", entityClass(kind));
        if (after != null && !after.isBlank()) {
            jpql.append(" and e.name > :after");
            params.put("after", after.trim().toLowerCase(java.util.Locale.ROOT));
        }
        for (Map.Entry<String, String> f : filter.entrySet()) {
            AttributeDefinition def = Schema.require(f.getKey(), kind);
            if (!def.indexed()) {
                throw new InvalidInput(def.name(), def.name() + " is not indexed and cannot filter a list");
            }
            // where the schema stores it: a column or a collection that every entry has
            Storage storage = def.storage();
            if (storage == null || storage.onSubtype() || def.match() == Match.NONE) {
                throw new InvalidInput(def.name(), def.name() + " cannot filter a list");
            }
            String p = "f" + params.size();
            jpql.append(storage.collection() ? " and :" + p + " member of e." + storage.path() : " and e." + storage.path() + " = :" + p);
            params.put(p, filterValue(def, f.getValue()));
            if (def.visibility() == Visibility.PRIVATE) {
                requirePrivateFilterAllowed(caller, kind);
            }
        }
        jpql.append(" order by e.name");
        TypedQuery<Entry> query = em.createQuery(jpql.toString(), Entry.class);
        params.forEach(query::setParameter);
        List<Entry> page = query.setMaxResults(limit).getResultList();
        return views.of(page, caller);
    }

    /** Replaces each given attribute's values (an empty list removes them). */
    public EntryView modify(EntryKind kind, String id, Map<String, List<String>> attrs) {
        Caller caller = callers.current();
        Entry entry = writable(caller, kind, id);
        Set<UUID> changes = new HashSet<>();
        for (Map.Entry<String, List<String>> attr : attrs.entrySet()) {
            changes.addAll(apply(caller, entry, attr.getKey(), attr.getValue(), Write.MODIFY));
        }
        finishModify(caller, entry, changes, String.join(",", attrs.keySet()));
        return views.of(entry, caller);
    }

    public List<String> readAttribute(EntryKind kind, String id, String attribute) {
        Schema.require(attribute, kind);
        EntryView view = get(kind, id);
        return view.attrs().getOrDefault(attribute, List.of());
    }

    public EntryView setAttribute(EntryKind kind, String id, String attribute, List<String> values) {
        return modify(kind, id, Map.of(attribute, values));
    }

    public EntryView appendAttribute(EntryKind kind, String id, String attribute, List<String> values) {
        Caller caller = callers.current();
        Entry entry = writable(caller, kind, id);
        AttributeDefinition def = Schema.require(attribute, kind);
        List<String> merged = new ArrayList<>(current(entry, def));
        merged.addAll(values);
        Set<UUID> changes = apply(caller, entry, attribute, new ArrayList<>(new LinkedHashSet<>(merged)), Write.MODIFY);
        finishModify(caller, entry, changes, attribute);
        return views.of(entry, caller);
    }

    /** Removes the given values, or all values when {@code values} is null. */
    public EntryView removeAttribute(EntryKind kind, String id, String attribute, List<String> values) {
        Caller caller = callers.current();
        Entry entry = writable(caller, kind, id);
        AttributeDefinition def = Schema.require(attribute, kind);
        List<String> remaining = new ArrayList<>();
        if (values != null) {
            Set<String> remove = new HashSet<>();
            for (String v : values) {
                remove.add(def.syntax() == dev.signet.schema.Syntax.REFERENCE ? resolve(def, v).toString() : v);
            }
            for (String v : current(entry, def)) {
                if (!remove.contains(v)) {
                    remaining.add(v);
                }
            }
        }
        Set<UUID> changes = apply(caller, entry, attribute, remaining, Write.MODIFY);
        finishModify(caller, entry, changes, attribute);
        return views.of(entry, caller);
    }

    private void finishModify(Caller caller, Entry entry, Set<UUID> membershipChanges, String what) {
        entry.touch(Instant.now());
        flush(Schema.NAME, entry.name());
        memberOf.refresh(membershipChanges);
        audit.success("entry.modify", caller, entry, what);
    }

    /** Current values in the form {@link #apply} takes them (member as UUIDs). */
    private List<String> current(Entry entry, AttributeDefinition def) {
        if (def.name().equals(Schema.MEMBER)) {
            return ((Group) entry).members().stream().map(UUID::toString).toList();
        }
        return AttributeBinding.read(entry, def.name());
    }

    /**
     * Checks and writes one attribute; returns the entries whose memberships changed. Values are
     * normalised through the schema first, so an error names the attribute.
     */
    /** Who writes: an admin creating or modifying (checked here), or a sync run (which checked names and mail up front, in bulk). */
    private enum Write {
        CREATE, MODIFY, IMPORT
    }

    private Set<UUID> apply(Caller caller, Entry entry, String attribute, List<String> rawValues, Write write) {
        AttributeDefinition def = Schema.require(attribute, entry.kind());
        if (!def.writable()) {
            throw new InvalidInput(attribute, attribute + " is maintained by Signet");
        }
        if (write == Write.MODIFY) {
            AccessControl.requireWrite(caller, entry, def);
            SyncAuthority.requireLocallyWritable(em, entry, attribute);
        }
        if (rawValues == null) {
            throw new InvalidInput(attribute, attribute + ": values must be a list");
        }
        if (def.multiValued() && rawValues.size() > def.maxValues()) {
            // before any value is normalised or checked for uniqueness: that work grows with the count
            throw new InvalidInput(attribute, attribute + " takes at most " + def.maxValues() + " values, got " + rawValues.size());
        }
        if (Schema.ACCOUNT_POLICY.contains(def.name()) && write != Write.IMPORT) {
            AccessControl.requireAccountPolicy(caller, (Group) entry, reachedBy((Group) entry));
        }
        if (def.name().equals(Schema.MEMBER)) {
            return applyMembers(caller, (Group) entry, def, rawValues, write);
        }
        List<String> values = new ArrayList<>();
        for (String raw : rawValues) {
            values.add(def.name().equals(Schema.SSH_PUBLICKEY) ? SshKeyValue.parse(raw).tag() + ": " + SshKeyValue.parse(raw).key()
                    : def.syntax().normalise(attribute, raw));
        }
        if (def.name().equals(Schema.NAME)) {
            requireNameFree(values.isEmpty() ? null : values.get(0), entry.uuid());
        }
        if (def.name().equals(Schema.MAIL) && write != Write.IMPORT) {
            for (String mail : values) {
                requireMailFree(mail, entry.uuid());
            }
        }
        AttributeBinding.write(entry, def, values);
        return Set.of();
    }

    private Set<UUID> applyMembers(Caller caller, Group group, AttributeDefinition def, List<String> refs, Write write) {
        Set<UUID> wanted = new LinkedHashSet<>();
        for (String ref : refs) {
            UUID member = resolve(def, ref);
            if (member.equals(group.uuid())) {
                throw new InvalidInput(Schema.MEMBER, "a group cannot be a direct member of itself");
            }
            wanted.add(member);
        }
        Set<UUID> changed = new HashSet<>(group.members());
        changed.addAll(wanted);
        Set<UUID> unchanged = new HashSet<>(group.members());
        unchanged.retainAll(wanted);
        changed.removeAll(unchanged);
        if (write != Write.IMPORT) {
            requireMembershipChanges(caller, group, changed, wanted);
        }
        if (!changed.isEmpty()) {
            group.members().clear();
            group.members().addAll(wanted);
        }
        return changed;
    }

    /**
     * Each member added or removed must be one the caller is at least as privileged as; each one
     * added to a group an account policy reaches (its own or an enclosing group's) brings its
     * own members under that policy too, and the caller must administer them all.
     */
    private void requireMembershipChanges(Caller caller, Group group, Set<UUID> changed, Set<UUID> added) {
        if (changed.isEmpty()) {
            return;
        }
        boolean policyReaches = !group.accountPolicy().isEmpty() || carriesPolicy(group.memberOf());
        for (UUID uuid : changed) {
            Entry member = em.find(Entry.class, uuid);
            if (member == null) {
                continue;
            }
            AccessControl.requireMembershipChange(caller, member);
            if (policyReaches && added.contains(uuid)) {
                List<Entry> reached = new ArrayList<>(List.of(member));
                if (member instanceof Group nested) {
                    reached.addAll(transitiveMembers(nested));
                }
                AccessControl.requireAccountPolicy(caller, group, reached);
            }
        }
    }

    /** Whom a group's account policy reaches: its live direct members (also those set in this request) and transitive ones. */
    private List<Entry> reachedBy(Group group) {
        Map<UUID, Entry> reached = new LinkedHashMap<>();
        for (UUID uuid : group.members()) {
            Entry member = em.find(Entry.class, uuid);
            if (member != null && !member.recycled()) {
                reached.put(uuid, member);
                if (member instanceof Group nested) {
                    transitiveMembers(nested).forEach(e -> reached.putIfAbsent(e.uuid(), e));
                }
            }
        }
        transitiveMembers(group).forEach(e -> reached.putIfAbsent(e.uuid(), e));
        return List.copyOf(reached.values());
    }

    private List<Entry> transitiveMembers(Group group) {
        return em.createQuery("select e from Entry e where :group member of e.memberOf and e.recycledAt is null", Entry.class)
                .setParameter("group", group.uuid()).getResultList();
    }

    private boolean carriesPolicy(Set<UUID> groups) {
        return !groups.isEmpty() && em.createQuery("select count(g) from Group g where g.uuid in :groups and ("
                        + "g.accountPolicy.passwordMinimumLength is not null or g.accountPolicy.passwordMinimumClasses is not null "
                        + "or g.accountPolicy.passwordHistory is not null or g.accountPolicy.credentialTypeMinimum is not null)", Long.class)
                .setParameter("groups", groups).getSingleResult() > 0;
    }

    private UUID resolve(AttributeDefinition def, String ref) {
        String normal = def.syntax().normalise(def.name(), ref);
        return lookup.live(normal).map(Entry::uuid)
                .orElseThrow(() -> new InvalidInput(def.name(), def.name() + ": no entry " + ref));
    }

    private Entry writable(Caller caller, EntryKind kind, String id) {
        Entry entry = lookup.require(kind, id);
        AccessControl.requireVisible(caller, entry, id);
        return entry;
    }

    private void requireNameFree(String name, UUID self) {
        TypedQuery<Long> query = self == null
                ? em.createQuery("select count(e) from Entry e where e.liveName = :name", Long.class)
                : em.createQuery("select count(e) from Entry e where e.liveName = :name and e.uuid <> :self", Long.class)
                        .setParameter("self", self);
        Long taken = query.setParameter("name", name).getSingleResult();
        if (taken > 0) {
            throw new Conflict(Schema.NAME, "name " + name + " is taken");
        }
    }

    private void requireMailFree(String mail, UUID self) {
        Long taken = em.createQuery("select count(e) from Entry e join e.mail m where m = :mail and e.uuid <> :self and e.recycledAt is null", Long.class)
                .setParameter("mail", mail).setParameter("self", self).getSingleResult();
        if (taken > 0) {
            throw new Conflict(Schema.MAIL, "mail " + mail + " is taken");
        }
    }

    private static void requirePrivateFilterAllowed(Caller caller, EntryKind kind) {
        if (!caller.in(dev.signet.access.BuiltinGroup.IDM_ACCOUNT_READ_PRIV) && !caller.in(dev.signet.access.BuiltinGroup.adminsOf(kind))) {
            throw new dev.signet.fault.AccessDenied("filtering by mail needs idm_account_read_priv");
        }
    }

    /** A list filter's value as the schema compares it. */
    private Object filterValue(AttributeDefinition def, String raw) {
        return switch (def.match()) {
            case INTEGER -> {
                try {
                    yield Integer.valueOf(raw.trim());
                } catch (NumberFormatException e) {
                    throw new InvalidInput(def.name(), def.name() + " must be a number");
                }
            }
            case REFERENCE -> lookup.live(raw).map(Entry::uuid).orElse(new UUID(0, 0));
            case UUID -> Syntax.UUID_VALUE.normalise(def.name(), raw).transform(UUID::fromString);
            default -> def.syntax().normalise(def.name(), raw);
        };
    }

    /** The entity class of a kind, for queries that select one kind. */
    public static Class<? extends Entry> entityClass(EntryKind kind) {
        return switch (kind) {
            case PERSON -> Person.class;
            case GROUP -> Group.class;
            case SERVICE_ACCOUNT -> ServiceAccount.class;
        };
    }

    private void flush(String field, String value) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            // the database's unique constraints are the last word when two writers race
            throw new Conflict(field, "conflicting change for " + value + "; retry");
        }
    }
}
