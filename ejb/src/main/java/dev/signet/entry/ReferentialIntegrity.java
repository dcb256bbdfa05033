package dev.signet.entry;

import dev.signet.model.Entry;
import dev.signet.model.Group;
import dev.signet.schema.ValueClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps every reference to an entry pointing at a live one, Keycloak's {@code preRemove}
 * checklist as one rule. Recycling hides the entry wherever it is named (its groups' members lose
 * what it gave them; listings, spns and logins skip recycled entries) and reviving restores it;
 * purging removes or rewrites every row that names it, in every table below.
 *
 * <p>The tables belong to other features (OAuth2, sessions, credentials); they are named here by
 * their JPQL entity names so that this rule, below those features, does not depend on them. A
 * new table that names an entry by UUID belongs in {@link #PURGED}; the purge integration test
 * reads every table of the database and fails if one is forgotten.
 */
@ApplicationScoped
public class ReferentialIntegrity implements WriteRule {
    /** The UUID a tombstone names once its entry is gone (a POSIX id stays used for life, by nobody). */
    public static final UUID NOBODY = new UUID(0L, 0L);

    /** What purging an entry does to each row that names it (the parameter {@code :uuid}). */
    static final List<String> PURGED = List.of(
            // OAuth2: scope maps (also supplementary) and claim maps of a group; an account's consents and grants
            "delete from ScopeMap m where m.group = :uuid",
            "delete from ClaimMap m where m.group = :uuid",
            "delete from Consent c where c.account = :uuid",
            "delete from Grant g where g.account = :uuid",
            // sessions and tokens of an account
            "delete from UserSession s where s.account = :uuid",
            "delete from AuthSession s where s.account = :uuid",
            "delete from ApiToken t where t.account = :uuid",
            "delete from ResetIntent r where r.account = :uuid",
            // credentials of an account
            "delete from Passkey p where p.account = :uuid",
            "delete from TotpCredential t where t.account = :uuid",
            "delete from BackupCode b where b.account = :uuid",
            "delete from PasswordHistory h where h.account = :uuid",
            // lock history of an account; what it locked of others keeps the event, not its name
            "delete from LockEvent l where l.account = :uuid",
            "update LockEvent l set l.actor = null where l.actor = :uuid");
    /** Rewritten, not removed: the row must stay (a POSIX id is never handed out again). */
    static final String POSIX_TOMBSTONE = "update PosixIdUsed p set p.entry = :nobody where p.entry = :uuid";
    /**
     * Named on purpose and kept: the audit trail records what happened to an entry after it is
     * gone (the purge itself is an event naming it); a sync run's staged rows are the source's copy,
     * written anew by the source and dropped when the run ends.
     */
    public static final Set<String> KEPT_TABLES = Set.of("audit_event", "sync_stage");

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @Inject
    private ValueClaims claims;
    /** what other packages hold that names entries (see {@link ReferencesToEntries}) */
    @Inject
    @Any
    private Instance<ReferencesToEntries> elsewhere;

    @Override
    public void after(List<EntryWrite> writes) {
        for (EntryWrite write : writes) {
            switch (write.op()) {
                // members of a recycled group lose it (and what it gave them); the entry keeps its own
                // memberships for revival, and group listings skip recycled members
                case RECYCLE -> membersOf(write);
                case REVIVE -> {
                    write.membershipChanges().add(write.uuid());
                    membersOf(write);
                }
                case PURGE -> purged(write);
                default -> {
                }
            }
        }
    }

    private static void membersOf(EntryWrite write) {
        if (write.entry() instanceof Group group) {
            write.membershipChanges().addAll(group.members());
        }
    }

    /**
     * Only recycled entries are purged: the members of a purged group lost it when it was
     * recycled, so no memberof changes now (and the removed group's member list is gone).
     */
    private void purged(EntryWrite write) {
        UUID uuid = write.uuid();
        for (Group group : em.createQuery("select g from Group g join g.members m where m = :uuid", Group.class)
                .setParameter("uuid", uuid).getResultList()) {
            group.members().remove(uuid);
        }
        for (Entry entry : em.createQuery("select e from Entry e where :uuid member of e.memberOf", Entry.class)
                .setParameter("uuid", uuid).getResultList()) {
            entry.memberOf().remove(uuid);
        }
        for (String statement : PURGED) {
            em.createQuery(statement).setParameter("uuid", uuid).executeUpdate();
        }
        em.createQuery(POSIX_TOMBSTONE).setParameter("uuid", uuid).setParameter("nobody", NOBODY).executeUpdate();
        claims.releaseAll(List.of(uuid));
        elsewhere.forEach(references -> references.purged(uuid));
        em.flush();
    }
}
