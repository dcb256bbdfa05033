package dev.signet.audit;

import jakarta.annotation.security.PermitAll;
import dev.signet.access.Caller;
import dev.signet.model.Entry;
import dev.signet.fault.InvalidInput;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Writes audit events: a row in {@code audit_event} and a JSON line on the {@code dev.signet.audit}
 * logger (its own file in the provisioned server). Details name reasons, never secrets.
 */
@PermitAll
@Stateless
public class Audit {
    private static final Logger LOG = Logger.getLogger("dev.signet.audit");

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @Inject
    private Instance<ClientOrigin> origin;

    /** An event that belongs to the caller's transaction: it is kept only if the change is. */
    public void success(AuditType type, Caller actor, Entry target, String detail) {
        write(type, actor, target == null ? null : target.uuid(), target == null ? null : target.name(), "success", detail);
    }

    /**
     * An event that must be kept whatever happens to the caller's transaction: refusals and
     * failed authentications.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failure(AuditType type, Caller actor, UUID targetUuid, String targetName, String reason) {
        write(type, actor, targetUuid, targetName, "failure", reason);
    }

    /**
     * A failure written in the caller's transaction, for a caller that commits it: a denied login
     * ends normally, so its row needs no second transaction (nor a second pooled connection, which
     * a crowd of failed logins would otherwise wait for while holding their first).
     */
    public void failureInTransaction(AuditType type, Caller actor, UUID targetUuid, String targetName, String reason) {
        write(type, actor, targetUuid, targetName, "failure", reason);
    }

    /** A success recorded on its own, outside any change (a RADIUS accounting start or stop). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void successIndependently(AuditType type, Caller actor, UUID targetUuid, String targetName, String detail) {
        write(type, actor, targetUuid, targetName, "success", detail);
    }

    private void write(AuditType type, Caller actor, UUID targetUuid, String targetName, String outcome, String detail) {
        AuditEvent event = new AuditEvent(Instant.now(), type.wire(), actor.uuid(), actor.name(), targetUuid, targetName,
                source(), outcome, detail);
        em.persist(event);
        LOG.info(() -> AuditJson.line(event));
    }

    private String source() {
        return ClientOrigin.addressOf(origin);
    }

    /**
     * Events at or after {@code since}, oldest first, optionally of one type, and after the event
     * {@code after} when paging on from it: (time, id) orders events exactly, even when several
     * share a millisecond or come from nodes whose id blocks interleave.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditEvent> since(Instant since, String type, int limit, Long after) {
        StringBuilder jpql = new StringBuilder("select e from AuditEvent e where e.at >= :since");
        AuditEvent cursor = null;
        if (after != null) {
            cursor = em.find(AuditEvent.class, after);
            if (cursor == null) {
                throw new InvalidInput("after", "after must be the id of an event a previous page returned");
            }
            jpql.append(" and (e.at > :at or (e.at = :at and e.id > :id))");
        }
        if (type != null) {
            jpql.append(" and e.type = :type");
        }
        TypedQuery<AuditEvent> query = em.createQuery(jpql.append(" order by e.at, e.id").toString(), AuditEvent.class);
        query.setParameter("since", since);
        if (cursor != null) {
            query.setParameter("at", cursor.at()).setParameter("id", cursor.id());
        }
        if (type != null) {
            query.setParameter("type", type);
        }
        return query.setMaxResults(limit).getResultList();
    }
}
