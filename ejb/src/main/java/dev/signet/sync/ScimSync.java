package dev.signet.sync;

import dev.signet.credential.SecretDigest;
import dev.signet.fault.NotAuthenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * {@code /scim/v1/Sync}: an external sync tool reads the sync state and pushes change sets,
 * authenticated by the sync account's token.
 */
// access is decided in code: the sync token names the sync account
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
        return applier.apply(account(token), changes);
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
