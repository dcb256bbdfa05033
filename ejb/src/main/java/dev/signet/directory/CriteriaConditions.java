package dev.signet.directory;

import dev.signet.model.Account;
import dev.signet.model.Entry;
import dev.signet.model.EntryKind;
import dev.signet.model.Group;
import dev.signet.model.Person;
import dev.signet.model.ServiceAccount;
import dev.signet.schema.Storage;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Conditions as JPA criteria on {@link Entry}, so the database answers a filter through its
 * indexes: names, gid numbers and UUIDs are columns, mail, memberof and group members indexed
 * collection tables. Values are bound parameters, never spliced into a query.
 */
final class CriteriaConditions implements EntryConditions<Predicate> {
    private static final Set<EntryKind> ACCOUNTS = EnumSet.of(EntryKind.PERSON, EntryKind.SERVICE_ACCOUNT);
    private final CriteriaBuilder cb;
    private final CriteriaQuery<?> query;
    private final Root<Entry> entry;

    CriteriaConditions(CriteriaBuilder cb, CriteriaQuery<?> query, Root<Entry> entry) {
        this.cb = cb;
        this.query = query;
        this.entry = entry;
    }

    @Override
    public Predicate all() {
        return cb.conjunction();
    }

    @Override
    public Predicate none() {
        return cb.disjunction();
    }

    @Override
    public Predicate and(List<Predicate> conditions) {
        return cb.and(conditions.toArray(Predicate[]::new));
    }

    @Override
    public Predicate or(List<Predicate> conditions) {
        return cb.or(conditions.toArray(Predicate[]::new));
    }

    @Override
    public Predicate not(Predicate condition) {
        return cb.not(condition);
    }

    @Override
    public Predicate kindIn(Set<EntryKind> kinds) {
        List<Predicate> any = new ArrayList<>();
        for (EntryKind kind : kinds) {
            any.add(cb.equal(entry.type(), entityOf(kind)));
        }
        return any.size() == 1 ? any.get(0) : cb.or(any.toArray(Predicate[]::new));
    }

    @Override
    public Predicate present(Storage storage, Set<EntryKind> kinds) {
        if (storage.collection()) {
            return inCollection(storage, kinds, value -> cb.conjunction());
        }
        return column(storage, kinds).isNotNull();
    }

    @Override
    public Predicate equal(Storage storage, Set<EntryKind> kinds, Object value, boolean lowerStored) {
        if (storage.collection()) {
            return inCollection(storage, kinds, stored -> cb.equal(lowerStored ? cb.lower(text(stored)) : stored, value));
        }
        Expression<?> column = column(storage, kinds);
        return cb.equal(lowerStored ? cb.lower(text(column)) : column, value);
    }

    @Override
    public Predicate like(Storage storage, Set<EntryKind> kinds, String pattern, boolean lowerStored) {
        if (storage.collection()) {
            return inCollection(storage, kinds, stored -> cb.like(lowerStored ? cb.lower(text(stored)) : text(stored), pattern, '\\'));
        }
        Expression<String> column = text(column(storage, kinds));
        return cb.like(lowerStored ? cb.lower(column) : column, pattern, '\\');
    }

    @Override
    public <T extends Comparable<? super T>> Predicate ordered(Storage storage, Set<EntryKind> kinds, T value, boolean atLeast) {
        @SuppressWarnings("unchecked")
        Expression<T> column = (Expression<T>) (Expression<?>) column(storage, kinds);
        return atLeast ? cb.greaterThanOrEqualTo(column, value) : cb.lessThanOrEqualTo(column, value);
    }

    /**
     * An uncorrelated IN over the member table (indexed by member), not a TREAT of the outer
     * entry, which Hibernate cannot nest in an OR of two such conditions (nslcd's initgroups filter).
     */
    @Override
    public Predicate groupWithMember(UUID member) {
        return groupsWhereMember(m -> member == null ? cb.conjunction() : cb.equal(m, member));
    }

    /** memberUid lists the POSIX accounts among a group's members (RFC 2307), so only they match it. */
    @Override
    public Predicate groupWithPosixMember(String name) {
        return groupsWhereMember(m -> m.in(posixAccounts(name)));
    }

    private Predicate groupsWhereMember(Function<Path<UUID>, Predicate> condition) {
        Subquery<UUID> sub = query.subquery(UUID.class);
        Root<Group> group = sub.from(Group.class);
        Join<Group, UUID> member = group.join("members");
        return entry.get("uuid").in(sub.select(group.get("uuid")).where(condition.apply(member)));
    }

    /** The UUIDs of the live POSIX accounts, or of the one with that name. */
    private Subquery<UUID> posixAccounts(String name) {
        Subquery<UUID> accounts = query.subquery(UUID.class);
        Root<Account> account = accounts.from(Account.class);
        List<Predicate> where = new ArrayList<>(List.of(account.get("recycledAt").isNull(), account.get("gidnumber").isNotNull()));
        if (name != null) {
            where.add(cb.equal(account.get("liveName"), name));
        }
        return accounts.select(account.get("uuid")).where(where.toArray(Predicate[]::new));
    }

    /** A text column or collection value as what it is (a Java-level view of the path, no SQL cast). */
    @SuppressWarnings("unchecked")
    private static Expression<String> text(Expression<?> stored) {
        return (Expression<String>) stored;
    }

    private Path<Object> column(Storage storage, Set<EntryKind> kinds) {
        return from(entry, storage, kinds).get(storage.path());
    }

    private <T> Predicate inCollection(Storage storage, Set<EntryKind> kinds, Function<Path<T>, Predicate> condition) {
        Subquery<Integer> sub = query.subquery(Integer.class);
        Root<Entry> same = sub.correlate(entry);
        Join<Object, T> value = from(same, storage, kinds).join(storage.path());
        return cb.exists(sub.select(cb.literal(1)).where(condition.apply(value)));
    }

    /** The entry itself, or the entity of the kinds when the value lives on a subtype (an account's login shell). */
    @SuppressWarnings("unchecked")
    private From<Object, Object> from(Root<Entry> root, Storage storage, Set<EntryKind> kinds) {
        if (!storage.onSubtype()) {
            return (From<Object, Object>) (From<?, ?>) root;
        }
        return (From<Object, Object>) (From<?, ?>) cb.treat(root, subtypeOf(kinds));
    }

    private static Class<? extends Entry> subtypeOf(Set<EntryKind> kinds) {
        if (kinds.size() == 1) {
            return entityOf(kinds.iterator().next());
        }
        if (kinds.equals(ACCOUNTS)) {
            return Account.class;
        }
        return Entry.class;
    }

    private static Class<? extends Entry> entityOf(EntryKind kind) {
        return switch (kind) {
            case PERSON -> Person.class;
            case GROUP -> Group.class;
            case SERVICE_ACCOUNT -> ServiceAccount.class;
        };
    }
}
