package dev.signet.schema;

import dev.signet.fault.Conflict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The claims on unique values ({@link ValueClaim}): who holds which, claiming and releasing. A
 * release deletes at once (a bulk statement), a claim is inserted at the next flush, so a value
 * released and claimed again within one transaction (a sync run moving a mail address) never
 * meets itself in the unique index.
 */
@ApplicationScoped
public class ValueClaims {
    /** Who holds a value, and for an entry the sync account that owns it (null for a local one). */
    public record Holder(UUID holder, ValueClaim.HolderKind kind, UUID syncParent) {
    }

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    /** The holders of those of {@code values} that are claimed for {@code attribute}. */
    public Map<String, Holder> holders(String attribute, Collection<String> values) {
        Map<String, Holder> holders = new HashMap<>();
        for (List<String> chunk : InLists.chunks(values)) {
            // Entry by its JPQL name: the registry of values sits below the entry model's services
            for (Object[] row : em.createQuery("select c.claimed, c.holder, c.holderKind, e.syncParent from ValueClaim c"
                            + " left join Entry e on e.uuid = c.holder where c.attribute = :attribute and c.claimed in :values", Object[].class)
                    .setParameter("attribute", attribute).setParameter("values", chunk).getResultList()) {
                holders.put((String) row[0], new Holder((UUID) row[1], ValueClaim.HolderKind.valueOf((String) row[2]), (UUID) row[3]));
            }
        }
        return holders;
    }

    public Optional<Holder> holder(String attribute, String value) {
        return Optional.ofNullable(holders(attribute, List.of(value)).get(value));
    }

    /** Records claims; the caller checked the values are free (the unique index decides a race). */
    public void claim(String attribute, UUID holder, ValueClaim.HolderKind kind, Collection<String> values) {
        for (String value : values) {
            em.persist(new ValueClaim(attribute, value, holder, kind));
        }
    }

    /**
     * A name for an OAuth2 client or a sync account, checked and claimed at once: 409 if anything
     * holds it, also when another node claims it at the same moment.
     */
    public void claimName(UUID holder, ValueClaim.HolderKind kind, String name, String field) {
        if (holder(Schema.NAME, name).isPresent()) {
            throw new Conflict(field, "name already taken: " + name);
        }
        claim(Schema.NAME, holder, kind, List.of(name));
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new Conflict(field, "name already taken: " + name);
        }
    }

    /** Releases what {@code holders} claimed for {@code attribute}, at once. */
    public void release(String attribute, Collection<UUID> holders) {
        for (List<UUID> chunk : InLists.chunks(holders)) {
            em.createQuery("delete from ValueClaim c where c.attribute = :attribute and c.holder in :holders")
                    .setParameter("attribute", attribute).setParameter("holders", chunk).executeUpdate();
        }
    }

    /** Releases everything {@code holders} claimed, at once. */
    public void releaseAll(Collection<UUID> holders) {
        for (List<UUID> chunk : InLists.chunks(holders)) {
            em.createQuery("delete from ValueClaim c where c.holder in :holders").setParameter("holders", chunk).executeUpdate();
        }
    }

    /**
     * Claims for what a database from before claims holds (every live entry's name and mail, every
     * client's and sync account's name), once: on the first boot that finds none. Duplicates that
     * an old race let in keep their first holder and are logged.
     */
    public int backfill() {
        if (em.createQuery("select count(c) from ValueClaim c", Long.class).getSingleResult() > 0) {
            return 0;
        }
        Map<String, Boolean> seen = new HashMap<>();
        int claimed = 0;
        claimed += backfill(seen, Schema.NAME, ValueClaim.HolderKind.ENTRY, "select e.liveName, e.uuid from Entry e where e.liveName is not null");
        claimed += backfill(seen, Schema.NAME, ValueClaim.HolderKind.OAUTH2_CLIENT, "select c.name, c.uuid from OAuth2Client c");
        claimed += backfill(seen, Schema.NAME, ValueClaim.HolderKind.SYNC_ACCOUNT, "select a.name, a.uuid from SyncAccount a");
        claimed += backfill(seen, Schema.MAIL, ValueClaim.HolderKind.ENTRY, "select m, e.uuid from Entry e join e.mail m where e.recycledAt is null");
        return claimed;
    }

    private int backfill(Map<String, Boolean> seen, String attribute, ValueClaim.HolderKind kind, String jpql) {
        int claimed = 0;
        for (Object[] row : em.createQuery(jpql, Object[].class).getResultList()) {
            if (seen.putIfAbsent(attribute + ":" + row[0], true) == null) {
                em.persist(new ValueClaim(attribute, (String) row[0], (UUID) row[1], kind));
                claimed++;
            } else {
                Logger.getLogger(ValueClaims.class.getName()).warning(() -> attribute + " " + row[0]
                        + " is held twice; the second holder (" + row[1] + ") keeps it without a claim until it changes");
            }
        }
        return claimed;
    }
}
