package dev.signet.auth;

import dev.signet.audit.AuditType;
import dev.signet.access.AccessControl;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.audit.Audit;
import dev.signet.fault.EntryNotFound;
import dev.signet.model.Account;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The caller's own sessions: listing them (without tokens) and ending one, e.g. a lost laptop's. */
@PermitAll
@Stateless
public class OwnSessions {
    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private Callers callers;
    @EJB
    private Audit audit;

    /** Sessions still valid, newest first. */
    public List<SessionSummary> list() {
        Caller caller = callers.current();
        AccessControl.requireAuthenticated(caller);
        Instant now = Instant.now();
        return em.createQuery("select s from UserSession s where s.account = :account and s.revokedAt is null and s.expires > :now "
                        + "order by s.issued desc", UserSession.class)
                .setParameter("account", caller.uuid()).setParameter("now", now).setMaxResults(1000).getResultList().stream()
                .map(s -> new SessionSummary(s.id(), s.issued(), s.expires(), s.source(), s.privilegedUntil().filter(now::isBefore)))
                .toList();
    }

    /** The session the caller speaks through now (none for an API token). */
    public Optional<SessionSummary> current() {
        Instant now = Instant.now();
        return callers.currentSession().map(id -> em.find(UserSession.class, id)).filter(s -> s.validAt(now))
                .map(s -> new SessionSummary(s.id(), s.issued(), s.expires(), s.source(), s.privilegedUntil().filter(now::isBefore)));
    }

    /** Ending a session is allowed from a read-only session too: it only ever reduces access. */
    public void revoke(UUID sessionId) {
        Caller caller = callers.current();
        AccessControl.requireAuthenticated(caller);
        UserSession session = sessionId == null ? null : em.find(UserSession.class, sessionId);
        if (session == null || !session.account().equals(caller.uuid())) {
            throw new EntryNotFound(String.valueOf(sessionId));
        }
        session.revoke(Instant.now());
        audit.success(AuditType.SESSION_REVOKE, caller, em.find(Account.class, caller.uuid()), sessionId.toString());
    }
}
