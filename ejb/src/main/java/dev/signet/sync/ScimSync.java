package dev.signet.sync;

import dev.signet.schema.InLists;
import dev.signet.credential.SecretDigest;
import dev.signet.fault.Conflict;
import dev.signet.fault.NotAuthenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code /scim/v1/Sync}: an external sync tool reads the sync state and pushes change sets,
 * authenticated by the sync account's token.
 */
// access checked: the sync token names the sync account
@PermitAll
@Stateless
public class ScimSync {

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private SyncApplier applier;

    /** The sync state Signet holds for the token's account: its cookie, or empty before the first run. */
    public Optional<String> state(String token) {
        return account(token).cookie();
    }

    public SyncChangeSet.Applied apply(String token, SyncChangeSet changes) {
        SyncAccount account = account(token);
        requireOwned(account, changes.deleteUuids());
        return applier.apply(account, changes);
    }

    /**
     * A pushed deletion of an entry the account does not own is a conflict, not a no-op: the tool's
     * idea of what it imported is wrong. (An LDAP delete phase may name entries never imported, so
     * this is the SCIM push's rule, not the applier's.) Whether the entry exists is not said.
     */
    private void requireOwned(SyncAccount account, Set<UUID> deletes) {
        Set<UUID> foreign = new LinkedHashSet<>(deletes);
        for (List<UUID> chunk : InLists.chunks(deletes)) {
            foreign.removeAll(em.createQuery("select e.uuid from Entry e where e.syncParent = :owner and e.uuid in :ids", UUID.class)
                    .setParameter("owner", account.uuid()).setParameter("ids", chunk).getResultList());
        }
        if (!foreign.isEmpty()) {
            throw new Conflict("delete_uuids", "nothing was applied; delete_uuids names " + foreign.size()
                    + " entr" + (foreign.size() == 1 ? "y" : "ies") + " this sync account does not own: "
                    + foreign.stream().limit(20).map(UUID::toString).collect(Collectors.joining(", ")));
        }
    }

    private SyncAccount account(String token) {
        if (token == null || token.length() > 200) {
            throw new NotAuthenticated("a sync token is required");
        }
        return em.createQuery("select a from SyncAccount a where a.tokenDigest = :digest", SyncAccount.class)
                .setParameter("digest", SecretDigest.of(token)).getResultStream().findFirst()
                .filter(a -> !a.finalised())
                .orElseThrow(() -> new NotAuthenticated("the sync token is not valid"));
    }
}
