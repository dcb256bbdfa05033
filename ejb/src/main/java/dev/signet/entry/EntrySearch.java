package dev.signet.entry;

import dev.signet.access.AccessControl;
import dev.signet.access.BuiltinGroup;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.model.Entry;
import dev.signet.model.EntryKind;
import dev.signet.model.Group;
import dev.signet.model.Person;
import dev.signet.schema.Schema;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Finding entries by what a person types: the beginning of a name, a display name or a mail
 * address, a page at a time in name or display-name order. Every query is a prefix match on an
 * indexed column with a row limit, read in the index's order, so a page costs the same at 100
 * entries and at 100,000; no query counts or loads the whole table. A search that matches more
 * than a page shows, in the order asked, the first matches of each kind (name, display name,
 * mail) in their own index's order.
 */
@PermitAll
@Stateless
public class EntrySearch {
    /** The most rows one page may ask for. */
    public static final int MAX_PAGE = 200;
    /** The deepest a page may start (further is a narrower search, not a later page). */
    public static final int MAX_OFFSET = 10_000;
    private static final Set<String> ROW_ATTRIBUTES = Set.of(Schema.NAME, Schema.DISPLAYNAME, Schema.MAIL, Schema.LOCKED,
            Schema.GIDNUMBER, Schema.SYNC_PARENT);

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private Callers callers;
    @EJB
    private EntryViews views;

    public enum Sort { NAME, DISPLAYNAME }

    /** One page of rows and whether a next page exists. */
    public record Page(List<EntryView> rows, boolean more) {
        public Page {
            rows = List.copyOf(rows);
        }
    }

    /**
     * Live entries of {@code kind} whose name, display name or (for those who may read it) mail
     * begins with {@code text}; all of them when the text is blank.
     */
    public Page search(EntryKind kind, String text, Sort sort, boolean descending, int offset, int size) {
        Caller caller = callers.current();
        AccessControl.requireAuthenticated(caller);
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        int from = Math.max(0, Math.min(offset, MAX_OFFSET));
        String prefix = text == null ? "" : text.trim();
        String way = descending ? " desc" : "";
        // each order is an index's own: live_name (unique; only live entries have one) or (displayname, name)
        String order = sort == Sort.DISPLAYNAME ? "displayname" + way + ", name" + way : "live_name" + way;
        String kindName = kind.name().equals("SERVICE_ACCOUNT") ? "service_account" : kind.name().toLowerCase(Locale.ROOT);
        List<Entry> found;
        if (prefix.isEmpty()) {
            // a range on the sorted column keeps the database on that index (every person has a display name)
            String range = sort == Sort.NAME ? "live_name >= ''" : kind == EntryKind.PERSON ? "displayname >= '' and live_name is not null"
                    : "live_name is not null";
            found = load(page(range, List.of(), kindName, order, from, limit + 1));
        } else {
            // each match is its own indexed prefix query, cut at the page's end; the pages are merged here
            Map<UUID, Entry> merged = new LinkedHashMap<>();
            String like = escape(prefix.toLowerCase(Locale.ROOT)) + "%";
            load(page("live_name like ? escape '\\'", List.of(like), kindName, "live_name", 0, from + limit + 1))
                    .forEach(e -> merged.putIfAbsent(e.uuid(), e));
            // in the display-name index's own order, so a broad prefix ("B") reads a page, not every match
            for (String shown : displayVariants(prefix)) {
                load(page("displayname like ? escape '\\' and live_name is not null", List.of(escape(shown) + "%"), kindName,
                        "displayname, name", 0, from + limit + 1)).forEach(e -> merged.putIfAbsent(e.uuid(), e));
            }
            if (mayReadMail(caller, kind)) {
                // the mail values' own index first, then those entries: a join from the entry side scans every entry
                @SuppressWarnings("unchecked")
                List<Object> owners = em.createNativeQuery("select entry_uuid from entry_mail where mail like ? escape '\\'")
                        .setParameter(1, like).setMaxResults(from + limit + 1).getResultList();
                load(owners.stream().map(EntrySearch::uuid).toList()).stream()
                        .filter(e -> e.kind() == kind && e.recycledAt().isEmpty()).forEach(e -> merged.putIfAbsent(e.uuid(), e));
            }
            Comparator<Entry> by = sort == Sort.DISPLAYNAME
                    ? Comparator.comparing((Entry e) -> e.displayname().orElse(""))
                    : Comparator.comparing(Entry::name);
            by = descending ? by.reversed() : by;
            List<Entry> all = new ArrayList<>(merged.values());
            all.sort(sort == Sort.DISPLAYNAME ? by.thenComparing(Entry::name, descending ? Comparator.reverseOrder() : Comparator.naturalOrder()) : by);
            found = all.subList(Math.min(from, all.size()), Math.min(all.size(), from + limit + 1));
        }
        boolean more = found.size() > limit;
        List<Entry> page = more ? found.subList(0, limit) : found;
        return new Page(views.of(page, caller, ROW_ATTRIBUTES), more);
    }

    /**
     * People and groups for a member picker: names beginning with {@code text}, groups first.
     */
    public List<EntryView> suggest(String text, int size) {
        Caller caller = callers.current();
        AccessControl.requireAuthenticated(caller);
        String prefix = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (prefix.isEmpty()) {
            return List.of();
        }
        int limit = Math.max(1, Math.min(size, 50));
        List<Entry> found = new ArrayList<>();
        for (Class<? extends Entry> type : List.of(Group.class, Person.class)) {
            found.addAll(em.createQuery("select e from Entry e where type(e) = :type and e.recycledAt is null and e.name like :p escape '\\' "
                    + "order by e.name", Entry.class).setParameter("type", type).setParameter("p", escape(prefix) + "%")
                    .setMaxResults(limit).getResultList());
        }
        return views.of(found.subList(0, Math.min(found.size(), limit)), caller, Set.of(Schema.NAME, Schema.DISPLAYNAME));
    }

    /** How many live entries of each kind there are: one grouped count over the kind index. */
    public Map<EntryKind, Long> counts() {
        AccessControl.requireAuthenticated(callers.current());
        Map<EntryKind, Long> counts = new EnumMap<>(EntryKind.class);
        for (EntryKind kind : EntryKind.values()) {
            counts.put(kind, em.createQuery("select count(e) from Entry e where type(e) = :type and e.recycledAt is null", Long.class)
                    .setParameter("type", Entries.entityClass(kind)).getSingleResult());
        }
        return counts;
    }

    /**
     * The UUIDs of one page, in the index's order. SQL rather than JPQL so that the kind is
     * compared through an expression: an equality on the kind column would draw the database
     * (H2) to the kind index and a sort of every entry of the kind, where the sorted column's
     * own index reads just the page.
     */
    private List<UUID> page(String where, List<Object> params, String kindName, String order, int offset, int limit) {
        // people are most entries: their pages read the sorted index and skip the few others; the
        // other kinds are few enough that their own kind index and a sort cost less
        String ofKind = kindName.equals("person") ? " and concat(kind, '') = ?" : " and kind = ?";
        Query query = em.createNativeQuery("select uuid from entry where " + where + ofKind + " order by " + order);
        int i = 1;
        for (Object param : params) {
            query.setParameter(i++, param);
        }
        query.setParameter(i, kindName);
        @SuppressWarnings("unchecked")
        List<Object> ids = query.setFirstResult(offset).setMaxResults(limit).getResultList();
        return ids.stream().map(EntrySearch::uuid).toList();
    }

    /** The entries of these UUIDs, in the same order. */
    private List<Entry> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Entry> byId = new HashMap<>();
        for (Entry e : em.createQuery("select e from Entry e where e.uuid in :ids", Entry.class).setParameter("ids", ids).getResultList()) {
            byId.put(e.uuid(), e);
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** A UUID as the JDBC driver hands a UUID column over (H2: UUID or 16 bytes; PostgreSQL: UUID). */
    private static UUID uuid(Object value) {
        if (value instanceof UUID u) {
            return u;
        }
        if (value instanceof byte[] b && b.length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(b);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return UUID.fromString(String.valueOf(value));
    }

    /** Display names keep their case: the text as typed and with a capital first letter ("jo" finds "Jo Smith"). */
    private static List<String> displayVariants(String prefix) {
        String capital = prefix.substring(0, 1).toUpperCase(Locale.ROOT) + prefix.substring(1);
        return capital.equals(prefix) ? List.of(prefix) : List.of(prefix, capital);
    }

    private static boolean mayReadMail(Caller caller, EntryKind kind) {
        return caller.in(BuiltinGroup.IDM_ACCOUNT_READ_PRIV) || caller.in(BuiltinGroup.adminsOf(kind));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
