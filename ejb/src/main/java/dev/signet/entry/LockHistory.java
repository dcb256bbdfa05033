package dev.signet.entry;

import dev.signet.access.AccessControl;
import dev.signet.access.Caller;
import dev.signet.access.Callers;
import dev.signet.fault.AccessDenied;
import dev.signet.model.Entry;
import dev.signet.model.EntryKind;
import dev.signet.model.LockEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * An account's locks and unlocks, oldest first, as views. Reading it is a read: those who
 * administer the account or may read private attributes, from a read-only session too.
 */
@PermitAll
@Stateless
public class LockHistory {
    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private Callers callers;
    @EJB
    private EntryLookup lookup;

    public record Change(boolean locked, String reason, Instant at) {
    }

    public List<Change> of(EntryKind kind, String id) {
        Caller caller = callers.current();
        AccessControl.requireAuthenticated(caller);
        Entry entry = lookup.require(kind, id);
        AccessControl.requireVisible(caller, entry, id);
        if (!AccessControl.mayReadPrivate(caller, entry)) {
            throw new AccessDenied("may not read the lock history of " + entry.name());
        }
        return em.createQuery("select l from LockEvent l where l.account = :account order by l.at, l.id", LockEvent.class)
                .setParameter("account", entry.uuid()).setMaxResults(1000).getResultList().stream()
                .map(e -> new Change(e.locked(), e.reason(), e.at())).toList();
    }
}
