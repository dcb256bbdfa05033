package dev.signet.entry;

import dev.signet.audit.AuditType;
import jakarta.annotation.security.PermitAll;
import dev.signet.access.AccessControl;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
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
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import dev.signet.access.BuiltinGroup;
import dev.signet.fault.AccessDenied;
import java.util.Locale;

/**
 * Creating, reading and changing entries of every kind. Each call finds its caller, checks access,
 * hands the write to the {@link WritePath} (schema, sync authority, uniqueness, memberof) and
 * audits, all in one transaction.
 */
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
    private WritePath writePath;
    @EJB
    private Audit audit;
    @EJB
    private EntryViews views;

    public EntryView create(EntryKind kind, Map<String, List<String>> attrs) {
        Caller caller = callers.current();
        AccessControl.requireCreate(caller, kind);
        EntryWrite write = EntryWrite.create(kind, UUID.randomUUID(), attrs).checkedBy(w -> requireWriteAccess(caller, w));
        writePath.write(write);
        audit.success(AuditType.ENTRY_CREATE, caller, write.entry(), kind.restName());
        return views.of(write.entry(), caller);
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
            params.put("after", after.trim().toLowerCase(Locale.ROOT));
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
        return modify(caller, entry, attrs, String.join(",", attrs.keySet()));
    }

    private EntryView modify(Caller caller, Entry entry, Map<String, List<String>> attrs, String what) {
        writePath.write(EntryWrite.modify(entry, attrs).checkedBy(w -> requireWriteAccess(caller, w)));
        audit.success(AuditType.ENTRY_MODIFY, caller, entry, what);
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
        if (values != null) {
            merged.addAll(values);
        }
        return modify(caller, entry, Map.of(attribute, new ArrayList<>(new LinkedHashSet<>(merged))), attribute);
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
                remove.add(def.syntax() == Syntax.REFERENCE ? resolve(def, v).toString() : v);
            }
            for (String v : current(entry, def)) {
                if (!remove.contains(v)) {
                    remaining.add(v);
                }
            }
        }
        return modify(caller, entry, Map.of(attribute, remaining), attribute);
    }

    /** Current values in the form the write path takes them (member as UUIDs). */
    private List<String> current(Entry entry, AttributeDefinition def) {
        if (def.name().equals(Schema.MEMBER)) {
            return ((Group) entry).members().stream().map(UUID::toString).toList();
        }
        return AttributeBinding.read(entry, def.name());
    }

    /**
     * The caller's side of a create or modify, run by the write path once values are normalised
     * and members resolved: who may write each attribute, whose memberships the caller may change,
     * whom an account policy would reach.
     */
    private void requireWriteAccess(Caller caller, EntryWrite write) {
        Entry entry = write.entry();
        for (String attribute : write.values().keySet()) {
            AttributeDefinition def = Schema.require(attribute, entry.kind());
            if (write.op() == EntryWrite.Op.MODIFY) {
                AccessControl.requireWrite(caller, entry, def);
            }
            if (Schema.ACCOUNT_POLICY.contains(def.name())) {
                AccessControl.requireAccountPolicy(caller, (Group) entry, reachedBy((Group) entry, requestedMembers(write)));
            }
            if (def.name().equals(Schema.MEMBER)) {
                Group group = (Group) entry;
                Set<UUID> wanted = requestedMembers(write);
                Set<UUID> changed = new HashSet<>(group.members());
                changed.addAll(wanted);
                Set<UUID> unchanged = new HashSet<>(group.members());
                unchanged.retainAll(wanted);
                changed.removeAll(unchanged);
                boolean setsPolicy = Schema.ACCOUNT_POLICY.stream().anyMatch(a -> !write.values().getOrDefault(a, List.of()).isEmpty());
                requireMembershipChanges(caller, group, changed, wanted, setsPolicy);
            }
        }
    }

    private static Set<UUID> requestedMembers(EntryWrite write) {
        Set<UUID> members = new LinkedHashSet<>();
        write.values().getOrDefault(Schema.MEMBER, List.of()).forEach(u -> members.add(UUID.fromString(u)));
        return members;
    }

    /**
     * Each member added or removed must be one the caller is at least as privileged as; each one
     * added to a group an account policy reaches (its own or an enclosing group's) brings its
     * own members under that policy too, and the caller must administer them all.
     */
    private void requireMembershipChanges(Caller caller, Group group, Set<UUID> changed, Set<UUID> added, boolean setsPolicy) {
        if (changed.isEmpty()) {
            return;
        }
        boolean policyReaches = setsPolicy || !group.accountPolicy().isEmpty() || carriesPolicy(group.memberOf());
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
    private List<Entry> reachedBy(Group group, Set<UUID> requested) {
        Map<UUID, Entry> reached = new LinkedHashMap<>();
        Set<UUID> direct = new LinkedHashSet<>(group.members());
        direct.addAll(requested);
        for (UUID uuid : direct) {
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



    private static void requirePrivateFilterAllowed(Caller caller, EntryKind kind) {
        if (!caller.in(BuiltinGroup.IDM_ACCOUNT_READ_PRIV) && !caller.in(BuiltinGroup.adminsOf(kind))) {
            throw new AccessDenied("filtering by mail needs idm_account_read_priv");
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
}
