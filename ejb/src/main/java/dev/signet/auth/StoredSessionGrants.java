package dev.signet.auth;

import dev.signet.access.SessionGrants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

/** The grants of the stored sessions and API tokens. */
@ApplicationScoped
public class StoredSessionGrants implements SessionGrants {
    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @Override
    public Grant of(UUID session, Instant now) {
        if (session == null) {
            return Grant.NONE;
        }
        UserSession userSession = em.find(UserSession.class, session);
        if (userSession != null) {
            boolean credentialUpdate = userSession.validAt(now) && userSession.credentialUpdate();
            return new Grant(userSession.privilegedAt(now), credentialUpdate);
        }
        ApiToken apiToken = em.find(ApiToken.class, session);
        return new Grant(apiToken != null && apiToken.validAt(now) && apiToken.readWrite(), false);
    }
}
