package dev.signet.audit;

import dev.signet.access.AccessControl;
import dev.signet.access.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit trail as people read it: newest first, filtered by type, actor, target and time, a
 * page at a time (each page one indexed range query with a row limit); and the authentication
 * activity of the last 24 hours, hour by hour. For those who may read the audit trail.
 */
@PermitAll
@Stateless
public class AuditSearch {
    public static final int MAX_PAGE = 500;
    /** The audit types of a finished authentication: the chart's successes and failures. */
    private static final List<String> SUCCESSES = List.of("auth.success", "auth.reauth");
    private static final List<String> FAILURES = List.of("auth.failure", "auth.lockout");

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private Callers callers;

    /** One event as shown: never a credential (the trail holds none). */
    public record Event(long id, Instant at, String type, String outcome, UUID actorUuid, String actor, UUID targetUuid,
                        String target, String source, String detail) {
    }

    /** What to show: each part optional (null). {@code actor} and {@code target} are names, exactly. */
    public record Filter(String type, String actor, String target, Instant from, Instant to) {
    }

    /** One hour of authentications: its start, successes, failures. */
    public record Hour(Instant start, long successes, long failures) {
    }

    /** Events matching the filter, newest first, older than the event {@code before} when paging on. */
    public List<Event> page(Filter filter, Long before, int size) {
        AccessControl.requireAudit(callers.current());
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        StringBuilder jpql = new StringBuilder("select e from AuditEvent e where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.type() != null && !filter.type().isBlank()) {
            jpql.append(" and e.type = :type");
            params.put("type", filter.type().trim());
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            jpql.append(" and e.actorName = :actor");
            params.put("actor", filter.actor().trim());
        }
        if (filter.target() != null && !filter.target().isBlank()) {
            jpql.append(" and e.targetName = :target");
            params.put("target", filter.target().trim());
        }
        if (filter.from() != null) {
            jpql.append(" and e.at >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            jpql.append(" and e.at < :to");
            params.put("to", filter.to());
        }
        if (before != null) {
            AuditEvent cursor = em.find(AuditEvent.class, before);
            if (cursor != null) {
                jpql.append(" and (e.at < :cursorAt or (e.at = :cursorAt and e.id < :cursorId))");
                params.put("cursorAt", cursor.at());
                params.put("cursorId", cursor.id());
            }
        }
        TypedQuery<AuditEvent> query = em.createQuery(jpql.append(" order by e.at desc, e.id desc").toString(), AuditEvent.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList().stream().map(AuditSearch::event).toList();
    }

    /** The last {@code size} failed authentications, newest first. */
    public List<Event> recentFailures(int size) {
        AccessControl.requireAudit(callers.current());
        return em.createQuery("select e from AuditEvent e where e.type in :types order by e.at desc, e.id desc", AuditEvent.class)
                .setParameter("types", FAILURES).setMaxResults(Math.max(1, Math.min(size, 100))).getResultList().stream()
                .map(AuditSearch::event).toList();
    }

    /** The 24 hours up to now, oldest first: two counts per hour over the (type, at) index. */
    public List<Hour> authenticationsByHour() {
        AccessControl.requireAudit(callers.current());
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        List<Hour> hours = new ArrayList<>(24);
        for (int h = 23; h >= 0; h--) {
            Instant from = end.minus(Duration.ofHours(h + 1L));
            Instant to = from.plus(Duration.ofHours(1));
            hours.add(new Hour(from, count(SUCCESSES, from, to), count(FAILURES, from, to)));
        }
        return hours;
    }

    private long count(List<String> types, Instant from, Instant to) {
        return em.createQuery("select count(e) from AuditEvent e where e.type in :types and e.at >= :from and e.at < :to", Long.class)
                .setParameter("types", types).setParameter("from", from).setParameter("to", to).getSingleResult();
    }

    private static Event event(AuditEvent e) {
        return new Event(e.id(), e.at(), e.type(), e.outcome(), e.actorUuid(), e.actorName(), e.targetUuid(), e.targetName(),
                e.source(), e.detail());
    }
}
