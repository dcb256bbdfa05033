package dev.signet.entry;

import dev.signet.schema.InLists;
import jakarta.annotation.security.PermitAll;
import dev.signet.domain.Domain;
import dev.signet.fault.EntryNotFound;
import dev.signet.model.Entry;
import dev.signet.model.EntryKind;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds entries by the ways clients name them: a UUID, a name, or an spn ({@code name@domain}).
 * Every lookup is one indexed query.
 */
@PermitAll
@Stateless
public class EntryLookup {
    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private Domain domain;

    /** A live entry of any kind. */
    public Optional<Entry> live(String id) {
        return find(id).filter(e -> !e.recycled());
    }

    /** A live entry of {@code kind}, or 404. */
    public Entry require(EntryKind kind, String id) {
        return live(id).filter(e -> e.kind() == kind).orElseThrow(() -> new EntryNotFound(id));
    }

    /**
     * A name as lookups compare it, found or not: trimmed, lower case, without this domain's
     * {@code @suffix}. What is said of a name that matches no account (its decoy, its lockout
     * count) is keyed by this, so "x" and "X@domain" are one name whether or not it exists.
     */
    public String canonical(String id) {
        String ref = id.trim().toLowerCase(Locale.ROOT);
        String suffix = "@" + domain.name().value();
        return ref.endsWith(suffix) ? ref.substring(0, ref.length() - suffix.length()) : ref;
    }

    /** An entry, live or recycled. */
    public Optional<Entry> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String ref = id.trim().toLowerCase(Locale.ROOT);
        Optional<UUID> uuid = parseUuid(ref);
        if (uuid.isPresent()) {
            return Optional.ofNullable(em.find(Entry.class, uuid.get()));
        }
        int at = ref.indexOf('@');
        if (at >= 0) {
            if (!ref.substring(at + 1).equals(domain.name().value())) {
                return Optional.empty();
            }
            ref = ref.substring(0, at);
        }
        List<Entry> byLiveName = em.createQuery("select e from Entry e where e.liveName = :name", Entry.class)
                .setParameter("name", ref).getResultList();
        return byLiveName.stream().findFirst();
    }

    public Optional<Entry> byUuid(UUID uuid) {
        return Optional.ofNullable(em.find(Entry.class, uuid));
    }

    /** spn of each live entry among {@code uuids}. */
    public Map<UUID, String> spns(Collection<UUID> uuids) {
        Map<UUID, String> spns = new HashMap<>();
        names(uuids).forEach((uuid, name) -> spns.put(uuid, spnOf(name)));
        return spns;
    }

    /** The name of each live entry among {@code uuids}, a thousand per query. */
    public Map<UUID, String> names(Collection<UUID> uuids) {
        Map<UUID, String> names = new HashMap<>();
        if (uuids.isEmpty()) {
            return names;
        }
        // a group of 100k members names them all: a thousand per query
        for (List<UUID> chunk : InLists.chunks(uuids)) {
            for (Object[] row : em.createQuery("select e.uuid, e.name from Entry e where e.uuid in :uuids and e.recycledAt is null", Object[].class)
                    .setParameter("uuids", chunk).getResultList()) {
                names.put((UUID) row[0], (String) row[1]);
            }
        }
        return names;
    }

    public String spn(Entry entry) {
        return spnOf(entry.name());
    }

    /** {@code name@domain}. */
    public String spnOf(String name) {
        return name + "@" + domain.name().value();
    }

    private static Optional<UUID> parseUuid(String ref) {
        if (ref.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(ref));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
